import type { ServerConfig } from './config.ts';
import type { Database } from './db/database.ts';
import type { RateLimiter } from './http/rate-limit.ts';
import type { Metrics } from './ops/metrics.ts';
import type { Logger } from './ops/log.ts';
import type { FeedPublisher } from './feed/feed-publisher.ts';
import type { SigningKey } from './feed/signing-key.ts';

/** What every route handler may use. */
export interface ServerContext {
  config: ServerConfig;
  db: Database;
  rateLimiter: RateLimiter;
  metrics: Metrics;
  log: Logger;
  feed: FeedPublisher;
  signingKey: SigningKey;
  adminTokenSha256: string;
  sinkNames: string[];
  onReportStored(): void;
}
