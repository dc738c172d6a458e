import { describe, expect, it } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CampaignAccumulator, blockOf, type Campaign, type MessageRecord } from '../../shared/cluster/index.ts';

const record = (file: string, date: string | null, phones: string[], brands: string[] = [], subject = `Subject ${file}`, from = `${file}@example.net`): MessageRecord =>
  ({ file, date, subject, from, brands, phones });

/** The clustering as it was before streaming: every record held, linked by a union-find over messages. */
function referenceGroups(records: readonly MessageRecord[]): { files: string[]; numbers: string[]; subjects: string[]; messages: number }[] {
  const parent = records.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const firstByKey = new Map<string, number>();
  records.forEach((r, i) => {
    for (const e164 of r.phones) {
      for (const key of [`n:${e164}`, `b:${blockOf(e164)}`]) {
        const first = firstByKey.get(key);
        if (first === undefined) firstByKey.set(key, i);
        else parent[find(i)] = find(first);
      }
    }
  });
  const groups = new Map<number, MessageRecord[]>();
  records.forEach((r, i) => {
    if (!r.phones.length) return;
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), r]);
  });
  return [...groups.values()].map((group) => ({
    files: group.map((r) => r.file),
    numbers: [...new Set(group.flatMap((r) => r.phones))].sort(),
    subjects: [...new Map(group.map((r) => [r.subject.toLowerCase(), r.subject] as const)).values()],
    messages: group.length,
  }));
}

/** Deterministic records whose numbers link campaigns late, through blocks and shared numbers, in any order. */
function shuffledRecords(count: number, seed: number): MessageRecord[] {
  let state = seed;
  const next = (n: number) => ((state = (state * 1103515245 + 12345) % 2147483648) % n);
  const records: MessageRecord[] = [];
  for (let i = 0; i < count; i++) {
    const phones = Array.from({ length: next(3) }, () => `+1${[804, 212, 617, 312][next(4)]}${713 + next(6)}${String(1000 + next(12)).padStart(4, '0')}`);
    records.push(record(`m${i}.eml`, next(5) ? new Date(Date.UTC(2026, 0, 1) + next(1000) * 3_600_000).toISOString() : null, phones, next(2) ? ['PayPal'] : [], `S${next(7)}`));
  }
  return records;
}

const shape = (c: Campaign) => ({ files: c.files, numbers: c.numbers.map((n) => n.e164).sort(), subjects: c.subjects, messages: c.messages });
const byFirstFile = <T extends { files: string[] }>(list: T[]) => [...list].sort((a, b) => a.files[0]!.localeCompare(b.files[0]!));

describe('CampaignAccumulator', () => {
  it('finds the same campaigns as clustering with every record held, whatever order links arrive in', () => {
    for (const seed of [1, 7, 42, 1234]) {
      const records = shuffledRecords(400, seed);
      const accumulator = new CampaignAccumulator();
      for (const r of records) accumulator.add(r);
      expect(byFirstFile([...accumulator.campaignList()].map(shape))).toEqual(byFirstFile(referenceGroups(records)));
    }
  });

  it('lists only the first N files, subjects and senders in input order, even across campaigns merged later', () => {
    const accumulator = new CampaignAccumulator({ maxNumbers: 100, fileCap: 3, listCap: 3 });
    // Two campaigns grow apart, then one message with both numbers joins them.
    for (let i = 0; i < 6; i++) {
      accumulator.add(record(`a${i}.eml`, null, ['+18047134598'], [], `Subject a${i}`));
      accumulator.add(record(`b${i}.eml`, null, ['+12125550143'], [], `Subject b${i}`));
    }
    accumulator.add(record('join.eml', null, ['+18047134598', '+12125550143']));
    const [campaign, ...rest] = [...accumulator.campaignList()];
    expect(rest).toEqual([]);
    expect(campaign).toMatchObject({ messages: 13, files: ['a0.eml', 'b0.eml', 'a1.eml'], subjects: ['Subject a0', 'Subject b0', 'Subject a1'], capped: ['files', 'subjects', 'senders'] });
    expect(campaign?.numbers.map((n) => n.messages)).toEqual([7, 7]);
  });

  it('keeps a number first seen by a later message in first-seen order when the lists merge', () => {
    const accumulator = new CampaignAccumulator({ maxNumbers: 100, fileCap: 2, listCap: 2 });
    accumulator.add(record('1.eml', null, ['+18047134598'], [], 'Invoice'));
    accumulator.add(record('2.eml', null, ['+12125550143'], [], 'Renewal'));
    accumulator.add(record('3.eml', null, ['+18047134598'], [], 'Renewal'));
    accumulator.add(record('4.eml', null, ['+12125550143', '+18047134598'], [], 'invoice'));
    expect([...accumulator.campaignList()][0]).toMatchObject({ files: ['1.eml', '2.eml'], subjects: ['Invoice', 'Renewal'], capped: ['files', 'senders'] });
  });

  it('stops tracking new numbers past maxNumbers and counts what it left out', () => {
    const accumulator = new CampaignAccumulator({ maxNumbers: 2, fileCap: 10, listCap: 10 });
    accumulator.add(record('1.eml', null, ['+18047134598']));
    accumulator.add(record('2.eml', null, ['+12125550143']));
    accumulator.add(record('3.eml', null, ['+16175551234']));
    accumulator.add(record('4.eml', null, ['+16175551234', '+18047134598']));
    accumulator.add(record('5.eml', null, []));
    expect(accumulator.untracked).toEqual({ sightings: 2, messages: 1 });
    expect(accumulator.numbers).toBe(2);
    expect([...accumulator.campaignList()].map((c) => c.files)).toEqual([['1.eml', '4.eml'], ['2.eml']]);
    expect({ messages: accumulator.messages, withoutNumbers: accumulator.withoutNumbers }).toEqual({ messages: 5, withoutNumbers: 1 });
  });

  it('holds the same live heap after 200,000 messages as after 20,000 over the same numbers', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heapAfter = (messages: number): number => {
      const accumulator = new CampaignAccumulator({ maxNumbers: 100_000, fileCap: 20, listCap: 10 });
      for (let i = 0; i < messages; i++) {
        const k = (i * 7919) % 2000;
        accumulator.add(record(`export.mbox#${i}`, new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(), [`+1212${230 + (k % 60)}${2000 + Math.floor(k / 60)}`], i % 3 ? [] : ['Norton'], `Subject ${i}`, `s${i}@example.net`));
      }
      gc();
      const used = process.memoryUsage().heapUsed;
      expect(accumulator.numbers).toBe(2000);
      return used;
    };
    gc();
    const base = process.memoryUsage().heapUsed;
    const small = heapAfter(20_000) - base;
    gc();
    const large = heapAfter(200_000) - base;
    // Lists fill up to half again their cap between trims; held records would take some 70 MB more.
    expect(large - small).toBeLessThan(4 * 1024 * 1024);
  });
});
