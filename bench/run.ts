// npm run bench [-- NAME_FILTER]: runs every bench/cases/*.ts, prints a table, writes bench/results.json.
import { readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { BenchCase, BenchResult } from './types.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const filter = process.argv[2];
const files = (await readdir(join(here, 'cases'))).filter((f) => f.endsWith('.ts')).sort();
const results: BenchResult[] = [];

for (const file of files) {
  if (filter && !file.includes(filter)) continue;
  const mod = (await import(pathToFileURL(join(here, 'cases', file)).href)) as { default: BenchCase };
  try {
    const rows = await mod.default();
    for (const row of rows) {
      results.push(row);
      console.log(formatRow(row));
    }
  } catch (error) {
    console.error(`bench ${file} failed: ${(error as Error).stack ?? error}`);
    process.exitCode = 1;
  }
}

await writeFile(join(here, 'results.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`\nwrote bench/results.json (${results.length} figures)`);

function formatRow(r: BenchResult): string {
  const fmt = (n: number | null) => (n === null ? '-' : n >= 100 ? n.toFixed(0) : n.toPrecision(3));
  const base = r.baseline === null ? '' : `  baseline ${fmt(r.baseline)} ${r.unit}${r.baselineName ? ` (${r.baselineName})` : ''}`;
  const ratio = r.ratio === null ? '' : `  ratio ${fmt(r.ratio)}`;
  return `${r.name.padEnd(22)} ${fmt(r.value).padStart(10)} ${r.unit}${base}${ratio}${r.note ? `  — ${r.note}` : ''}`;
}
