// `ringfence hunt` and `ringfence cluster` over an mbox and a loose .eml: a number, a DID block, live feed
// entries (an expired one is history, not a hit), first and last seen per number. Runs the real binary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eml, jsonLines, mbox, ringfence } from './support/mail.ts';

let dir: string;
let box: string;
let loose: string;
let feed: string;

const call = (day: number, number: string) =>
  eml(`Renewal ${day}`, `Mon, ${String(day).padStart(2, '0')} Mar 2026 10:00:00 +0000`, `Your Norton subscription was renewed.\nTo cancel call ${number} today.`);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ringfence-hunt-'));
  box = join(dir, 'export.mbox');
  loose = join(dir, 'reported.eml');
  feed = join(dir, 'feed.json');
  await writeFile(box, mbox([
    call(9, '+1 (804) 713-4598'),
    call(5, '804.713.4512'),
    eml('Lunch', 'Tue, 03 Mar 2026 12:00:00 +0000', 'See you at noon. Dana, (215) 814-2290', 'Dana <dana@example.org>'),
    call(2, '(804) 713-4598'),
  ]));
  await writeFile(loose, call(20, '(859) 489-9247'));
  await writeFile(feed, JSON.stringify({
    format: 'ringfence-feed/1',
    name: 'test feed',
    entries: [
      { number: '+18594899247', verdict: 'scam', lastSeen: '2026-11-20' },
      { block: '+1804713XXXX', verdict: 'scam', lastSeen: '2026-11-20' },
      { number: '+12158142290', verdict: 'scam', lastSeen: '2019-01-01' },
    ],
  }));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Hit = { e164: string; raw: string; part: string; match: string; feed?: string };

describe('ringfence hunt', () => {
  it('finds every message holding a number, where and when, with first and last seen', async () => {
    const { code, stdout } = await ringfence(['hunt', '--json', '--jobs', '2', '(804) 713-4598', box, loose]);
    const out = jsonLines(stdout);
    expect(out.slice(0, 2)).toEqual([
      expect.objectContaining({ file: box, index: 0, date: '2026-03-09T10:00:00.000Z', from: 'billing@example.net', subject: 'Renewal 9', hits: [expect.objectContaining({ e164: '+18047134598', raw: '+1 (804) 713-4598', part: 'body', match: '+18047134598' })] }),
      expect.objectContaining({ file: box, index: 3, date: '2026-03-02T10:00:00.000Z', subject: 'Renewal 2' }),
    ]);
    expect(out.slice(2)).toEqual([
      { summary: { e164: '+18047134598', messages: 2, firstSeen: '2026-03-02T10:00:00.000Z', lastSeen: '2026-03-09T10:00:00.000Z', firstIn: `${box}#3`, lastIn: `${box}#0` } },
    ]);
    expect(code).toBe(0);
  }, 120_000);

  it('finds every number of a DID block', async () => {
    const { stdout } = await ringfence(['hunt', '--json', '--jobs', '1', '+1804713XXXX', box, loose]);
    const out = jsonLines(stdout);
    expect(out.filter((o) => !o.summary).map((o) => o.index)).toEqual([0, 1, 3]);
    expect(out.filter((o) => o.summary).map((o) => (o.summary as { e164: string; messages: number })).map((s) => [s.e164, s.messages])).toEqual([
      ['+18047134598', 2],
      ['+18047134512', 1],
    ]);
  }, 120_000);

  it('finds live feed entries, numbers and blocks, and leaves expired ones out', async () => {
    const { code, stdout } = await ringfence(['hunt', '--json', '--feed', feed, box, loose]);
    const out = jsonLines(stdout).filter((o) => !o.summary);
    expect(out.map((o) => [o.file === loose ? 'loose' : o.index, (o.hits as Hit[]).map((h) => `${h.e164} ${h.match} ${h.feed}`)])).toEqual([
      [0, ['+18047134598 feed-block test feed']],
      [1, ['+18047134512 feed-block test feed']],
      [3, ['+18047134598 feed-block test feed']],
      ['loose', ['+18594899247 feed-number test feed']],
    ]);
    expect(code).toBe(0);
  }, 120_000);

  it('prints a readable report without --json and exits 2 for a target that is no number', async () => {
    const { stdout } = await ringfence(['hunt', '+1804713', box]);
    expect(stdout).toMatch(/^MATCH   .*export\.mbox#1  2026-03-05T10:00:00\.000Z  billing@example\.net  "Renewal 5"\n        \+18047134512  "804\.713\.4512" in body at \d+-\d+  \(\+1804713XXXX\)$/m);
    expect(stdout).toMatch(/^  \+18047134598  2 messages, first seen 2026-03-02T10:00:00\.000Z \(.*#3\), last seen 2026-03-09T10:00:00\.000Z \(.*#0\)$/m);
    expect((await ringfence(['hunt', 'call-me', box])).code).toBe(2);
    expect((await ringfence(['hunt', '+18047134598'])).code).toBe(2);
  }, 120_000);
});

describe('ringfence cluster over an mbox', () => {
  it('links the block into one campaign and names messages by file and index', async () => {
    const { code, stdout } = await ringfence(['cluster', '--json', '--jobs', '2', box, loose]);
    const result = JSON.parse(stdout) as { messages: number; withoutNumbers: number; campaigns: { files: string[]; sharedBlocks: string[] }[] };
    expect(result.messages).toBe(5);
    expect(result.withoutNumbers).toBe(0);
    expect(result.campaigns[0]).toMatchObject({ files: [`${box}#0`, `${box}#1`, `${box}#3`], sharedBlocks: ['+1804713'] });
    expect(code).toBe(0);
  }, 120_000);
});
