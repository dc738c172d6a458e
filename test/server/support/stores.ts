// The store matrix every server storage test runs on: PGlite, and a real PostgreSQL.
import { afterAll, beforeAll } from 'vitest';
import { rmSync } from 'node:fs';
import type { ServerConfig } from '../../../server/config.ts';
import { freshPgliteDir, pgliteTemplate } from './pglite-dir.ts';
import { postgresUnavailable, testPostgres, type TestPostgres } from './postgres.ts';

export type StoreKind = 'pglite' | 'postgres';

/** ['pglite', 'postgres'], without 'postgres' (said aloud) where it cannot be had outside CI. */
export const STORE_KINDS: StoreKind[] = postgresUnavailable() ? ['pglite'] : ['pglite', 'postgres'];

let postgres: Promise<TestPostgres> | undefined;
const dirs: string[] = [];

// The first PGlite store of a run pays for initdb (10+ s in WASM on a busy machine): not inside a test's time limit.
beforeAll(() => pgliteTemplate(), 180_000);

afterAll(async () => {
  if (postgres) await (await postgres).dropAll();
  postgres = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}, 60_000);

/** Store settings for a new, empty, migrated store of this kind. */
export async function freshStore(kind: StoreKind): Promise<Pick<ServerConfig, 'dataDir' | 'databaseUrl'>> {
  if (kind === 'pglite') {
    const dataDir = await freshPgliteDir();
    dirs.push(dataDir);
    return { dataDir };
  }
  postgres ??= testPostgres();
  return { databaseUrl: await (await postgres).createDatabase() };
}
