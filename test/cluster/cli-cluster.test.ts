import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../cli/commands/cluster.ts';
import { main } from '../../cli/main.ts';
import { captureOutput } from '../feed/capture-output.ts';

let dir: string;

function eml(date: string, from: string, subject: string, body: string): string {
  return [
    `From: "Billing" <${from}>`,
    'To: victim@example.org',
    `Subject: ${subject}`,
    `Date: ${date}`,
    'Message-ID: <x@example.net>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ringfence-cluster-'));
  await mkdir(join(dir, 'mail'));
  await writeFile(join(dir, 'mail', 'a.eml'), eml('Tue, 03 Mar 2026 09:00:00 +0000', 'a@scam.example', 'Your PayPal invoice', 'Your PayPal account was charged $499.99. To cancel, call PayPal billing at +1 (804) 713-4598.'));
  await writeFile(join(dir, 'mail', 'b.eml'), eml('Fri, 06 Mar 2026 21:00:00 +0000', 'b@scam.example', 'Norton renewal', 'Your Norton subscription renewed for $399. Call our support at 804-713-4598 to cancel.'));
  await writeFile(join(dir, 'mail', 'c.eml'), eml('Thu, 05 Mar 2026 10:00:00 +0000', 'c@scam.example', 'McAfee order', 'Your McAfee order is complete. Questions? Call 1-804-713-0021 now.'));
  await writeFile(join(dir, 'mail', 'd.eml'), eml('Sun, 01 Feb 2026 10:00:00 +0000', 'd@scam.example', 'Geek Squad', 'Geek Squad renewal of $299.99. Call +1 619 728 3341 to cancel.'));
  await writeFile(join(dir, 'mail', 'e.eml'), eml('Sun, 01 Feb 2026 10:00:00 +0000', 'friend@example.org', 'Lunch', 'See you at noon.'));
  await writeFile(join(dir, 'mail', 'notes.txt'), 'not mail');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ringfence cluster', () => {
  it('groups .eml files of a folder into campaigns by shared numbers and blocks (--json)', async () => {
    const { result, stdout } = await captureOutput(() => run(['--json', join(dir, 'mail')]));
    expect(result).toBe(0);
    const output = JSON.parse(stdout);
    expect(output).toMatchObject({ format: 'ringfence-clusters/1', messages: 5, withoutNumbers: 1, errors: [] });
    expect(output.campaigns).toHaveLength(2);
    const [campaign, single] = output.campaigns;
    expect(campaign.files.map((f: string) => f.split('/').pop())).toEqual(['a.eml', 'b.eml', 'c.eml']);
    expect(campaign.sharedBlocks).toEqual(['+1804713']);
    expect(campaign.brands).toEqual(expect.arrayContaining(['PayPal', 'Norton', 'McAfee']));
    expect(campaign.subjects).toEqual(['Your PayPal invoice', 'Norton renewal', 'McAfee order']);
    expect(campaign.senders).toEqual(['a@scam.example', 'b@scam.example', 'c@scam.example']);
    expect(campaign).toMatchObject({ firstSeen: '2026-03-03T09:00:00.000Z', lastSeen: '2026-03-06T21:00:00.000Z', lifespanDays: 3.5 });
    expect(campaign.numbers[0]).toMatchObject({ e164: '+18047134598', messages: 2, lifespanDays: 3.5 });
    expect(single.numbers.map((n: { e164: string }) => n.e164)).toEqual(['+16197283341']);
  });

  it('prints campaigns as text', async () => {
    const { result, stdout } = await captureOutput(() => run([join(dir, 'mail')]));
    expect(result).toBe(0);
    expect(stdout).toContain('5 messages read, 2 campaigns, 1 messages without numbers');
    expect(stdout).toContain('campaign-1: 3 messages, 2026-03-03 → 2026-03-06 (3.5 days)');
    expect(stdout).toContain('number:   +18047134598  2 messages');
    expect(stdout).toContain('blocks:   +1804713XXXX');
  });

  it('reports unreadable paths, goes on, and exits 1', async () => {
    const { result, stdout } = await captureOutput(() => run(['--json', join(dir, 'mail', 'a.eml'), join(dir, 'missing.eml')]));
    expect(result).toBe(1);
    const output = JSON.parse(stdout);
    expect(output.campaigns).toHaveLength(1);
    expect(output.errors).toEqual([{ file: join(dir, 'missing.eml'), error: expect.any(String) }]);
  });

  it('clusters only the first --max-numbers distinct numbers and says what it left out', async () => {
    const { result, stdout, stderr } = await captureOutput(() => run(['--json', '--jobs', '1', '--max-numbers', '1', join(dir, 'mail', 'a.eml'), join(dir, 'mail', 'c.eml'), join(dir, 'mail', 'd.eml')]));
    expect(result).toBe(0);
    const output = JSON.parse(stdout);
    expect(output).toMatchObject({ messages: 3, numbers: 1, untracked: { sightings: 2, messages: 2, maxNumbers: 1 } });
    expect(output.campaigns.map((c: { numbers: { e164: string }[] }) => c.numbers.map((n) => n.e164))).toEqual([['+18047134598']]);
    expect(stderr).toContain('truncated: more than 1 distinct numbers');
    const text = await captureOutput(() => run(['--jobs', '1', '--max-numbers', '1', join(dir, 'mail', 'a.eml'), join(dir, 'mail', 'd.eml')]));
    expect(text.stdout).toContain('truncated: only the first 1 distinct numbers were clustered; 1 sightings of later numbers skipped, 1 messages left in no campaign');
    expect((await captureOutput(() => main(['cluster', '--max-numbers', '0', dir]))).result).toBe(2);
  });

  it('exits 2 without a path', async () => {
    expect((await captureOutput(() => main(['cluster']))).result).toBe(2);
    expect((await captureOutput(() => main(['cluster', '--bogus', dir]))).result).toBe(2);
  });
});
