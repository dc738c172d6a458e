// Folder scanning: symbolic links are followed or reported, and one unreadable folder does not stop the run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { copyFile, mkdir, mkdtemp, readdir, realpath, rm, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectEmlFiles, type WalkFs } from '../../cli/collect-files.ts';
import { ringfence } from './support/run-ringfence.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = join(root, 'test/fixtures/eml');

let base: string;
let mail: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'ringfence-collect-'));
  mail = join(base, 'mail');
  const elsewhere = join(base, 'elsewhere');
  await mkdir(mail);
  await mkdir(elsewhere);
  await copyFile(join(fixtures, 'colleague-signature.eml'), join(mail, 'a.eml'));
  await copyFile(join(fixtures, 'colleague-signature.eml'), join(elsewhere, 'c.eml'));
  await symlink(join(fixtures, 'norton-renewal-callback.eml'), join(mail, 'linked.eml'));
  await symlink(join(base, 'missing.eml'), join(mail, 'dangling.eml'));
  await symlink(mail, join(mail, 'loop'));
  await symlink(elsewhere, join(mail, 'z-linked-folder'));
  await symlink(join(mail, 'cycle-b'), join(mail, 'cycle-a'));
  await symlink(join(mail, 'cycle-a'), join(mail, 'cycle-b'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('folder scanning', () => {
  it('follows links to messages and folders, reports broken links and loops, and goes on', async () => {
    const { code, stdout, stderr } = await ringfence('scan', '--json', mail);
    const out = stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; level?: string; error?: string });
    expect(out.map((o) => o.file.slice(mail.length + 1))).toEqual(['a.eml', 'dangling.eml', 'linked.eml', 'z-linked-folder/c.eml']);
    expect(out[0]).toMatchObject({ level: 'none' });
    expect(out[1]).toMatchObject({ error: 'broken symbolic link: no such file' });
    expect(out[2]).toMatchObject({ level: 'warning' });
    expect(out[3]).toMatchObject({ level: 'none' });
    expect(stderr).toContain(`${join(mail, 'loop')}: left out, it is the folder`);
    expect(stderr).toMatch(/cycle-a: left out, symbolic link to nothing readable \(symbolic link loop\)/);
    expect(code).toBe(1);
  }, 60_000);

  it('makes an unreadable folder one error entry and reads the rest', async () => {
    const locked = join(mail, 'locked');
    await mkdir(locked, { recursive: true });
    await copyFile(join(fixtures, 'colleague-signature.eml'), join(locked, 'b.eml'));
    // Tests run as root here, where permissions do not stop readdir: the file system refuses instead.
    const fs: WalkFs = {
      stat,
      realpath,
      readdir: (p, options) =>
        p === locked ? Promise.reject(Object.assign(new Error(`EACCES: permission denied, scandir '${p}'`), { code: 'EACCES' })) : readdir(p, options),
    };
    const { paths } = await collectEmlFiles([mail, join(base, 'nothing-here'), join(fixtures, 'norton-renewal-callback.eml')], fs);
    expect(paths).toContainEqual({ file: locked, error: 'cannot read folder: permission denied' });
    expect(paths).toContainEqual({ file: join(mail, 'z-linked-folder', 'c.eml') });
    expect(paths).not.toContainEqual({ file: join(locked, 'b.eml') });
    expect(paths.slice(-2)).toEqual([
      { file: join(base, 'nothing-here'), error: 'cannot read file: no such file' },
      { file: join(fixtures, 'norton-renewal-callback.eml') },
    ]);
    await rm(locked, { recursive: true });
  });
});
