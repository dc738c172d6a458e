// Judges a message a content script read from the page, with the cached feeds and the device's sightings and familiar senders.
import { scan } from '../../shared/scan.ts';
import { atLeast } from '../../shared/verdict/levels.ts';
import { formatNumber } from '../../shared/verdict/format-number.ts';
import type { MailMessage } from '../../shared/types.ts';
import type { ScanResponse } from '../lib/messages.ts';
import { getPolicyForScan } from './policy.ts';
import { getReputation, getSenders, getSightings } from './stores.ts';
import { sightingsOncePerMessage } from './sightings-once.ts';
import { sendersOncePerMessage } from '../../shared/browser/senders-once.ts';
import { reasonTextsOf } from './reason-texts.ts';

export async function scanMessage(message: MailMessage, options: { remember?: boolean } = {}): Promise<ScanResponse> {
  const { effective } = await getPolicyForScan();
  const remember = options.remember !== false;
  const [reputation, sightings, senders] = await Promise.all([getReputation(), remember ? getSightings() : undefined, remember ? getSenders() : undefined]);
  const verdict = await scan(message, {
    policy: effective,
    now: new Date(),
    ...(reputation ? { reputation } : {}),
    ...(sightings ? { sightings: sightingsOncePerMessage(sightings, message) } : {}),
    ...(senders ? { senders: sendersOncePerMessage(senders, message) } : {}),
  });
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
