// `ringfence scan` over every input kind at once, with two workers: .msg, mbox (quoted From lines, a cut-off
// last message), Maildir, .gz, a corrupt .gz in the middle, standard input. Runs the real binary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildMsg } from './support/build-msg.ts';
import { eml, jsonLines, mbox, ringfence } from './support/mail.ts';

let dir: string;
const lure = (n: number) => eml(`Renewal ${n}`, `Mon, ${String(n + 1).padStart(2, '0')} Mar 2026 10:00:00 +0000`, `Your Norton subscription was renewed. Call +1 (804) 713-4598 to cancel.\nFrom the desk of Norton billing.`);
const plain = (n: number) => eml(`Lunch ${n}`, 'Tue, 03 Mar 2026 12:00:00 +0000', 'See you at noon.', 'Dana <dana@example.org>');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ringfence-inputs-'));
  await writeFile(
    join(dir, 'a-report.msg'),
    buildMsg({
      subject: 'Your Norton renewal',
      senderName: 'Norton Billing',
      senderAddress: 'billing@example.net',
      body: 'Your Norton subscription was renewed for $399.99.',
      attachments: [{ name: 'invoice.txt', mimeType: 'text/plain', content: new TextEncoder().encode('To cancel, call +1 (804) 713-4598 today.') }],
    }),
  );
  // Last message cut off inside its headers, as a copy interrupted mid-write leaves it.
  await writeFile(join(dir, 'b-export.mbox'), mbox([lure(1), plain(2), lure(3)]) + 'From x@example.net Mon Mar  2 10:00:00 2026\nSubject: cut\nFrom: a@exa');
  await writeFile(join(dir, 'c-broken.eml.gz'), gzipSync(Buffer.from(lure(4))).subarray(0, 30));
  await mkdir(join(dir, 'd-maildir', 'cur'), { recursive: true });
  await mkdir(join(dir, 'd-maildir', 'new'));
  await mkdir(join(dir, 'd-maildir', 'tmp'));
  await writeFile(join(dir, 'd-maildir', 'cur', '1700000000.M1P1.host:2,S'), plain(5));
  await writeFile(join(dir, 'd-maildir', 'new', '1700000001.M2P1.host'), lure(6));
  await writeFile(join(dir, 'e-one.eml.gz'), gzipSync(Buffer.from(lure(7))));
  await writeFile(join(dir, 'f-export.mbox.gz'), gzipSync(Buffer.from(mbox([plain(8), lure(9)]))));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('scan inputs', () => {
  it('judges every readable message of every kind in input order, one error line per bad one, and exits 1', async () => {
    const { code, stdout, stderr } = await ringfence(['scan', '--json', '--jobs', '2', dir]);
    const out = jsonLines(stdout).map((o): Record<string, unknown> => ({ ...o, file: String(o.file).slice(dir.length + 1) }));
    expect(out.map((o) => [o.file, o.index ?? null, o.level ?? 'error'])).toEqual([
      ['a-report.msg', null, 'warning'],
      ['b-export.mbox', 0, 'warning'],
      ['b-export.mbox', 1, 'none'],
      ['b-export.mbox', 2, 'warning'],
      ['b-export.mbox', 3, 'error'],
      ['c-broken.eml.gz', null, 'error'],
      ['d-maildir/cur/1700000000.M1P1.host:2,S', null, 'none'],
      ['d-maildir/new/1700000001.M2P1.host', null, 'warning'],
      ['e-one.eml.gz', null, 'warning'],
      ['f-export.mbox.gz', 0, 'none'],
      ['f-export.mbox.gz', 1, 'warning'],
    ]);
    expect(out[0]!.phones).toEqual([expect.objectContaining({ e164: '+18047134598', part: 'attachment:invoice.txt' })]);
    expect(out[4]!.error).toMatch(/truncated/);
    expect(out[5]!.error).toMatch(/gzip/);
    expect(out[2]!.offset).toBeGreaterThan(0);
    expect(stderr).toMatch(/11 messages: 0 danger, 6 warning, 0 caution, 3 none, 2 unreadable/);
    expect(code).toBe(1);
  }, 120_000);

  it('reads an mbox, gzipped, from standard input and exits 0 when all were judged', async () => {
    const { code, stdout } = await ringfence(['scan', '--json', '--jobs', '1', '-'], gzipSync(Buffer.from(mbox([lure(1), plain(2)]))));
    expect(jsonLines(stdout).map((o) => [o.file, o.index, o.level])).toEqual([
      ['-', 0, 'warning'],
      ['-', 1, 'none'],
    ]);
    expect(code).toBe(0);
  }, 120_000);

  it('keeps input order with two workers however long each message takes', async () => {
    // Big and small messages interleaved: a worker finishing a small one early must not print it early.
    const messages = Array.from({ length: 40 }, (_, i) => (i % 5 === 0 ? eml(`Big ${i}`, 'Mon, 02 Mar 2026 10:00:00 +0000', `${'Lorem ipsum dolor sit amet. '.repeat(20_000)}\nCall +1 (804) 713-${String(4000 + i)}.`) : plain(i)));
    const file = join(dir, 'order.mbox');
    await writeFile(file, mbox(messages));
    const { code, stdout } = await ringfence(['scan', '--json', '--jobs', '2', file]);
    expect(jsonLines(stdout).map((o) => o.index)).toEqual(messages.map((_, i) => i));
    expect(code).toBe(0);
    await rm(file);
  }, 120_000);

  it('prints progress on standard error only when asked for off a terminal', async () => {
    const file = join(dir, 'e-one.eml.gz');
    const quiet = await ringfence(['scan', '--json', '--jobs', '1', file]);
    expect(quiet.stderr.trim().split('\n')).toEqual(['1 message: 0 danger, 1 warning, 0 caution, 0 none, 0 unreadable']);
    const loud = await ringfence(['scan', '--json', '--jobs', '1', '--progress', file]);
    expect(loud.stderr).toMatch(/^1 message, [\d.]+\/s, 0 errors, 100% read, ETA 0s$/m);
  }, 120_000);

  it('exits 2 for bad --jobs and two standard inputs', async () => {
    expect((await ringfence(['scan', '--jobs', '0', dir])).code).toBe(2);
    expect((await ringfence(['scan', '--jobs', 'many', dir])).code).toBe(2);
    expect((await ringfence(['scan', '-', '-'])).code).toBe(2);
  }, 120_000);
});
