import { describe, expect, it } from 'vitest';
import { verifyFeedSignature, importFeedPublicKey, derToRaw } from '../../shared/feed-sync/index.ts';
import { makeSigner, rawToDer } from './keys.ts';

const feed = new TextEncoder().encode('{"format":"ringfence-feed/1","name":"x","entries":[]}\n');

describe.each(['ECDSA-P256', 'Ed25519'] as const)('verifyFeedSignature with %s', (algorithm) => {
  it('accepts a good signature with the key as PEM, base64 SPKI and JWK', async () => {
    const signer = await makeSigner(algorithm);
    const sig = await signer.sign(feed);
    for (const key of [signer.spkiPem, signer.spkiBase64, signer.jwk]) {
      expect(await verifyFeedSignature(feed, sig, key)).toBe(true);
      expect((await importFeedPublicKey(key)).algorithm).toBe(algorithm);
    }
  });

  it('accepts the signature written as base64 text', async () => {
    const signer = await makeSigner(algorithm);
    const sig = await signer.sign(feed);
    const text = new TextEncoder().encode(Buffer.from(sig).toString('base64') + '\n');
    expect(await verifyFeedSignature(feed, text, signer.spkiPem)).toBe(true);
  });

  it('rejects a changed feed, a wrong key and garbage', async () => {
    const signer = await makeSigner(algorithm);
    const other = await makeSigner(algorithm);
    const sig = await signer.sign(feed);
    const changed = feed.slice();
    changed[5] = changed[5]! ^ 1;
    expect(await verifyFeedSignature(changed, sig, signer.spkiPem)).toBe(false);
    expect(await verifyFeedSignature(feed, sig, other.spkiPem)).toBe(false);
    expect(await verifyFeedSignature(feed, new Uint8Array(0), signer.spkiPem)).toBe(false);
    expect(await verifyFeedSignature(feed, new Uint8Array(64), signer.spkiPem)).toBe(false);
    expect(await verifyFeedSignature(feed, new TextEncoder().encode('not a signature'), signer.spkiPem)).toBe(false);
  });
});

describe('ECDSA signature encodings', () => {
  it('accepts DER (binary and base64) as well as raw r||s', async () => {
    const signer = await makeSigner('ECDSA-P256');
    for (let i = 0; i < 8; i++) {
      const data = new TextEncoder().encode(`feed ${i}`);
      const raw = await signer.sign(data);
      const der = rawToDer(raw);
      expect(derToRaw(der, 32)).toEqual(raw);
      expect(await verifyFeedSignature(data, der, signer.jwk)).toBe(true);
      expect(await verifyFeedSignature(data, new TextEncoder().encode(Buffer.from(der).toString('base64')), signer.jwk)).toBe(true);
    }
  });

  it('refuses malformed DER without throwing', async () => {
    expect(derToRaw(Uint8Array.of(0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01), 32)).toBeUndefined();
    expect(derToRaw(Uint8Array.of(0x31, 0x00), 32)).toBeUndefined();
  });
});

describe('importFeedPublicKey', () => {
  it('names the problem with an unusable key', async () => {
    await expect(importFeedPublicKey('hello')).rejects.toThrow(/public key/);
    await expect(importFeedPublicKey('{"kty":"RSA","n":"x","e":"AQAB"}')).rejects.toThrow(/not supported/);
    await expect(importFeedPublicKey('{not json')).rejects.toThrow(/JSON/);
    await expect(importFeedPublicKey('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----')).rejects.toThrow(/PUBLIC KEY/);
    const rsa = (await crypto.subtle.generateKey(
      { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: Uint8Array.of(1, 0, 1), hash: 'SHA-256' },
      true,
      ['sign', 'verify'],
    )) as CryptoKeyPair;
    const spki = Buffer.from(await crypto.subtle.exportKey('spki', rsa.publicKey)).toString('base64');
    await expect(importFeedPublicKey(spki)).rejects.toThrow(/not supported/);
  });

  it('rejects a P-384 key', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-384' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const spki = Buffer.from(await crypto.subtle.exportKey('spki', pair.publicKey)).toString('base64');
    await expect(importFeedPublicKey(spki)).rejects.toThrow(/P-256/);
  });
});
