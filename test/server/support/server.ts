// Starts the server in this process on a loopback port, on a fresh store of the given kind.
import { afterAll } from 'vitest';
import type { ServerConfig } from '../../../server/config.ts';
import { startServer, type RunningServer, type StartOptions } from '../../../server/start-server.ts';
import { silentLogger } from '../../../server/ops/log.ts';
import { freshStore, type StoreKind } from './stores.ts';

export const ADMIN_TOKEN = 'test-admin-token';
const running: RunningServer[] = [];

afterAll(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
}, 60_000);

export async function startTestServer(kind: StoreKind, config: Partial<ServerConfig> = {}, options: Omit<StartOptions, 'config'> = {}): Promise<RunningServer> {
  const store = config.dataDir || config.databaseUrl ? {} : await freshStore(kind);
  const server = await startServer({
    log: silentLogger,
    ...options,
    config: { port: 0, host: '127.0.0.1', adminToken: ADMIN_TOKEN, rateLimit: { burst: 10_000, perSecond: 10_000 }, ...store, ...config },
  });
  running.push(server);
  return server;
}

export const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
