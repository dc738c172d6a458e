// Clustering the corpus's callback scams must agree with the seed research's per-number table
// (iocs/derived/phishing_pot_toad_phone_numbers.tsv): same message count and first/last Date per number.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readMessage } from '../../cli/read-message.ts';
import { clusterMessages, messageRecord, type MessageRecord, type NumberStats } from '../../shared/cluster/index.ts';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const TSV = `${CORPUS}iocs/derived/phishing_pot_toad_phone_numbers.tsv`;

describe.skipIf(!existsSync(TSV))('campaigns in the corpus callback scams', () => {
  it('match the seed research per number: messages, first and last seen', { timeout: 300_000 }, async () => {
    const rows = readFileSync(TSV, 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t'));
    // Numbers only an OCR of an image shows are out of reach until image OCR exists.
    const ocrOnly = new Set(
      readFileSync(`${CORPUS}MANIFEST.tsv`, 'utf8').split('\n').filter((line) => /phone in: ocr\b/.test(line)).map((line) => /sample-\d+/.exec(line)?.[0]),
    );
    const available = (samples: string) =>
      samples.split(',').every((s) => existsSync(`${CORPUS}scam-toad/phishing_pot__${s}.eml`) && !ocrOnly.has(s));
    const checked = rows.filter((row) => available(row[6]!));
    const files = [...new Set(checked.flatMap((row) => row[6]!.split(',')))].map((s) => `${CORPUS}scam-toad/phishing_pot__${s}.eml`);

    const records: MessageRecord[] = [];
    for (const file of files) records.push(messageRecord(file, await readMessage(file)));
    const byNumber = new Map<string, NumberStats>();
    for (const campaign of clusterMessages(records).campaigns) for (const n of campaign.numbers) byNumber.set(n.e164, n);

    const disagreements: string[] = [];
    for (const [e164, , samples, first, last] of checked) {
      const found = byNumber.get(e164!);
      const got = found ? `${found.messages} ${found.firstSeen?.slice(0, 10)} ${found.lastSeen?.slice(0, 10)}` : 'not found';
      // Date headers carry zones; the research kept the date as written, so allow a day either way.
      const near = (a: string | null | undefined, b: string) => !!a && Math.abs(Date.parse(a.slice(0, 10)) - Date.parse(b)) <= 86_400_000;
      if (!found || found.messages !== Number(samples) || !near(found.firstSeen, first!) || !near(found.lastSeen, last!)) {
        disagreements.push(`${e164}: research ${samples} ${first} ${last}, clustering ${got}`);
      }
    }
    console.info(`${checked.length - disagreements.length} of ${checked.length} numbers agree with the research`);
    expect(checked.length).toBeGreaterThan(30);
    expect(disagreements).toEqual([]);
  });
});
