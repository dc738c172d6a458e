import type { HuntFinding } from '../pool/message-task.ts';

/** First and last sighting of one hunted number, by the messages' Date headers. */
export interface NumberSeen {
  e164: string;
  messages: number;
  /** ISO dates; null when none of its messages had a usable Date. */
  firstSeen: string | null;
  lastSeen: string | null;
  /** The messages dated first and last (FILE, or FILE#INDEX inside an mbox). */
  firstIn: string | null;
  lastIn: string | null;
}

/** Adds up hunt findings per number, keeping only counts and the two end points: bounded by the numbers found. */
export class SightingsSummary {
  private readonly byNumber = new Map<string, NumberSeen>();

  add(name: string, finding: HuntFinding): void {
    for (const e164 of new Set(finding.hits.map((h) => h.e164))) {
      const seen = this.byNumber.get(e164) ?? { e164, messages: 0, firstSeen: null, lastSeen: null, firstIn: null, lastIn: null };
      seen.messages++;
      if (finding.date) {
        if (seen.firstSeen === null || finding.date < seen.firstSeen) Object.assign(seen, { firstSeen: finding.date, firstIn: name });
        if (seen.lastSeen === null || finding.date > seen.lastSeen) Object.assign(seen, { lastSeen: finding.date, lastIn: name });
      }
      this.byNumber.set(e164, seen);
    }
  }

  /** Most messages first, then by number. */
  numbers(): NumberSeen[] {
    return [...this.byNumber.values()].sort((a, b) => b.messages - a.messages || (a.e164 < b.e164 ? -1 : 1));
  }
}
