// A PostgreSQL server through node-postgres: how several server instances share one store.
import pg from 'pg';
import { normalizeRow, type Database, type Queryable, type Row } from './database.ts';

const INT8 = 20;

export async function openPostgresDatabase(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8 ? Number : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser },
  });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', () => {});
  const run = async <T extends Row>(target: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]): Promise<T[]> => {
    const result = await target.query(sql, params ? [...params] : undefined);
    return (result.rows as Row[]).map((row) => normalizeRow<T>(row));
  };
  await pool.query('SELECT 1').catch((error: unknown) => {
    void pool.end();
    throw new Error(`database: cannot connect to PostgreSQL (${(error as Error).message})`);
  });
  return {
    kind: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const scoped: Queryable = { query: (sql, params) => run(client, sql, params) };
        const result = await work(scoped);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
