import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** /work/shared/corpus, seen from the repository (../shared/corpus beside the checkout). */
export const CORPUS_DIR = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

export interface ManifestRow {
  file: string;
  label: string;
  phones: string[];
  notes: string;
}

/** One TSV field; a field in double quotes may hold tabs and doubled quotes. */
function unquote(field: string): string {
  return field.startsWith('"') && field.endsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field;
}

export function readManifest(): ManifestRow[] | null {
  const path = CORPUS_DIR + 'MANIFEST.tsv';
  if (!existsSync(path)) return null;
  const [header, ...lines] = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const columns = header!.split('\t');
  const at = (name: string) => columns.indexOf(name);
  return lines.map((line) => {
    const f = line.split('\t').map(unquote);
    return {
      file: f[at('file')]!,
      label: f[at('label')]!,
      phones: (f[at('phone_numbers_seen')] ?? '').split(',').map((s) => s.trim()).filter(Boolean),
      notes: f[at('notes')] ?? '',
    };
  });
}

/** The raw written forms in a row's notes: "raw: A | B; next note" → ["A", "B"]. */
export function rawSnippets(notes: string): string[] {
  const m = /(?:^|; )raw: (.*?)(?:; |$)/.exec(notes);
  return m ? m[1]!.split(' | ').map((s) => s.trim()).filter(Boolean) : [];
}
