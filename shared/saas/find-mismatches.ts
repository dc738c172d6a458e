import lexicon from '../data/saas-mismatch.json' with { type: 'json' };
import type { PhoneFinding, TextPart } from '../types.ts';
import type { Mismatch } from './types.ts';

interface ContentClass {
  label: string;
  notSent: string;
  lure: boolean;
  patterns: RegExp[];
}

const CLASSES = new Map<string, ContentClass>(
  Object.entries(lexicon.classes).map(([kind, c]) => [
    kind,
    { label: c.label, notSent: c.notSent, lure: c.lure, patterns: c.patterns.map((p) => new RegExp(p, 'i')) },
  ]),
);
CLASSES.set('phone-call', { label: lexicon.phoneCall.label, notSent: lexicon.phoneCall.notSent, lure: lexicon.phoneCall.lure, patterns: [] });
const CALL_WORDS = new RegExp(lexicon.phoneCall.callWords, 'i');
/** Notifications are short (a GitHub comment holds at most 65,536 characters): read the first 200,000 of a part. */
const MAX_SCAN_CHARS = 200_000;

/** Every content class the lexicon knows, phone-call included. */
export const ALL_CLASSES: readonly string[] = [...CLASSES.keys()];

export function describeClass(kind: string): { label: string; notSent: string; lure: boolean } {
  const c = CLASSES.get(kind);
  return c ? { label: c.label, notSent: c.notSent, lure: c.lure } : { label: kind, notSent: kind, lure: false };
}

/** Finds the content classes in `kinds` in the visible text, one quoted piece of evidence each. */
export function findMismatches(parts: readonly TextPart[], kinds: readonly string[], phones: readonly PhoneFinding[]): Mismatch[] {
  const found: Mismatch[] = [];
  const readable = parts.map((p) => readableText(p.text.slice(0, MAX_SCAN_CHARS)));
  for (const kind of kinds) {
    const c = CLASSES.get(kind);
    if (!c || kind === 'phone-call') continue;
    const hit = firstHit(readable, c.patterns);
    if (hit) found.push({ kind, evidence: hit });
  }
  if (kinds.includes('phone-call')) {
    const call = phoneCallEvidence(parts, phones);
    if (call) found.push({ kind: 'phone-call', evidence: call });
  }
  return found;
}

function firstHit(texts: readonly string[], patterns: readonly RegExp[]): string | undefined {
  for (const text of texts) {
    for (const pattern of patterns) {
      const m = pattern.exec(text);
      if (m) return quote(text, m.index, m.index + m[0].length);
    }
  }
  return undefined;
}

/** A number the reader is asked to call: a call word near it, in the same part. */
function phoneCallEvidence(parts: readonly TextPart[], phones: readonly PhoneFinding[]): string | undefined {
  const byId = new Map(parts.map((p) => [p.id, p.text]));
  for (const phone of phones) {
    const text = byId.get(phone.part);
    if (text === undefined) continue;
    const window = lexicon.phoneCall.window;
    const around = text.slice(Math.max(0, phone.start - window), Math.min(text.length, phone.end + window));
    if (CALL_WORDS.test(around)) return quote(text, phone.start, phone.end);
  }
  return undefined;
}

/** Text as read: no links (their words are not the sender's message), no zero-width characters, one space. */
function readableText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200b-\u200f\u2060\ufeff\u3164\u115f\u1160]/g, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ')
    .replace(/<[^>]{1,200}>/g, ' ')
    .replace(/[*_#`]+/g, '')
    .replace(/[ \t\u00a0]+/g, ' ');
}

/** The match with a few words either side, on one line, at most ~120 characters. */
function quote(text: string, start: number, end: number): string {
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, start - 40);
  const nextBreak = text.indexOf('\n', end);
  const lineEnd = Math.min(nextBreak < 0 ? text.length : nextBreak, end + 40);
  let snippet = text.slice(lineStart, lineEnd).replace(/\s+/g, ' ').trim();
  if (lineStart > 0 && text[lineStart - 1] !== '\n') snippet = `…${snippet.replace(/^\S*\s/, '')}`;
  if (lineEnd < text.length && text[lineEnd] !== '\n') snippet = `${snippet.replace(/\s\S*$/, '')}…`;
  return snippet.length > 160 ? `${snippet.slice(0, 157)}…` : snippet;
}
