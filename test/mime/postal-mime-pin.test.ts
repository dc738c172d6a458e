// run-postal-mime.ts patches postal-mime's private fields: the dependency stays on the 4.0 line they were read from.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import PostalMime from 'postal-mime';
import { runPostalMime } from '../../shared/mime/run-postal-mime.ts';

const root = new URL('../../', import.meta.url);
const json = async (path: string) => JSON.parse(await readFile(new URL(path, root), 'utf8')) as Record<string, any>;

describe('postal-mime pin', () => {
  it('is pinned to ~4.0.x in package.json and the lock, and 4.0.x is installed', async () => {
    expect((await json('package.json')).dependencies['postal-mime']).toMatch(/^~4\.0\./);
    expect((await json('package-lock.json')).packages['']['dependencies']['postal-mime']).toMatch(/^~4\.0\./);
    expect((await json('node_modules/postal-mime/package.json')).version).toMatch(/^4\.0\.\d+$/);
  });

  it('still has the private fields run-postal-mime.ts uses', async () => {
    const parser = new PostalMime() as unknown as Record<string, unknown>;
    expect(typeof parser.processLine).toBe('function');
    expect(typeof parser.finalize).toBe('function');
    const raw =
      'From: a@example.test\r\nSubject: t\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n' +
      '--B\r\nContent-Type: text/plain\r\n\r\nfirst\r\n--B\r\nContent-Type: text/plain\r\n\r\nsecond\r\n--B--\r\n';
    // Two body positions come out as two groups only when textMap (private) was read.
    const { groups } = await runPostalMime(new TextEncoder().encode(raw));
    expect(groups.map((g) => g.plain.join('').trim())).toEqual(['first', 'second']);
  });
});
