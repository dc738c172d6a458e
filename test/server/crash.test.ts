// kill -9 of the server during a burst of 2,000 reports loses none that were answered 2xx: counted after
// a restart on the same store (PGlite recovering its WAL, or PostgreSQL).
import { describe, expect, it } from 'vitest';
import { STORE_KINDS, freshStore } from './support/stores.ts';
import { spawnServer } from './support/child-server.ts';
import { makeReport } from './support/reports.ts';
import { openDatabase } from '../../server/db/open-database.ts';

const BURST = 2_000;
const CLIENTS = 50;

describe.each(STORE_KINDS)('crash on %s', (kind) => {
  it('kill -9 mid-burst loses no report that was answered 2xx', async () => {
    const store = await freshStore(kind);
    const first = await spawnServer(store);
    const reports = Array.from({ length: BURST }, () => makeReport());
    const acknowledged: string[] = [];
    let failed = 0;
    let next = 0;
    let killed = false;
    const killAt = 400 + Math.floor(Math.random() * 400);
    const client = async () => {
      while (next < reports.length) {
        const report = reports[next++]!;
        try {
          const response = await fetch(`${first.url}/api/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(report) });
          if (response.status === 201 || response.status === 200) acknowledged.push(report.id);
          else failed++;
        } catch {
          failed++;
        }
        if (!killed && acknowledged.length >= killAt) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    await first.exited;
    expect(killed).toBe(true);
    expect(failed).toBeGreaterThan(0); // the kill really cut the burst short

    // The store is whole after the crash: a new server starts on it and every acknowledged report is there.
    const second = await spawnServer(store);
    const health = await fetch(`${second.url}/healthz`);
    expect(health.status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    const db = await openDatabase(store);
    try {
      const stored = new Set((await db.query<{ id: string }>('SELECT id FROM reports')).map((r) => r.id));
      const lost = acknowledged.filter((id) => !stored.has(id));
      expect(lost).toEqual([]);
      expect(stored.size).toBeGreaterThanOrEqual(acknowledged.length);
      expect(acknowledged.length).toBeGreaterThanOrEqual(killAt);
    } finally {
      await db.close();
    }
  }, 180_000);
});
