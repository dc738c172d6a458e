// `ringfence serve` as a child process (the real CLI), so a test can kill -9 it mid-burst.
import { afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN_TOKEN } from './server.ts';

const CLI = fileURLToPath(new URL('../../../bin/ringfence.js', import.meta.url));
const children = new Set<ChildProcess>();

// A test that fails half-way must not leave a server running.
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

export interface ChildServer {
  url: string;
  child: ChildProcess;
  /** stderr lines (JSON logs) so far. */
  logs: string[];
  exited: Promise<number | null>;
}

export async function spawnServer(store: { dataDir?: string; databaseUrl?: string }, config: Record<string, unknown> = {}, env: Record<string, string> = {}): Promise<ChildServer> {
  const configFile = join(mkdtempSync(join(tmpdir(), 'ringfence-conf-')), 'server.json');
  writeFileSync(configFile, JSON.stringify({ rateLimit: { burst: 100_000, perSecond: 100_000 }, ...config }));
  const args = [CLI, 'serve', '--port', '0', '--config', configFile, ...(store.databaseUrl ? ['--database', store.databaseUrl] : ['--data', store.dataDir!])];
  const child = spawn(process.execPath, args, { env: { ...process.env, RINGFENCE_ADMIN_TOKEN: ADMIN_TOKEN, DATABASE_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: string[] = [];
  children.add(child);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        logs.push(line);
        try {
          const entry = JSON.parse(line) as { msg?: string; url?: string };
          if (entry.msg === 'ringfence server listening' && entry.url) resolve(entry.url);
        } catch {
          // not a log line
        }
      }
    });
    void exited.then((code) => reject(new Error(`server exited (${code}) before listening:\n${logs.join('\n')}`)));
  });
  return { url, child, logs, exited };
}
