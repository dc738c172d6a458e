import type { FeedEntry } from '../feed/types.ts';

/** Least-recently-used cache of decoded buckets. Copies never change once written, so entries never go stale. */
export class BucketCache {
  private readonly map = new Map<string, FeedEntry[]>();

  constructor(private readonly limit: number) {}

  get(key: string): FeedEntry[] | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: string, value: FeedEntry[]): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.limit) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
  }

  clear(): void {
    this.map.clear();
  }
}
