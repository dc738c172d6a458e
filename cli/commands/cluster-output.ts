// How `ringfence cluster` prints: campaign by campaign as they are built, so the output of a huge export is
// never one string in memory. JSON is one document (format, counts, campaigns, errors); text is a report.
import type { Campaign } from '../../shared/cluster/index.ts';
import { terminalJson, terminalLine, terminalText } from '../terminal-text.ts';

export const CLUSTER_FORMAT = 'ringfence-clusters/1';
const LISTED = 5;

export interface ClusterSummary {
  messages: number;
  withoutNumbers: number;
  /** Distinct numbers clustered. */
  numbers: number;
  campaigns: number;
  /** Numbers first seen after --max-numbers were tracked: sightings skipped, messages left in no campaign. */
  untracked?: { sightings: number; messages: number; maxNumbers: number };
  errors: { file: string; error: string }[];
  /** Unreadable messages beyond those listed in `errors`. */
  errorsOmitted: number;
}

/** Writes text in pieces of about 64 KB to standard output, made safe for a terminal. */
export class ChunkedOut {
  private pending: string[] = [];
  private size = 0;

  write(text: string): void {
    this.pending.push(text);
    this.size += text.length;
    if (this.size > 65536) this.flush();
  }

  flush(): void {
    if (this.pending.length) process.stdout.write(terminalText(this.pending.join('')));
    this.pending = [];
    this.size = 0;
  }
}

export function writeJson(out: ChunkedOut, summary: ClusterSummary, campaigns: Iterable<Campaign>): void {
  const head = { format: CLUSTER_FORMAT, messages: summary.messages, withoutNumbers: summary.withoutNumbers, numbers: summary.numbers, ...(summary.untracked ? { untracked: summary.untracked } : {}) };
  out.write(terminalJson(head, 2).replace(/\n}$/, ',\n  "campaigns": ['));
  let first = true;
  for (const campaign of campaigns) {
    out.write(`${first ? '' : ','}\n    ${terminalJson(campaign, 2).replace(/\n/g, '\n    ')}`);
    first = false;
  }
  out.write(`${first ? '' : '\n  '}],\n  "errors": ${terminalJson(summary.errors, 2).replace(/\n/g, '\n  ')}`);
  out.write(`${summary.errorsOmitted ? `,\n  "errorsOmitted": ${summary.errorsOmitted}` : ''}\n}\n`);
  out.flush();
}

export function writeText(out: ChunkedOut, summary: ClusterSummary, campaigns: Iterable<Campaign>): void {
  out.write(
    `${summary.messages} messages read, ${summary.campaigns} campaigns, ${summary.withoutNumbers} messages without numbers` +
      (summary.errors.length + summary.errorsOmitted ? `, ${summary.errors.length + summary.errorsOmitted} unreadable` : '') +
      '\n',
  );
  if (summary.untracked) {
    const { sightings, messages, maxNumbers } = summary.untracked;
    out.write(`truncated: only the first ${maxNumbers} distinct numbers were clustered; ${sightings} sightings of later numbers skipped, ${messages} messages left in no campaign (raise --max-numbers)\n`);
  }
  for (const campaign of campaigns) out.write(`\n${campaignText(campaign).join('\n')}\n`);
  for (const { file, error } of summary.errors) out.write(`\nERROR   ${terminalLine(file)}  ${terminalLine(error)}\n`);
  if (summary.errorsOmitted) out.write(`\n… and ${summary.errorsOmitted} more unreadable messages not listed\n`);
  out.flush();
}

function campaignText(c: Campaign): string[] {
  const lines = [`${c.id}: ${c.messages} message${c.messages === 1 ? '' : 's'}, ${span(c.firstSeen, c.lastSeen, c.lifespanDays)}`];
  if (c.brands.length) lines.push(`  brands:   ${listed(c.brands, c.capped?.includes('brands'))}`);
  for (const n of c.numbers) {
    lines.push(`  number:   ${n.e164}  ${n.messages} message${n.messages === 1 ? '' : 's'}, ${span(n.firstSeen, n.lastSeen, n.lifespanDays)}${n.brands.length ? `  (${listed(n.brands)})` : ''}`);
  }
  if (c.sharedBlocks.length) lines.push(`  blocks:   ${c.sharedBlocks.map((b) => `${b}XXXX`).join(', ')} (numbers differing in the last 4 digits)`);
  lines.push(`  subjects: ${listed(c.subjects, c.capped?.includes('subjects'))}`);
  lines.push(`  senders:  ${listed(c.senders, c.capped?.includes('senders'))}`);
  lines.push(`  files:    ${listed(c.files, false, c.messages)}`);
  return lines;
}

function span(first: string | null, last: string | null, days: number | null): string {
  if (!first || !last) return 'no dates';
  const from = first.slice(0, 10);
  const to = last.slice(0, 10);
  const length = `${days} day${days === 1 ? '' : 's'}`;
  return from === to ? `${from} (${length})` : `${from} → ${to} (${length})`;
}

/** The first few values, and how many more (or "more" when the list itself was capped). */
function listed(values: readonly string[], capped = false, total = values.length): string {
  const shown = values.slice(0, LISTED).map((v) => terminalLine(v));
  if (total > LISTED) return `${shown.join(' | ')} | … ${total - LISTED} more`;
  return capped ? `${shown.join(' | ')} | … more` : shown.join(' | ');
}
