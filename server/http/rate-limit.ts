// Token bucket per client address: `burst` requests at once, refilled at `perSecond`.

export interface RateLimiter {
  /** 0 when allowed (a token is taken), else the seconds to wait before the next token. */
  take(key: string): number;
}

export function tokenBucket(options: { burst: number; perSecond: number; now?: () => number; maxKeys?: number }): RateLimiter {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 100_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key) {
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: options.burst, at: t };
      bucket.tokens = Math.min(options.burst, bucket.tokens + ((t - bucket.at) / 1000) * options.perSecond);
      bucket.at = t;
      buckets.delete(key);
      buckets.set(key, bucket); // most recently used last; the oldest is dropped when the map is full
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value!);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / options.perSecond));
    },
  };
}
