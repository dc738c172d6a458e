import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Expands PATH arguments: files as given, folders to the `.eml` files below them (sorted, recursive). */
export async function collectEmlFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      files.push(path); // reported as an unreadable file by the caller
      continue;
    }
    if (info.isDirectory()) files.push(...(await emlFilesBelow(path)));
    else files.push(path);
  }
  return files;
}

async function emlFilesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const out: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await emlFilesBelow(path)));
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.eml')) out.push(path);
  }
  return out;
}
