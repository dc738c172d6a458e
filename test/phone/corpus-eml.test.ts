import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { visibleParts } from '../../shared/message-parts.ts';
import { parseEml } from '../../shared/mime/parse-eml.ts';
import { extractPhones } from '../../shared/phone/index.ts';
import { CORPUS_DIR, readManifest, type ManifestRow } from './corpus-manifest.ts';

const manifest = readManifest();

async function phonesIn(row: ManifestRow): Promise<string[]> {
  const message = await parseEml(readFileSync(CORPUS_DIR + row.file));
  return extractPhones(visibleParts(message)).phones.map((p) => p.e164);
}

/** Numbers the manifest saw only in a PDF or by OCR: not in the visible text. */
function onlyInAttachments(row: ManifestRow): boolean {
  return /phone in: (pdf|ocr)/.test(row.notes) && !/phone in: body/.test(row.notes);
}

describe.skipIf(manifest === null)('whole corpus messages (parseEml → visible parts → extractPhones)', () => {
  it('finds the callback numbers of the TOAD mails (≥ 98%)', async () => {
    let expected = 0;
    let found = 0;
    for (const row of manifest!.filter((r) => r.label === 'toad' && !onlyInAttachments(r))) {
      const got = new Set(await phonesIn(row));
      for (const e164 of row.phones) {
        expected += 1;
        if (got.has(e164)) found += 1;
        else console.log(`  toad miss ${row.file}: ${e164}`);
      }
    }
    console.log(`toad .eml recall ${found}/${expected}`);
    expect(found / expected).toBeGreaterThanOrEqual(0.98);
  });

  it('reports no North American number in legitimate mail that a careful reader did not see', async () => {
    let reported = 0;
    const junk: string[] = [];
    const other: string[] = [];
    for (const row of manifest!.filter((r) => r.label === 'ham')) {
      for (const e164 of await phonesIn(row)) {
        reported += 1;
        if (row.phones.includes(e164)) continue;
        // The manifest lists international numbers only near a phone word; report those apart.
        (e164.startsWith('+1') ? junk : other).push(`${row.file}: ${e164}`);
      }
    }
    console.log(`ham: ${reported} numbers reported; not in the manifest: ${junk.length} NANP, ${other.length} international`);
    for (const line of [...junk, ...other]) console.log(`  ${line}`);
    expect(junk).toEqual([]);
  });
});
