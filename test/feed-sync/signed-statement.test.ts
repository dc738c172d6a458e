// The signed statement (URL.sig as ringfence-feed-sig/1): what the server signs and every client checks.
import { describe, expect, it } from 'vitest';
import {
  buildStatement, signStatement, verifyStatement, statementText, staleness, isStatementFile, canonicalFeedUrl, sha256Hex,
} from '../../shared/feed-sync/signed-statement.ts';
import { importFeedPrivateKey } from '../../shared/feed-sync/private-key.ts';
import { makeSigner, rawToDer } from './keys.ts';

const body = new TextEncoder().encode('{"format":"ringfence-feed/1","name":"x","entries":[{"number":"+18047134598"}]}\n');
const url = 'https://intel.example.com/numbers.json';
const fields = { url, published: '2026-03-07T00:00:00.000Z', sequence: 42 };

describe.each(['ECDSA-P256', 'Ed25519'] as const)('signed statements with %s', (algorithm) => {
  it('signs a statement naming URL, published, sequence and SHA-256, and verifies it', async () => {
    const signer = await makeSigner(algorithm);
    const sig = new TextEncoder().encode(await signStatement(body, fields, signer.privateKey));
    const file = JSON.parse(new TextDecoder().decode(sig));
    expect(file).toMatchObject({ format: 'ringfence-feed-sig/1', ...fields, sha256: await sha256Hex(body), algorithm });
    expect(isStatementFile(sig)).toBe(true);
    for (const key of [signer.spkiPem, signer.spkiBase64, signer.jwk]) {
      expect(await verifyStatement(body, sig, key, { url })).toEqual({ ok: true, statement: { ...fields, sha256: file.sha256 } });
    }
    // The URL compares in parsed form.
    expect((await verifyStatement(body, sig, signer.jwk, { url: 'HTTPS://INTEL.example.com/numbers.json' })).ok).toBe(true);
  });

  it('refuses another body, another URL, another key, an edited field and an older copy', async () => {
    const signer = await makeSigner(algorithm);
    const sig = new TextEncoder().encode(await signStatement(body, fields, signer.privateKey));
    const other = await makeSigner(algorithm);
    const changed = body.slice();
    changed[10] = changed[10]! ^ 1;
    expect(await verifyStatement(changed, sig, signer.jwk, { url })).toMatchObject({ ok: false, reason: /SHA-256 differs/ });
    expect(await verifyStatement(body, sig, signer.jwk, { url: 'https://intel.example.com/other.json' })).toMatchObject({ ok: false, reason: /signed for "https:\/\/intel.example.com\/numbers.json"/ });
    expect(await verifyStatement(body, sig, other.jwk, { url })).toMatchObject({ ok: false, reason: /does not verify/ });
    const edited = JSON.parse(new TextDecoder().decode(sig));
    edited.sequence = 43;
    expect(await verifyStatement(body, new TextEncoder().encode(JSON.stringify(edited)), signer.jwk, { url })).toMatchObject({ ok: false, reason: /does not verify/ });
    const held = { published: '2026-03-08T00:00:00.000Z', sequence: 41, sha256: 'a'.repeat(64) };
    expect(await verifyStatement(body, sig, signer.jwk, { url, held })).toMatchObject({ ok: false, reason: /older copy: published/ });
  });
});

describe('statement details', () => {
  it('accepts a DER ECDSA signature in the statement', async () => {
    const signer = await makeSigner('ECDSA-P256');
    const statement = await buildStatement(body, fields);
    const raw = await signer.sign(new TextEncoder().encode(statementText(statement)));
    const file = { format: 'ringfence-feed-sig/1', ...statement, algorithm: 'ECDSA-P256', signature: Buffer.from(rawToDer(raw)).toString('base64') };
    expect((await verifyStatement(body, new TextEncoder().encode(JSON.stringify(file)), signer.spkiPem, { url })).ok).toBe(true);
  });

  it('signs exactly "ringfence-feed-sig/1\\nurl\\npublished\\nsequence\\nsha256"', async () => {
    const statement = await buildStatement(body, fields);
    expect(statementText(statement)).toBe(`ringfence-feed-sig/1\n${url}\n2026-03-07T00:00:00.000Z\n42\n${await sha256Hex(body)}`);
  });

  it('names what is wrong with a malformed signature file, without throwing', async () => {
    const signer = await makeSigner('Ed25519');
    const check = (text: string) => verifyStatement(body, new TextEncoder().encode(text), signer.jwk, { url });
    expect(await check('{nope')).toMatchObject({ ok: false, reason: /not valid JSON/ });
    expect(await check('{"format":"other"}')).toMatchObject({ ok: false, reason: /format must be/ });
    const base = { format: 'ringfence-feed-sig/1', ...fields, sha256: 'a'.repeat(64), algorithm: 'Ed25519', signature: 'AAAA' };
    expect(await check(JSON.stringify({ ...base, url: 'a\nb' }))).toMatchObject({ ok: false, reason: /url must be/ });
    expect(await check(JSON.stringify({ ...base, sequence: -1 }))).toMatchObject({ ok: false, reason: /sequence must be/ });
    expect(await check(JSON.stringify({ ...base, published: 'soon' }))).toMatchObject({ ok: false, reason: /published must be/ });
    expect(await check(JSON.stringify({ ...base, algorithm: 'ECDSA-P256' }))).toMatchObject({ ok: false, reason: /pinned key is Ed25519/ });
    expect(await check(JSON.stringify(base))).toMatchObject({ ok: false, reason: /does not verify/ });
    await expect(buildStatement(body, { ...fields, sequence: 1.5 })).rejects.toThrow(/sequence/);
    expect(isStatementFile(new Uint8Array([0x30, 0x45]))).toBe(false);
    // A binary signature that happens to start with "{" (one in 256) is still a plain signature.
    expect(isStatementFile(new Uint8Array([0x7b, 0x01, 0xfe, 0x22, 0x7d]))).toBe(false);
    expect(isStatementFile(new TextEncoder().encode(' {"format":"x"}\n'))).toBe(true);
  });

  it('orders copies by sequence and publication time', () => {
    const held = { published: '2026-03-07T00:00:00Z', sequence: 10, sha256: 'ab'.repeat(32) };
    expect(staleness({ ...held, sequence: 11, published: '2026-03-08T00:00:00Z' }, held)).toBeUndefined();
    expect(staleness(held, held)).toBeUndefined();
    expect(staleness({ ...held, sequence: 9 }, held)).toMatch(/older copy: sequence 9/);
    expect(staleness({ ...held, sequence: 11, published: '2026-03-06T00:00:00Z' }, held)).toMatch(/older copy: published/);
    expect(staleness({ ...held, sha256: 'cd'.repeat(32) }, held)).toMatch(/already used for a different copy/);
    expect(staleness(held, undefined)).toBeUndefined();
    expect(canonicalFeedUrl('/srv/feed.json')).toBe('/srv/feed.json');
  });

  it('imports a PKCS#8 PEM or JWK private key of either algorithm, and refuses others', async () => {
    for (const params of [{ name: 'Ed25519' }, { name: 'ECDSA', namedCurve: 'P-256' }]) {
      const pair = (await crypto.subtle.generateKey(params, true, ['sign', 'verify'])) as CryptoKeyPair;
      const pkcs8 = Buffer.from(await crypto.subtle.exportKey('pkcs8', pair.privateKey)).toString('base64');
      const pem = `-----BEGIN PRIVATE KEY-----\n${pkcs8.replace(/(.{64})/g, '$1\n')}\n-----END PRIVATE KEY-----\n`;
      const spki = Buffer.from(await crypto.subtle.exportKey('spki', pair.publicKey)).toString('base64');
      for (const text of [pem, JSON.stringify(await crypto.subtle.exportKey('jwk', pair.privateKey))]) {
        const key = await importFeedPrivateKey(text);
        const sig = new TextEncoder().encode(await signStatement(body, fields, key));
        expect((await verifyStatement(body, sig, spki, { url })).ok).toBe(true);
      }
    }
    await expect(importFeedPrivateKey('hello')).rejects.toThrow(/PKCS#8 PEM/);
    await expect(importFeedPrivateKey('{"kty":"RSA","d":"x"}')).rejects.toThrow(/not supported/);
    await expect(importFeedPrivateKey('{"kty":"OKP","crv":"Ed25519","x":"x"}')).rejects.toThrow(/no private part/);
  });
});
