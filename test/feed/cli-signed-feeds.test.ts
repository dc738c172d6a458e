// The CLI reads feeds the way the browsers do (#10.4): a feed the policy pins a key for is refused unless
// URL.sig (FILE.sig for a file) is a good signed statement; an empty copy is refused too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReputation } from '../../cli/reputation.ts';
import type { Policy } from '../../shared/types.ts';
import { startHttpServer, type TestServer } from '../support/http-server.ts';
import { nativeFeedText } from '../feed-sync/feeds.ts';
import { makeSigner, type TestSigner } from '../feed-sync/keys.ts';

const NUMBER = '+18047134598';
const body = nativeFeedText('Signed feed', [NUMBER]);
const now = new Date('2026-03-08T12:00:00Z');
let server: TestServer;
let signer: TestSigner;
let dir: string;

beforeAll(async () => {
  server = await startHttpServer();
  signer = await makeSigner('Ed25519');
  dir = await mkdtemp(join(tmpdir(), 'ringfence-cli-feeds-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function matches(sources: string[], policy: Policy): Promise<number> {
  const lookup = await buildReputation(sources, policy, { timeoutMs: 2_000 });
  const [reputation] = await lookup!.lookup([NUMBER], now);
  return reputation!.matches.length;
}

describe('CLI feeds named by policy', () => {
  it('refuses an unsigned copy of a feed the policy pins a key for', async () => {
    server.route('/unsigned.json', { body });
    const policy: Policy = { feeds: [{ url: server.url('/unsigned.json'), publicKey: signer.spkiPem }] };
    await expect(buildReputation([], policy, { timeoutMs: 2_000 })).rejects.toThrow(/feed .*unsigned.json refused: unsigned: no signature at .*unsigned.json.sig/);
  });

  it('refuses a wrongly signed copy and a copy signed for another URL', async () => {
    const other = await makeSigner('Ed25519');
    server.route('/forged.json', { body });
    server.route('/forged.json.sig', { body: await other.statement(body, server.url('/forged.json'), 1) });
    await expect(buildReputation([], { feeds: [{ url: server.url('/forged.json'), publicKey: signer.jwk }] })).rejects.toThrow(/refused: bad signature/);
    server.route('/moved.json', { body });
    server.route('/moved.json.sig', { body: await signer.statement(body, server.url('/elsewhere.json'), 1) });
    await expect(buildReputation([], { feeds: [{ url: server.url('/moved.json'), publicKey: signer.jwk }] })).rejects.toThrow(/not for this feed's URL/);
  });

  it('reads a correctly signed copy', async () => {
    server.route('/signed.json', { body });
    server.route('/signed.json.sig', { body: await signer.statement(body, server.url('/signed.json'), 1) });
    expect(await matches([], { feeds: [{ url: server.url('/signed.json'), publicKey: signer.spkiBase64 }] })).toBe(1);
    // Named with --feed, the policy's key for it still applies.
    server.route('/signed.json.sig', { status: 404 });
    await expect(buildReputation([server.url('/signed.json')], { feeds: [{ url: server.url('/signed.json'), publicKey: signer.jwk }] })).rejects.toThrow(/unsigned/);
  });

  it('checks a feed file against FILE.sig', async () => {
    const file = join(dir, 'feed.json');
    await writeFile(file, body);
    const policy: Policy = { feeds: [{ url: file, publicKey: signer.jwk }] };
    await expect(buildReputation([file], policy)).rejects.toThrow(/unsigned: no signature at .*feed.json.sig/);
    await writeFile(`${file}.sig`, await signer.statement(nativeFeedText('Other', ['+13125550100']), file, 1));
    await expect(buildReputation([file], policy)).rejects.toThrow(/bad signature: the feed is not the copy/);
    await writeFile(`${file}.sig`, await signer.statement(body, file, 1));
    expect(await matches([file], policy)).toBe(1);
    // Without a pinned key a file is read as it is.
    expect(await matches([file], {})).toBe(1);
  });

  it('refuses an empty copy and a missing file with a clear error', async () => {
    const empty = join(dir, 'empty.txt');
    await writeFile(empty, '# maintenance\n');
    await expect(buildReputation([empty], {})).rejects.toThrow(/empty.txt refused: no entries, and the feed does not say it is empty on purpose/);
    await expect(buildReputation([join(dir, 'missing.json')], {})).rejects.toThrow(/missing.json refused: no such file/);
  });
});
