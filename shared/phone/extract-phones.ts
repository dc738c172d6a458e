import { getCountryCallingCode, isSupportedCountry } from 'libphonenumber-js/max';
import type { PhoneFinding, TextPart } from '../types.ts';
import { scanDigitChains } from './find-digit-chains.ts';
import { findTemplatePlaceholders } from './find-template-placeholders.ts';
import { createNumberLookup } from './lookup-number.ts';
import { normalizeText } from './normalize-text.ts';
import { originalEnd, originalStart } from './normalized-text.ts';
import { readChain, type ChainHit, type ChainReader } from './read-chain.ts';
import type { ExtractOptions, PhoneExtraction, Placeholder } from './types.ts';

const DEFAULT_REGION = 'US';

/**
 * Finds the phone numbers in the visible text parts of a message, undoing the obfuscations scammers use,
 * with offsets into each part's original text. Fake numbers and unfilled template fields go to
 * `placeholders`. Order: part order, then position; one finding per (part, number, position).
 */
export function extractPhones(parts: readonly TextPart[], options: ExtractOptions = {}): PhoneExtraction {
  const region = (options.defaultRegion ?? DEFAULT_REGION).toUpperCase();
  if (!isSupportedCountry(region)) throw new RangeError(`extractPhones: unknown region "${region}"`);
  const lookup = createNumberLookup(region);
  const nanp = getCountryCallingCode(region) === '1';
  const phones: PhoneFinding[] = [];
  const placeholders: Placeholder[] = [];
  // Numbers in one part never overlap; only a part id passed twice could repeat a finding.
  const repeated = repeatedIds(parts);
  const seen = new Map<string, Set<string>>();
  const firstTime = (partId: string, what: string, start: number) => {
    if (!repeated.has(partId)) return true;
    let known = seen.get(partId);
    if (known === undefined) seen.set(partId, (known = new Set()));
    const key = `${start} ${what}`;
    if (known.has(key)) return false;
    known.add(key);
    return true;
  };

  for (const part of parts) {
    const text = part.text;
    const t = normalizeText(text);
    const reader: ChainReader = { t, nanp, lookup, idd: nanp ? '011' : '00' };
    const hits: ChainHit[] = [];
    scanDigitChains(t, (chain) => readChain(chain, reader, hits));
    const found: Placeholder[] = [];
    for (const hit of hits) {
      const start = originalStart(t, hit.lead);
      const end = originalEnd(t, hit.end - 1);
      const raw = text.slice(start, end);
      if (hit.number === undefined || hit.kind === 'fake') {
        if (firstTime(part.id, 'fake', start)) found.push({ raw, part: part.id, start, end, kind: 'fake' });
        continue;
      }
      const { e164, lineType, region: numberRegion } = hit.number;
      if (!firstTime(part.id, e164, start)) continue;
      const finding: PhoneFinding = { e164, raw, lineType, part: part.id, start, end, obfuscated: hit.obfuscated };
      if (numberRegion) finding.region = numberRegion;
      phones.push(finding);
    }
    for (const { start, end } of findTemplatePlaceholders(text)) {
      if (firstTime(part.id, 'template', start)) found.push({ raw: text.slice(start, end), part: part.id, start, end, kind: 'template' });
    }
    placeholders.push(...found.sort((a, b) => a.start - b.start));
  }
  return { phones, placeholders };
}

function repeatedIds(parts: readonly TextPart[]): Set<string> {
  const ids = new Set<string>();
  const repeated = new Set<string>();
  for (const { id } of parts) (ids.has(id) ? repeated : ids).add(id);
  return repeated;
}
