// `ringfence feed sign` writes the URL.sig statement a client with the matching pinned key accepts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../cli/commands/feed.ts';
import { verifyStatement } from '../../shared/feed-sync/signed-statement.ts';
import { captureOutput } from './capture-output.ts';
import { nativeFeedText } from '../feed-sync/feeds.ts';

let dir: string;
beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'ringfence-feed-sign-'))));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function keyPair(params: Algorithm | EcKeyGenParams): Promise<{ keyFile: string; publicKey: string }> {
  const pair = (await crypto.subtle.generateKey(params, true, ['sign', 'verify'])) as CryptoKeyPair;
  const pkcs8 = Buffer.from(await crypto.subtle.exportKey('pkcs8', pair.privateKey)).toString('base64');
  const keyFile = join(dir, `key-${Math.random().toString(36).slice(2)}.pem`);
  await writeFile(keyFile, `-----BEGIN PRIVATE KEY-----\n${pkcs8}\n-----END PRIVATE KEY-----\n`);
  return { keyFile, publicKey: Buffer.from(await crypto.subtle.exportKey('spki', pair.publicKey)).toString('base64') };
}

describe('ringfence feed sign', () => {
  it.each([{ name: 'Ed25519' }, { name: 'ECDSA', namedCurve: 'P-256' }])('signs a feed for its URL with a $name key', async (params) => {
    const { keyFile, publicKey } = await keyPair(params);
    const file = join(dir, 'numbers.json');
    const body = nativeFeedText('Signed', ['+18047134598']); // published 2026-03-07T00:00:00Z
    await writeFile(file, body);
    const url = 'https://intel.example.com/numbers.json';
    const { result, stderr } = await captureOutput(() => run(['sign', '--key', keyFile, '--url', url, file]));
    expect(result).toBe(0);
    expect(stderr).toContain(`numbers.json.sig: signed for ${url}, published 2026-03-07T00:00:00.000Z, sequence 1772841600`);
    const sig = new Uint8Array(await readFile(`${file}.sig`));
    expect(await verifyStatement(new TextEncoder().encode(body), sig, publicKey, { url })).toMatchObject({
      ok: true,
      statement: { url, sequence: 1_772_841_600, published: '2026-03-07T00:00:00.000Z' },
    });
    expect((await verifyStatement(new TextEncoder().encode(body), sig, publicKey, { url: 'https://elsewhere.example/numbers.json' })).ok).toBe(false);
  });

  it('takes --sequence, --published and --out; refuses a feed clients would refuse', async () => {
    const { keyFile, publicKey } = await keyPair({ name: 'Ed25519' });
    const file = join(dir, 'list.txt');
    await writeFile(file, '+18047134598\n');
    const out = join(dir, 'custom.sig');
    const url = 'https://intel.example.com/list.txt';
    expect((await captureOutput(() => run(['sign', '--key', keyFile, '--url', url, '--sequence', '7', '--published', '2026-03-09T10:00:00Z', '--out', out, file]))).result).toBe(0);
    expect(await verifyStatement(new TextEncoder().encode('+18047134598\n'), new Uint8Array(await readFile(out)), publicKey, { url })).toMatchObject({
      ok: true,
      statement: { sequence: 7, published: '2026-03-09T10:00:00.000Z' },
    });
    await writeFile(file, '# maintenance\n');
    await expect(run(['sign', '--key', keyFile, '--url', url, file])).rejects.toThrow(/no entries.*not signed/);
    await expect(run(['sign', '--url', url, file])).rejects.toThrow(/needs --key/);
  });

  it('feed validate says an empty copy would be refused', async () => {
    const file = join(dir, 'empty.txt');
    await writeFile(file, '# maintenance\n');
    const { result, stdout } = await captureOutput(() => run(['validate', file]));
    expect(result).toBe(1);
    expect(stdout).toContain('feed: no entries, and the feed does not say it is empty on purpose');
  });
});
