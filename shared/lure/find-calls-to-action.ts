import type { PhoneFinding } from '../types.ts';
import type { CallToActionHit } from './types.ts';
import type { ScanUnit } from './plan-units.ts';
import { foldedIndexAt } from './fold-text.ts';
import { CTA_LABEL, CTA_LABEL_SYMBOLS, CTA_REQUEST, CTA_STANDALONE } from './lexicons.ts';
import { snippet } from './make-evidence.ts';
import { anyInside, anyOverlapping, firstStartingAt, type Span } from './sorted-spans.ts';

/** A request this close to a number (folded characters, either side) points at it. */
const NEAR = 120;
/** ... or this close when nothing ends the sentence in between. */
const SAME_SENTENCE = 250;
/** Longest label in front of a number ("Customer Service Phone Line:"). */
const LABEL_MAX = 60;
/** Requests without a number kept per part. */
const MAX_STANDALONE = 3;
/** Numbers weighed per slice; a message with more is not a letter anyone reads. */
const MAX_NUMBERS = 2_000;

/** A number labelled as a fax line is not one to call. */
const FAX = /(?<![a-z])fax(?:\s*(?:no\.?|number|#|line))?\s*[:.\-]?\s*$/;

/**
 * Requests to phone, tied to the numbers they point at: each number gets the closest request within reach,
 * else the label in front of it. Requests that are about phoning but have no number nearby are kept on their own.
 */
export function findCallsToAction(units: readonly ScanUnit[], phones: readonly PhoneFinding[]): CallToActionHit[] {
  const tied: CallToActionHit[] = [];
  const loose: CallToActionHit[] = [];
  const tiedNumbers = new Map<string, number>();
  for (const unit of units) {
    const text = unit.folded.text;
    const requests = spans(CTA_REQUEST, text);
    const first = unit.folded.origin[0]!;
    const last = unit.folded.origin[unit.folded.origin.length - 1]!;
    const here = phones
      .filter((p) => p.part === unit.part && p.start >= first && p.end <= last)
      .sort((a, b) => a.start - b.start)
      .slice(0, MAX_NUMBERS);
    const numbers: Span[] = here.map((p) => ({ start: foldedIndexAt(unit.folded, p.start), end: foldedIndexAt(unit.folded, p.end) }));
    for (let n = 0; n < here.length; n++) {
      const phone = here[n]!;
      const number = numbers[n]!;
      if (FAX.test(text.slice(Math.max(0, number.start - 24), number.start))) continue;
      const request = closestRequest(text, requests, number, numbers);
      let hit: CallToActionHit | undefined;
      if (request !== undefined) {
        const span = requests[request]!;
        const kind = isHeading(text, span) ? 'label' : 'request';
        hit = tie(unit, Math.min(span.start, number.start), Math.max(span.end, number.end), phone, kind);
      } else {
        const label = labelBefore(text, number.start);
        if (label !== undefined) hit = tie(unit, label, number.end, phone, 'label');
      }
      if (!hit) continue;
      const key = `${phone.e164}\u0000${unit.part}`;
      const previous = tiedNumbers.get(key);
      if (previous === undefined) {
        tiedNumbers.set(key, tied.length);
        tied.push(hit);
      } else if (tied[previous]!.kind === 'label' && hit.kind === 'request') tied[previous] = hit;
    }
    const standalone = spans(CTA_STANDALONE, text);
    let kept = loose.filter((h) => h.part === unit.part).length;
    for (const span of standalone) {
      if (kept >= MAX_STANDALONE) break;
      // Near a number, the request has been weighed for that number already.
      if (anyOverlapping(numbers, span.start - NEAR, span.end + NEAR)) continue;
      loose.push({ evidence: snippet(unit.source, unit.folded.origin[span.start]!, unit.folded.origin[span.end]!), part: unit.part, kind: 'request' });
      kept++;
    }
  }
  return [...tied, ...loose];
}

function spans(pattern: RegExp, text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(pattern)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

function tie(unit: ScanUnit, start: number, end: number, phone: PhoneFinding, kind: CallToActionHit['kind']): CallToActionHit {
  const from = unit.folded.origin[start]!;
  const to = unit.folded.origin[end]!;
  return { evidence: snippet(unit.source, from, to), part: unit.part, phoneE164: phone.e164, kind };
}

/**
 * Index of the request closest to the number, within reach; undefined when none. A real request ("contact our
 * billing line") wins over a closer heading ("Support Line:"), which only counts when nothing else is in reach.
 */
function closestRequest(text: string, requests: readonly Span[], number: Span, numbers: readonly Span[]): number | undefined {
  let best: number | undefined;
  let bestDistance = Infinity;
  let heading: number | undefined;
  let headingDistance = Infinity;
  const from = firstStartingAt(requests, number.start - SAME_SENTENCE - 40);
  for (let i = from; i < requests.length && requests[i]!.start <= number.end + SAME_SENTENCE; i++) {
    const r = requests[i]!;
    const after = r.start >= number.end;
    if (!after && r.end > number.start) continue;
    const distance = after ? r.start - number.end : number.start - r.end;
    const isHeadingSpan = isHeading(text, r);
    if (distance > SAME_SENTENCE || distance >= (isHeadingSpan ? headingDistance : bestDistance)) continue;
    const gap = after ? text.slice(number.end, r.start) : text.slice(r.end, number.start);
    if (distance > NEAR && /[.!?]\s|\n\s*\n/.test(gap)) continue;
    // A request after the number counts only within its sentence ("... 555-0100 (toll free) to cancel").
    if (after && /[.!?]\s|\n/.test(gap)) continue;
    // A request that another number stands between belongs to that number.
    if (after ? anyInside(numbers, number.end, r.start) : anyInside(numbers, r.end, number.start)) continue;
    if (isHeadingSpan) {
      heading = i;
      headingDistance = distance;
    } else {
      best = i;
      bestDistance = distance;
    }
  }
  return best ?? heading;
}

/** Start of a short label right before the number ("Support Desk Line:", "Tel.", "📞"), on its line or the line above. */
function labelBefore(text: string, numberStart: number): number | undefined {
  const lineStart = text.lastIndexOf('\n', numberStart - 1) + 1;
  let start = Math.max(lineStart, numberStart - LABEL_MAX);
  let label = text.slice(start, numberStart);
  if (!/[a-z\u2600-\u27bf\ud83c-\udbff]/.test(label) && lineStart > 0) {
    // The label sits alone on the line above ("Customer Support Line:\n+1 833 ...").
    const above = text.lastIndexOf('\n', lineStart - 2) + 1;
    start = Math.max(above, lineStart - 1 - LABEL_MAX);
    label = text.slice(start, numberStart);
    if (!/:\s*$/.test(text.slice(start, lineStart - 1)) && !hasSymbol(label)) return undefined;
  }
  if (hasSymbol(label)) return start + label.search(/\S/);
  const words = [...label.matchAll(CTA_LABEL)];
  const firstWord = words[0];
  const lastWord = words[words.length - 1];
  if (!firstWord || !lastWord) return undefined;
  // What follows the last label word must not be a sentence: at most a few words and punctuation.
  const tail = label.slice(lastWord.index + lastWord[0].length);
  if (tail.split(/[^a-z]+/).filter(Boolean).length > 3) return undefined;
  return start + firstWord.index;
}

/** A lone noun before a colon ("Contact:", "Toll free:", "Hotline:") heads a number, as in a signature; it asks nothing. */
const HEADING_WORDS = /^(?:call|contact|dial|phone|helpline|hotline|help line|toll[\s-]?free|tollfree|support line|phone number|(?:customer )?(?:support|service) number)$/;

function isHeading(text: string, span: Span): boolean {
  return HEADING_WORDS.test(text.slice(span.start, span.end)) && /^\s*:/.test(text.slice(span.end, span.end + 4));
}

function hasSymbol(text: string): boolean {
  return CTA_LABEL_SYMBOLS.some((s) => text.includes(s));
}
