// Judges a message a content script read from the page, with the cached feeds and the device's sightings and familiar senders.
// A message whose headers come after its scan is judged again on the body that scan read (judgeWithHeaders).
import { judgeBody, readBody, sameVisibleText, type BodyReading } from '../../shared/scan.ts';
import { atLeast } from '../../shared/verdict/levels.ts';
import { formatNumber } from '../../shared/verdict/format-number.ts';
import type { MailMessage, Verdict } from '../../shared/types.ts';
import type { ScanResponse } from '../lib/messages.ts';
import { getPolicyForScan, type EffectivePolicy } from './policy.ts';
import { getReputation, getSenders, getSightings } from './stores.ts';
import { sightingsOncePerMessage } from './sightings-once.ts';
import { sendersOncePerMessage } from '../../shared/browser/senders-once.ts';
import { reasonTextsOf } from './reason-texts.ts';

/** A message's body as read by a scan, with the policy it was read under: judged again when its headers come. */
export interface KeptBody {
  reading: BodyReading;
  /** The effective policy, serialised: a reading is of no use under another policy. */
  policy: string;
}

export interface ScanOptions {
  /** Records the message in the device's sightings and familiar senders (default true). */
  remember?: boolean;
  /** Given the body's reading, for a message whose headers are still coming (judgeWithHeaders). */
  keepBody?: (kept: KeptBody) => void;
}

/** A full scan: reads the message's body (numbers, lure, feeds, sightings) and judges it with what headers it has. */
export async function scanMessage(message: MailMessage, options: ScanOptions = {}): Promise<ScanResponse> {
  const { effective } = await getPolicyForScan();
  const remember = options.remember !== false;
  const [reputation, sightings, senders] = await Promise.all([getReputation(), remember ? getSightings() : undefined, remember ? getSenders() : undefined]);
  const context = {
    policy: effective,
    now: new Date(),
    ...(reputation ? { reputation } : {}),
    ...(sightings ? { sightings: sightingsOncePerMessage(sightings, message) } : {}),
    ...(senders ? { senders: sendersOncePerMessage(senders, message) } : {}),
  };
  const reading = await readBody(message, context);
  options.keepBody?.({ reading, policy: JSON.stringify(effective) });
  return responseOf(await judgeBody(message, reading, context), effective);
}

/**
 * The verdict of a message whose headers came after its scan, on the body that scan read: only what depends
 * on the headers (platform identity, sender evidence and familiarity) is looked at again. Null when the kept
 * reading does not fit (the headers changed the visible text, or the policy changed): a full scan is needed.
 */
export async function judgeWithHeaders(message: MailMessage, kept: KeptBody): Promise<ScanResponse | null> {
  const { effective } = await getPolicyForScan();
  if (JSON.stringify(effective) !== kept.policy || !sameVisibleText(message, kept.reading)) return null;
  const senders = await getSenders();
  const context = { policy: effective, now: new Date(), ...(senders ? { senders: sendersOncePerMessage(senders, message) } : {}) };
  return responseOf(await judgeBody(message, kept.reading, context), effective);
}

function responseOf(verdict: Verdict, effective: EffectivePolicy): ScanResponse {
  const formatted: Record<string, string> = {};
  for (const phone of verdict.phones) formatted[phone.e164] = formatNumber(phone.e164);
  return {
    verdict,
    show: verdict.level !== 'none' && atLeast(verdict.level, effective.minimumBannerLevel),
    canReport: Boolean(effective.reportEndpoint),
    formatted,
    reasonTexts: reasonTextsOf(verdict),
  };
}

/** Runs the core once on a made-up message so that the first real message is judged at full speed. */
export async function warmUp(): Promise<void> {
  await getSightings();
  await scanMessage(
    {
    subject: 'Invoice',
    from: null,
    replyTo: [],
    to: [],
    date: null,
    headers: [],
    text: 'Your PayPal renewal was charged. To cancel call +1 202 555 0100.',
    hiddenText: '',
    parts: [],
    attachments: [],
    links: [],
    },
    { remember: false },
  );
}
