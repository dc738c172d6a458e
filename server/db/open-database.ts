// Picks the store: PostgreSQL when a URL is given (--database or DATABASE_URL), else PGlite in the data dir.
import type { Database } from './database.ts';
import { openPgliteDatabase } from './pglite-database.ts';
import { openPostgresDatabase } from './postgres-database.ts';
import { migrate } from './migrate.ts';
import { lockDataDir } from './data-dir-lock.ts';

export interface StoreOptions {
  /** postgres://… ; wins over dataDir. */
  databaseUrl?: string | undefined;
  /** PGlite directory; undefined with no URL means in memory (tests). */
  dataDir?: string | undefined;
}

export async function openDatabase(options: StoreOptions): Promise<Database> {
  const db = options.databaseUrl ? await openPostgresDatabase(options.databaseUrl) : await openLockedPglite(options.dataDir);
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  return db;
}

async function openLockedPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir === undefined) return openPgliteDatabase(undefined);
  const unlock = lockDataDir(dataDir);
  try {
    const db = await openPgliteDatabase(dataDir);
    return { ...db, close: () => db.close().finally(unlock) };
  } catch (error) {
    unlock();
    throw error;
  }
}
