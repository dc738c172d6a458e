// Storage on both stores: migrations (once, concurrently, refusing a newer schema), settings races, and
// reports stored once whatever the retries.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open-database.ts';
import { migrate } from '../../server/db/migrate.ts';
import { MIGRATIONS } from '../../server/db/migrations.ts';
import { settingOrCreate } from '../../server/db/settings.ts';
import { STORE_KINDS, freshStore } from './support/stores.ts';
import { startTestServer } from './support/server.ts';
import { makeReport, postJson } from './support/reports.ts';

describe.each(STORE_KINDS)('storage on %s', (kind) => {
  it('applies migrations once, also when instances start together, and records them; settings race safely', async () => {
    const store = await freshStore(kind);
    const db = await openDatabase(store);
    try {
      const again = await Promise.all([migrate(db), migrate(db), migrate(db)]);
      expect(again).toEqual([[], [], []]);
      const rows = await db.query('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      const tables = await db.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
      expect(tables.map((t) => t.name)).toEqual(['decisions', 'report_numbers', 'reports', 'schema_migrations', 'settings', 'sink_queue']);
      await expect(migrate(db, [{ version: 1, name: 'older', sql: '' }].slice(0, 0))).rejects.toThrow(/newer than this server knows/);
      // A failing migration leaves nothing half-applied.
      await expect(migrate(db, [...MIGRATIONS, { version: 99, name: 'bad', sql: 'CREATE TABLE t99 (x int); SELECT nonsense FROM nowhere' }])).rejects.toThrow();
      expect(await db.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 't99'`)).toEqual([]);
      // A setting created by two starts at once keeps the first value.
      const results = await Promise.all(['a', 'b', 'c'].map((v) => settingOrCreate(db, 'key', () => v)));
      expect(new Set(results.map((r) => r.value)).size).toBe(1);
      expect(results.filter((r) => r.created)).toHaveLength(1);
    } finally {
      await db.close();
    }
  });

  if (kind === 'postgres') {
    it('several instances migrating one fresh database at once apply each migration once', async () => {
      const store = await freshStore(kind);
      const dbs = await Promise.all([1, 2, 3].map(() => import('../../server/db/postgres-database.ts').then((m) => m.openPostgresDatabase(store.databaseUrl!))));
      try {
        const applied = await Promise.all(dbs.map((db) => migrate(db)));
        expect(applied.flat()).toEqual(MIGRATIONS.map((m) => m.version));
      } finally {
        await Promise.all(dbs.map((db) => db.close()));
      }
    });
  }

  it('a report retried 5 times is answered 2xx each time and stored once', async () => {
    const server = await startTestServer(kind);
    const report = makeReport();
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await postJson(`${server.url}/api/reports`, report));
    expect(answers.map((a) => a.status)).toEqual([201, 200, 200, 200, 200]);
    expect(answers[1]!.json).toMatchObject({ id: report.id, stored: false, duplicate: true });
    // Concurrent retries of another report: one stores it.
    const other = makeReport();
    const racing = await Promise.all([1, 2, 3, 4, 5].map(() => postJson(`${server.url}/api/reports`, other)));
    expect(racing.every((a) => a.status === 200 || a.status === 201)).toBe(true);
    expect(racing.filter((a) => a.status === 201)).toHaveLength(1);
    const rows = await server.db.query('SELECT id FROM reports');
    expect(rows.map((r) => r.id).sort()).toEqual([report.id, other.id].sort());
    expect(await server.db.query('SELECT * FROM report_numbers')).toHaveLength(2);
  });
});
