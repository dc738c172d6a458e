import { BLOCK_DIGITS } from './block-of.ts';

type Raw = Record<string, unknown>;

/**
 * Native feed entries (not yet checked) from `ringfence cluster --json` output: each number with its
 * brands, dates and message count as reports; each shared block (two or more numbers) as a block entry.
 * The caller runs them through the native parser, so a hand-edited or hostile file is checked like any feed.
 */
export function campaignFeedEntries(clusterDocument: unknown): Raw[] {
  const campaigns = isObject(clusterDocument) ? clusterDocument.campaigns : undefined;
  if (!Array.isArray(campaigns)) throw new Error('not ringfence cluster output: no "campaigns" list');
  const entries: Raw[] = [];
  for (const campaign of campaigns) {
    if (!isObject(campaign)) continue;
    const source = typeof campaign.id === 'string' ? `ringfence cluster ${campaign.id}` : 'ringfence cluster';
    for (const number of Array.isArray(campaign.numbers) ? campaign.numbers : []) {
      if (!isObject(number)) continue;
      entries.push(definedOnly({
        number: number.e164,
        verdict: 'scam',
        brands: number.brands,
        firstSeen: number.firstSeen,
        lastSeen: number.lastSeen,
        reports: number.messages,
        source,
      }));
    }
    for (const block of Array.isArray(campaign.sharedBlocks) ? campaign.sharedBlocks : []) {
      entries.push(definedOnly({
        block,
        digits: BLOCK_DIGITS,
        verdict: 'scam',
        brands: campaign.brands,
        firstSeen: campaign.firstSeen,
        lastSeen: campaign.lastSeen,
        source,
      }));
    }
  }
  return entries;
}

function definedOnly(entry: Raw): Raw {
  return Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined && value !== null));
}

function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
