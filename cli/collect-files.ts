import { readdir, realpath, stat } from 'node:fs/promises';
import type { Dirent, Stats } from 'node:fs';
import { join } from 'node:path';
import { errorReason } from './input/error-reason.ts';

/** One input: a message file to read, or a path that could not be read (reported like a broken file). */
export interface CollectedPath {
  file: string;
  error?: string;
}

export interface Collected {
  /** In the order given, folders expanded to their message files (sorted, recursive; see isMessageName, Maildir). */
  paths: CollectedPath[];
  /** What was left out on purpose, for standard error: a folder reached twice through a symbolic link. */
  notes: string[];
}

/** The file-system calls the walk makes; tests replace them to simulate unreadable folders. */
export interface WalkFs {
  stat(path: string): Promise<Stats>;
  realpath(path: string): Promise<string>;
  readdir(path: string, options: { withFileTypes: true }): Promise<Dirent[]>;
}

const nodeFs: WalkFs = { stat, realpath, readdir };

/**
 * Expands PATH arguments: files as given, folders to the `.eml` files below them. Symbolic links are
 * followed, to files and to folders (each real folder is walked once, so a link loop ends). A path that
 * cannot be read (missing, unreadable folder, broken link to a message) becomes an error entry and the walk
 * goes on; nothing is skipped silently.
 */
export async function collectEmlFiles(inputs: readonly string[], fs: WalkFs = nodeFs): Promise<Collected> {
  const collected: Collected = { paths: [], notes: [] };
  const walked = new Set<string>();

  const folder = async (dir: string, everyFile = false): Promise<void> => {
    let real: string;
    let entries: Dirent[];
    try {
      real = await fs.realpath(dir);
      if (walked.has(real)) {
        collected.notes.push(`${dir}: left out, it is the folder ${real} again (symbolic link), already scanned`);
        return;
      }
      walked.add(real);
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      collected.paths.push({ file: dir, error: `cannot read folder: ${errorReason(error)}` });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    // A Maildir: every file in cur/ and new/ is a message, whatever its name; tmp/ holds deliveries in progress.
    const maildir = isMaildir(entries);
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const isMessage = everyFile || isMessageName(entry.name);
      if (maildir && entry.name === 'tmp' && entry.isDirectory()) {
        const pending = await fs.readdir(path, { withFileTypes: true }).catch(() => []);
        if (pending.length) collected.notes.push(`${path}: left out, Maildir tmp folder (${pending.length} deliveries in progress)`);
        continue;
      }
      const box = maildir && (entry.name === 'cur' || entry.name === 'new');
      if (entry.isDirectory()) await folder(path, box);
      else if (entry.isFile()) {
        if (isMessage) collected.paths.push({ file: path });
      } else if (entry.isSymbolicLink()) {
        let target: Stats;
        try {
          target = await fs.stat(path);
        } catch (error) {
          if (isMessage) collected.paths.push({ file: path, error: `broken symbolic link: ${errorReason(error)}` });
          else collected.notes.push(`${path}: left out, symbolic link to nothing readable (${errorReason(error)})`);
          continue;
        }
        if (target.isDirectory()) await folder(path, everyFile);
        else if (isMessage) collected.paths.push({ file: path });
      }
    }
  };

  for (const input of inputs) {
    let info: Stats;
    try {
      info = await fs.stat(input);
    } catch (error) {
      collected.paths.push({ file: input, error: `cannot read file: ${errorReason(error)}` });
      continue;
    }
    if (info.isDirectory()) await folder(input);
    else collected.paths.push({ file: input });
  }
  return collected;
}

/** Files a folder walk picks up: .eml, Outlook .msg, mbox (.mbox, .mbx), and each of them gzipped. */
export function isMessageName(name: string): boolean {
  return /\.(eml|msg|mbox|mbx)(\.gz)?$/i.test(name);
}

function isMaildir(entries: readonly Dirent[]): boolean {
  const folders = new Set(entries.filter((e) => e.isDirectory()).map((e) => e.name));
  return folders.has('cur') && folders.has('new');
}

