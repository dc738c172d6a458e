// The published documents built from one set of entries: native JSON (signed), text, CSV and a MISP event.
import type { FeedEntry } from '../../shared/feed/types.ts';
import { serializeNativeFeed, toNativeFeed } from '../../shared/feed/native-feed.ts';

export function nativeFeedText(name: string, entries: readonly FeedEntry[], published: Date, ttlDays: number): string {
  return serializeNativeFeed(toNativeFeed({ name, entries: [...entries], ttlDays }, published));
}

/** One scam number or block (`+1804713XXXX`) a line (the text format carries no verdict: trusted entries are left out). */
export function textFeed(name: string, entries: readonly FeedEntry[], published: Date): string {
  const lines = [`# ${oneLine(name)}`, `# published ${published.toISOString()}`];
  for (const e of scamOnly(entries)) lines.push(e.kind === 'block' ? `${e.key}${'X'.repeat(e.digits ?? 0)}` : e.key);
  return `${lines.join('\n')}\n`;
}

export function csvFeed(entries: readonly FeedEntry[]): string {
  const rows = [['number', 'digits', 'verdict', 'brands', 'first_seen', 'last_seen', 'reports', 'label']];
  for (const e of sorted(entries)) {
    rows.push([e.key, e.kind === 'block' ? String(e.digits ?? '') : '', e.verdict, (e.brands ?? []).join('; '), e.firstSeen ?? '', e.lastSeen ?? '', e.reports === undefined ? '' : String(e.reports), e.label ?? '']);
  }
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** A MISP event with one `phone-number` attribute per confirmed scam number (MISP has no type for a block). */
export function mispEvent(name: string, entries: readonly FeedEntry[], published: Date): unknown {
  return {
    Event: {
      info: name,
      date: published.toISOString().slice(0, 10),
      timestamp: String(Math.floor(published.getTime() / 1000)),
      analysis: '2',
      threat_level_id: '2',
      Tag: [{ name: 'ringfence:callback-scam' }],
      Attribute: scamOnly(entries)
        .filter((e) => e.kind === 'number')
        .map((e) => ({
          type: 'phone-number',
          category: 'Payload delivery',
          to_ids: true,
          value: e.key,
          comment: [e.brands?.length ? `brands: ${e.brands.join(', ')}` : '', e.reports ? `${e.reports} reports` : ''].filter(Boolean).join('; '),
          ...(e.lastSeen ? { last_seen: e.lastSeen } : {}),
          ...(e.firstSeen ? { first_seen: e.firstSeen } : {}),
        })),
    },
  };
}

function scamOnly(entries: readonly FeedEntry[]): FeedEntry[] {
  return sorted(entries).filter((e) => e.verdict === 'scam');
}

function sorted(entries: readonly FeedEntry[]): FeedEntry[] {
  return [...entries].sort((a, b) => (a.kind !== b.kind ? (a.kind === 'number' ? -1 : 1) : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Quoted when needed; a leading = + - @ is defused so a spreadsheet does not run it as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^\+\d+$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
