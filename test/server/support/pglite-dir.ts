// A fresh, migrated PGlite data directory in well under a second: initdb in WASM takes 10+ s on a busy
// machine, so a migrated template is made once (per schema) and copied for each test.
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { MIGRATIONS } from '../../../server/db/migrations.ts';
import { openDatabase } from '../../../server/db/open-database.ts';

const schema = createHash('sha256').update(JSON.stringify(MIGRATIONS)).digest('hex').slice(0, 12);
const TEMPLATE = join(tmpdir(), `ringfence-pglite-template-${schema}`);

export async function pgliteTemplate(): Promise<string> {
  if (!existsSync(TEMPLATE)) {
    const building = mkdtempSync(join(tmpdir(), 'ringfence-pglite-build-'));
    const db = await openDatabase({ dataDir: building });
    await db.close();
    try {
      renameSync(building, TEMPLATE);
    } catch {
      rmSync(building, { recursive: true, force: true }); // another test file made it first
    }
  }
  return TEMPLATE;
}

export async function freshPgliteDir(): Promise<string> {
  await pgliteTemplate();
  const dir = mkdtempSync(join(tmpdir(), 'ringfence-pglite-'));
  cpSync(TEMPLATE, dir, { recursive: true });
  return dir;
}
