// An mbox of some corpus messages (every `every`-th, and the ones with PDFs the CLI reads), for tests that
// compare whole CLI runs; none when the corpus is absent.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hasCorpus, readManifest } from '../../support/corpus.ts';

export async function corpusMbox(dir: string, every = 12): Promise<string[]> {
  if (!hasCorpus) return [];
  const parts: Buffer[] = [];
  for (const [i, entry] of readManifest().entries()) {
    if (i % every !== 0 && !/sample-(405|5544)\.eml$/.test(entry.file)) continue;
    const raw = (await readFile(entry.path)).toString('latin1').replace(/^(>*From )/gm, '>$1');
    parts.push(Buffer.from(`From test@example.net Mon Mar  2 10:00:00 2026\n${raw}${raw.endsWith('\n') ? '' : '\n'}\n`, 'latin1'));
  }
  const file = join(dir, 'sample.mbox');
  await writeFile(file, Buffer.concat(parts));
  return [file];
}
