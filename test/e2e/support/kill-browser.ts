// Kills a Chromium started by these tests the hard way (SIGKILL to its whole process group), as a crash or
// a power cut would: nothing gets to finish writing. Found by its --user-data-dir, among this user's processes.
import { readdir, readFile } from 'node:fs/promises';

/** The pid of the browser process (not a renderer or helper) running with `userDataDir`, or null. */
export async function browserPid(userDataDir: string): Promise<number | null> {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const args = await readFile(`/proc/${entry}/cmdline`, 'utf8').then((text) => text.split('\0'), () => [] as string[]);
    if (args.includes(`--user-data-dir=${userDataDir}`) && !args.some((a) => a.startsWith('--type='))) return Number(entry);
  }
  return null;
}

/** SIGKILL to the process group of the browser running with `userDataDir` (Playwright starts it as a group leader). */
export async function killBrowser(userDataDir: string): Promise<number> {
  const pid = await browserPid(userDataDir);
  if (pid === null) throw new Error(`no browser runs with --user-data-dir=${userDataDir}`);
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): state ppid pgrp …
  const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
  if (pgrp !== pid) throw new Error(`browser ${pid} does not lead its process group (${pgrp}): not killing a group that is not its own`);
  process.kill(-pid, 'SIGKILL');
  return pid;
}
