// Reads the labelled corpus beside the checkout (../shared/corpus). Tests skip when it is absent.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { splitOf, type Split } from '../../cli/eval/split-by-hash.ts';

export const CORPUS_DIR = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));
export const hasCorpus = existsSync(join(CORPUS_DIR, 'MANIFEST.tsv'));

export interface CorpusEntry {
  /** Path relative to the corpus folder, e.g. "scam-toad/phishing_pot__sample-1248.eml". */
  file: string;
  path: string;
  label: string;
  phones: string[];
  brand: string;
  notes: string;
  /** `tune` (rules are written looking at these) or `validate` (kept unseen, only measured). */
  split: Split;
}

export function readManifest(): CorpusEntry[] {
  const lines = readFileSync(join(CORPUS_DIR, 'MANIFEST.tsv'), 'utf8').split('\n').filter(Boolean);
  const header = lines.shift()!.split('\t');
  const col = (name: string) => header.indexOf(name);
  return lines.map((line) => {
    const cells = line.split('\t');
    const file = cells[col('file')] ?? '';
    return {
      file,
      path: join(CORPUS_DIR, file),
      label: cells[col('label')] ?? '',
      phones: (cells[col('phone_numbers_seen')] ?? '').split(',').map((s) => s.trim()).filter(Boolean),
      brand: cells[col('brand')] ?? '',
      notes: cells[col('notes')] ?? '',
      split: splitOf(file),
    };
  });
}

/** Every .eml in one corpus folder (the folder is the label's home), whether or not MANIFEST lists it. */
export function corpusFiles(folder: string): string[] {
  const dir = join(CORPUS_DIR, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.eml')).sort().map((f) => join(dir, f));
}
