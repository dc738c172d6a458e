// A real PostgreSQL for the server tests: RINGFENCE_TEST_DATABASE_URL (what .ci/run starts), else a throwaway
// cluster this file starts from /usr/lib/postgresql/15/bin and stops when done. Under CI=true a missing
// PostgreSQL fails the tests; elsewhere the PostgreSQL half is skipped, saying so.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const BIN = '/usr/lib/postgresql/15/bin';

export interface TestPostgres {
  /** A new, empty database on the cluster; dropped by `dropAll`. */
  createDatabase(): Promise<string>;
  dropAll(): Promise<void>;
}

let cluster: { baseUrl: string; stop: () => void } | undefined;
let unavailable: string | undefined;

/** Why PostgreSQL cannot be had here, or undefined when it can. Throws under CI=true. */
export function postgresUnavailable(): string | undefined {
  if (process.env.RINGFENCE_TEST_DATABASE_URL || existsSync(join(BIN, 'pg_ctl'))) return undefined;
  const reason = `no RINGFENCE_TEST_DATABASE_URL and no PostgreSQL at ${BIN}`;
  if (process.env.CI === 'true') throw new Error(`PostgreSQL is required under CI=true: ${reason}`);
  console.warn(`server tests: PostgreSQL half SKIPPED (${reason})`);
  return reason;
}

export async function testPostgres(): Promise<TestPostgres> {
  const baseUrl = process.env.RINGFENCE_TEST_DATABASE_URL ?? startCluster();
  const created: string[] = [];
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  return {
    async createDatabase() {
      const name = `rf_test_${randomBytes(6).toString('hex')}`;
      await admin.query(`CREATE DATABASE ${name}`);
      created.push(name);
      const url = new URL(baseUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async dropAll() {
      for (const name of created.splice(0)) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await admin.end();
      cluster?.stop();
      cluster = undefined;
    },
  };
}

function startCluster(): string {
  if (cluster) return cluster.baseUrl;
  if (unavailable) throw new Error(unavailable);
  const dir = mkdtempSync(join(tmpdir(), 'ringfence-pg-'));
  chmodSync(dir, 0o777);
  const asPostgres = (args: string[]) => (process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', ...args]] : [args[0]!, args.slice(1)]) as [string, string[]];
  const run = (args: string[]) => {
    const [cmd, rest] = asPostgres(args);
    const result = spawnSync(cmd, rest, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${args[0]} failed: ${result.stderr || result.stdout}`);
  };
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  run([join(BIN, 'initdb'), '-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  run([join(BIN, 'pg_ctl'), '-D', join(dir, 'data'), '-l', join(dir, 'log'), '-w', '-o', `-k ${dir} -h 127.0.0.1 -p ${port} -F`, 'start']);
  cluster = {
    baseUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        const [cmd, rest] = asPostgres([join(BIN, 'pg_ctl'), '-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
        execFileSync(cmd, rest, { stdio: 'ignore' });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  return cluster.baseUrl;
}
