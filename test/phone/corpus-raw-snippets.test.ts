import { describe, expect, it } from 'vitest';
import { extractPhones } from '../../shared/phone/index.ts';
import { readManifest, rawSnippets } from './corpus-manifest.ts';

const manifest = readManifest();

describe('raw written forms of the TOAD corpus numbers (MANIFEST.tsv notes)', () => {
  it.skipIf(manifest === null)('finds at least 98% of the expected numbers', () => {
    let expected = 0;
    let found = 0;
    const misses: string[] = [];
    for (const row of manifest!.filter((r) => r.label === 'toad')) {
      const snippets = rawSnippets(row.notes);
      const parts = snippets.map((text, n) => ({ id: `raw:${n}`, text }));
      const seen = new Set(extractPhones(parts).phones.map((p) => p.e164));
      for (const e164 of row.phones) {
        expected += 1;
        if (seen.has(e164)) found += 1;
        else misses.push(`${row.file}: ${e164} not in ${JSON.stringify(snippets)}`);
      }
    }
    const recall = found / expected;
    console.log(`raw-snippet recall ${found}/${expected} = ${(recall * 100).toFixed(1)}%`);
    for (const miss of misses) console.log(`  miss ${miss}`);
    expect(expected).toBeGreaterThan(50);
    expect(recall).toBeGreaterThanOrEqual(0.98);
  });
  if (manifest === null) console.warn('corpus not found beside the checkout (../shared/corpus): raw-snippet test skipped');
});
