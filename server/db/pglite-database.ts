// Embedded PostgreSQL (PGlite, WASM) in a data directory: `ringfence serve` needs no other service.
import { PGlite } from '@electric-sql/pglite';
import { normalizeRow, type Database, type Queryable, type Row } from './database.ts';

/** Opens (creating when absent) the PGlite database in `dataDir`, or in memory when `dataDir` is undefined. */
export async function openPgliteDatabase(dataDir: string | undefined): Promise<Database> {
  const db = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  await db.waitReady;
  const run = async <T extends Row>(target: Pick<PGlite, 'query'>, sql: string, params?: readonly unknown[]): Promise<T[]> => {
    const result = await target.query<Row>(sql, params ? [...params] : undefined);
    return result.rows.map((row) => normalizeRow<T>(row));
  };
  return {
    kind: 'pglite',
    query: (sql, params) => run(db, sql, params),
    async exec(sql) {
      await db.exec(sql);
    },
    transaction: (work) =>
      db.transaction(async (tx) => {
        const scoped: Queryable = { query: (sql, params) => run(tx, sql, params) };
        return work(scoped);
      }),
    async close() {
      if (!db.closed) await db.close();
    },
  };
}
