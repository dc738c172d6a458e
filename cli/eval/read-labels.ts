import { readFile } from 'node:fs/promises';

/** One labelled message: its path as the manifest writes it (relative to the message folder) and its label. */
export interface LabelledFile {
  file: string;
  label: string;
}

/** The label that means "legitimate"; every other label is some kind of unwanted mail. */
export const HAM_LABEL = 'ham';

/**
 * Reads a tab-separated manifest: a header row naming a `file` and a `label` column (any others ignored),
 * or, without such a header, file and label as the first two columns. Blank lines and `#` comments are skipped.
 */
export async function readLabels(path: string): Promise<LabelledFile[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read labels ${path}: ${(error as Error).message}`);
  }
  return parseLabels(text, path);
}

export function parseLabels(text: string, where = 'labels'): LabelledFile[] {
  const rows = text.split(/\r?\n/).map((line, i) => ({ line: i + 1, cells: line.split('\t') }))
    .filter(({ cells }) => cells.join('').trim() !== '' && !cells[0]!.startsWith('#'));
  const header = rows[0]?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  const hasHeader = header.includes('file') && header.includes('label');
  const fileCol = hasHeader ? header.indexOf('file') : 0;
  const labelCol = hasHeader ? header.indexOf('label') : 1;
  const out: LabelledFile[] = [];
  for (const { line, cells } of hasHeader ? rows.slice(1) : rows) {
    const file = cells[fileCol]?.trim() ?? '';
    const label = cells[labelCol]?.trim() ?? '';
    if (!file || !label) throw new Error(`${where}:${line}: expected a file and a label separated by a tab`);
    out.push({ file, label });
  }
  if (out.length === 0) throw new Error(`${where}: no labelled files`);
  return out;
}
