// The bodies read by scans of messages whose headers are still coming (the page scanned them on what it
// shows), by message key: when the headers come the message is judged on the same reading, not read again.
// Each is used once, dropped when its message leaves the page, and the oldest go first past the bound.
import type { KeptBody } from './scan-message.ts';

/** Bodies kept at once: more than the messages of a long conversation waiting for their headers. */
export const KEPT_BODIES = 200;

export class KeptBodies {
  private readonly kept = new Map<string, KeptBody>();

  constructor(private readonly limit = KEPT_BODIES) {}

  keep(key: string, body: KeptBody): void {
    this.kept.delete(key);
    this.kept.set(key, body);
    if (this.kept.size > this.limit) this.kept.delete(this.kept.keys().next().value!);
  }

  /** The body kept for `key`, forgotten as it is handed out. */
  take(key: string): KeptBody | undefined {
    const body = this.kept.get(key);
    this.kept.delete(key);
    return body;
  }

  drop(key: string): void {
    this.kept.delete(key);
  }

  get size(): number {
    return this.kept.size;
  }
}
