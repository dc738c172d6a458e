// Feeds in each of the four formats, written from the corpus manifest (not from anything the scanner
// found), must turn every callback-scam message whose number the scanner reads into `danger`:
// `feed-number` with the number listed, `feed-block` with only its block listed.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseFeed, FeedIndex } from '../../shared/feed/index.ts';
import { parseEml } from '../../shared/mime/parse-eml.ts';
import { scan } from '../../shared/scan.ts';
import type { MailMessage, Verdict } from '../../shared/types.ts';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const present = existsSync(`${CORPUS}MANIFEST.tsv`);
const NOW = new Date('2026-03-01T00:00:00Z');

interface Sample {
  file: string;
  numbers: string[];
  message: MailMessage;
}

async function loadToadSamples(): Promise<Sample[]> {
  const rows = readFileSync(`${CORPUS}MANIFEST.tsv`, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
  const samples: Sample[] = [];
  for (const [file, label, , , numbers] of rows) {
    if (label !== 'toad' || !file || !numbers) continue;
    const message = await parseEml(new Uint8Array(readFileSync(`${CORPUS}${file}`)));
    samples.push({ file, numbers: numbers.split(',').filter(Boolean), message });
  }
  return samples;
}

/** The same list written in each format, as an outside feed publisher would write it. */
function feedsFor(numbers: string[], blocks: boolean): Record<string, string> {
  const keys = [...new Set(numbers.map((n) => (blocks ? n.slice(0, -4) : n)))];
  const native = { format: 'ringfence-feed/1', name: 'Unseen', entries: keys.map((k) => (blocks ? { block: k, digits: 4 } : { number: k, brands: ['PayPal'], reports: 2 })) };
  const text = `# scam numbers\n${keys.map((k) => (blocks ? `${k}*` : k)).join('\n')}\n`;
  const csv = `Company_Phone_Number,Created_Date,Violation_Date,Subject\n${keys
    .map((k) => `${blocks ? `${k}*` : k.startsWith('+1') ? k.slice(2) : k},2026-02-27 10:00:00,2026-02-26 09:00:00,"Scam, callback"`)
    .join('\n')}\n`;
  const misp = { Event: { info: 'TOAD', date: '2026-02-20', Attribute: keys.map((k) => ({ type: 'phone-number', value: blocks ? `${k}*` : k })) } };
  return { native: JSON.stringify(native), text, csv, misp: JSON.stringify(misp) };
}

async function judgeAll(samples: Sample[], feed: string): Promise<Map<string, Verdict>> {
  const parsed = parseFeed(feed);
  expect(parsed.errors).toEqual([]);
  const reputation = new FeedIndex([parsed.feed]);
  const verdicts = new Map<string, Verdict>();
  for (const sample of samples) verdicts.set(sample.file, await scan(sample.message, { policy: {}, now: NOW, reputation }));
  return verdicts;
}

describe.skipIf(!present)('feeds the scanner has not seen, in every format', () => {
  it('flags every callback scam whose number is read: feed-number, and feed-block for its block alone', { timeout: 300_000 }, async () => {
    const samples = await loadToadSamples();
    expect(samples.length).toBeGreaterThan(40);
    const allNumbers = samples.flatMap((s) => s.numbers);
    // Messages where the scanner reads at least one of the manifest's numbers (some sit only in images).
    const baseline = new Map<string, Verdict>();
    for (const sample of samples) baseline.set(sample.file, await scan(sample.message, { policy: {}, now: NOW }));
    const readable = samples.filter((s) => baseline.get(s.file)!.phones.some((p) => s.numbers.includes(p.e164)));
    expect(readable.length).toBeGreaterThan(samples.length * 0.8);
    console.info(`${readable.length} of ${samples.length} callback scams have a manifest number the scanner reads`);

    for (const blocks of [false, true]) {
      for (const [format, feed] of Object.entries(feedsFor(allNumbers, blocks))) {
        const verdicts = await judgeAll(readable, feed);
        const code = blocks ? 'feed-block' : 'feed-number';
        const missed = readable
          .filter((s) => {
            const v = verdicts.get(s.file)!;
            return v.level !== 'danger' || !v.reasons.some((r) => r.code === code);
          })
          .map((s) => s.file);
        expect({ format, code, missed }).toEqual({ format, code, missed: [] });
      }
    }
  });
});
