// Hostile and broken input through the whole pipeline (read, parse, PDF text, extract, judge):
// each gets a verdict or a clear per-file error within 2 seconds of CPU time, and the run goes on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readMessage } from '../../cli/read-message.ts';
import { scan } from '../../shared/scan.ts';
import { mergePolicy } from '../../shared/policy/merge-policy.ts';

const policy = mergePolicy({ useBundledFeed: false }, undefined);
let dir: string;

const header = (extra = '') =>
  `From: Billing <billing@example.net>\r\nTo: you@example.com\r\nSubject: Test\r\nDate: Tue, 03 Mar 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\n${extra}`;

const CASES: Record<string, () => string | Uint8Array> = {
  'not-an-email': () => new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
  'empty': () => '',
  'truncated-mime': () =>
    header('Content-Type: multipart/mixed; boundary="b"\r\n\r\n') +
    '--b\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\nQ2FsbCArMSA4MDQgNzEzIDQ1OTgg',
  'twenty-mb': () =>
    header('Content-Type: text/plain; charset=utf-8\r\n\r\n') +
    'Renewal notice. Call our billing desk at +1 (804) 713-4598 to cancel. '.repeat(20) +
    'The quick brown fox jumps over the lazy dog 12 times on 03/04/2026. '.repeat(300_000),
  'nested-1000': () => {
    let body = 'Content-Type: text/plain\r\n\r\nCall +1 804 713 4598\r\n';
    for (let i = 0; i < 1000; i++) body = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${body}\r\n--b${i}--\r\n`;
    return header(body);
  },
  'megabyte-of-digits': () => header('Content-Type: text/plain\r\n\r\n') + '1234567890'.repeat(100_000),
  'backtracking-bait': () =>
    header('Content-Type: text/html\r\n\r\n') +
    '<div style="' + 'color:'.repeat(50_000) + '">' + '(1'.repeat(50_000) + ' ' + '8-'.repeat(50_000) +
    '<span>'.repeat(20_000) + '&#x'.repeat(20_000) + ' call call call '.repeat(10_000),
  'html-unclosed-tags': () => header('Content-Type: text/html\r\n\r\n') + '<a href="'.repeat(100_000),
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ringfence-bad-'));
  for (const [name, make] of Object.entries(CASES)) await writeFile(join(dir, `${name}.eml`), make());
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('bad input', () => {
  for (const name of Object.keys(CASES)) {
    it(`${name}: a verdict or a clear error within 2 s`, async () => {
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      let outcome: string;
      try {
        const verdict = await scan(await readMessage(join(dir, `${name}.eml`)), { policy, now: new Date() });
        outcome = `verdict ${verdict.level}`;
      } catch (error) {
        expect((error as Error).message.length).toBeGreaterThan(5);
        outcome = `error ${(error as Error).message}`;
      }
      const wall = performance.now() - started;
      const cpu = process.cpuUsage(cpuBefore);
      const cpuMs = (cpu.user + cpu.system) / 1000;
      console.log(`${name}: ${outcome} in ${cpuMs.toFixed(0)} ms CPU (${wall.toFixed(0)} ms wall)`);
      // CPU time of this process: the work the scanner does, whatever else the machine is running.
      expect(cpuMs).toBeLessThan(2000);
    }, 30_000);
  }

  it('rejects junk with an error rather than a verdict', async () => {
    await expect(readMessage(join(dir, 'not-an-email.eml'))).rejects.toThrow(/e-?mail/i);
    await expect(readMessage(join(dir, 'empty.eml'))).rejects.toThrow();
  });
});
