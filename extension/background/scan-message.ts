// Judges a message a content script read from the page, with the cached feeds and the device's sightings.
import { scan } from '../../shared/scan.ts';
import { atLeast } from '../../shared/verdict/levels.ts';
import { formatNumber } from '../../shared/verdict/format-number.ts';
import type { MailMessage } from '../../shared/types.ts';
import type { ScanResponse } from '../lib/messages.ts';
import { getPolicyForScan } from './policy.ts';
import { getReputation, getSightings } from './stores.ts';
import { sightingsOncePerMessage } from './sightings-once.ts';

export async function scanMessage(message: MailMessage, options: { remember?: boolean } = {}): Promise<ScanResponse> {
  const { effective } = await getPolicyForScan();
  const [reputation, sightings] = await Promise.all([getReputation(), options.remember === false ? undefined : getSightings()]);
  const verdict = await scan(message, {
    policy: effective,
    now: new Date(),
    ...(reputation ? { reputation } : {}),
    ...(sightings ? { sightings: sightingsOncePerMessage(sightings, message) } : {}),
  });
  const formatted: Record<string, string> = {};
  for (const phone of verdict.phones) formatted[phone.e164] = formatNumber(phone.e164);
  return {
    verdict,
    show: verdict.level !== 'none' && atLeast(verdict.level, effective.minimumBannerLevel),
    canReport: Boolean(effective.reportEndpoint),
    formatted,
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
