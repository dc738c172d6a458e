// The bodies read by scans of messages whose headers are still coming (the page scanned them on what it
// shows), by message key: when the headers come the message is judged on the same reading, not read again.
// Each is used once, dropped when its message leaves the page, and the oldest go first past the bounds (a
// message whose body was let go is scanned again in full when its headers come).
import type { KeptBody } from './scan-message.ts';

/** Bodies kept at once: more than the messages of a long conversation waiting for their headers. */
export const KEPT_BODIES = 200;
/** Text kept at once over all bodies, in characters (a few very long messages must not hold on to much memory). */
export const KEPT_CHARS = 8_000_000;

export class KeptBodies {
  private readonly kept = new Map<string, { body: KeptBody; chars: number }>();
  private chars = 0;

  constructor(
    private readonly limit = KEPT_BODIES,
    private readonly maxChars = KEPT_CHARS,
  ) {}

  keep(key: string, body: KeptBody): void {
    this.drop(key);
    const chars = body.reading.parts.reduce((sum, part) => sum + part.text.length, 0);
    if (chars > this.maxChars) return;
    this.kept.set(key, { body, chars });
    this.chars += chars;
    while (this.kept.size > this.limit || this.chars > this.maxChars) this.drop(this.kept.keys().next().value!);
  }

  /** The body kept for `key`, forgotten as it is handed out. */
  take(key: string): KeptBody | undefined {
    const body = this.kept.get(key)?.body;
    this.drop(key);
    return body;
  }

  drop(key: string): void {
    const entry = this.kept.get(key);
    if (!entry) return;
    this.kept.delete(key);
    this.chars -= entry.chars;
  }

  get size(): number {
    return this.kept.size;
  }
}
