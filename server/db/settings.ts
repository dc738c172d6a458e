import type { Queryable } from './database.ts';

/** The stored value of `name`, creating it with `make()` when absent; the first writer wins a race. */
export async function settingOrCreate(db: Queryable, name: string, make: () => string): Promise<{ value: string; created: boolean }> {
  const existing = await db.query<{ value: string }>('SELECT value FROM settings WHERE name = $1', [name]);
  if (existing[0]) return { value: existing[0].value, created: false };
  const candidate = make();
  const inserted = await db.query<{ value: string }>(
    'INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING value',
    [name, candidate],
  );
  if (inserted[0]) return { value: inserted[0].value, created: true };
  const winner = await db.query<{ value: string }>('SELECT value FROM settings WHERE name = $1', [name]);
  return { value: winner[0]!.value, created: false };
}
