// Test keys and signatures made with WebCrypto, in every encoding a policy or a .sig file may use.
import { signStatement } from '../../shared/feed-sync/signed-statement.ts';

export interface TestSigner {
  algorithm: 'ECDSA-P256' | 'Ed25519';
  spkiPem: string;
  spkiBase64: string;
  jwk: string;
  /** Raw signature (r||s for ECDSA, 64 bytes for Ed25519). */
  sign(data: Uint8Array): Promise<Uint8Array>;
  privateKey: CryptoKey;
  /** The URL.sig statement (ringfence-feed-sig/1) for a feed body served at `url`. */
  statement(body: string | Uint8Array, url: string, sequence: number, published?: string): Promise<string>;
}

export async function makeSigner(algorithm: 'ECDSA-P256' | 'Ed25519'): Promise<TestSigner> {
  const params = algorithm === 'Ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', namedCurve: 'P-256' };
  const pair = (await crypto.subtle.generateKey(params, true, ['sign', 'verify'])) as CryptoKeyPair;
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  const spkiBase64 = Buffer.from(spki).toString('base64');
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const signParams = algorithm === 'Ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', hash: 'SHA-256' };
  return {
    algorithm,
    spkiBase64,
    spkiPem: `-----BEGIN PUBLIC KEY-----\n${spkiBase64.replace(/(.{64})/g, '$1\n')}\n-----END PUBLIC KEY-----\n`,
    jwk: JSON.stringify(jwk),
    sign: async (data) => new Uint8Array(await crypto.subtle.sign(signParams, pair.privateKey, new Uint8Array(data))),
    privateKey: pair.privateKey,
    statement: (body, url, sequence, published) =>
      signStatement(typeof body === 'string' ? new TextEncoder().encode(body) : body, { url, sequence, published: published ?? new Date(sequence * 1000).toISOString() }, pair.privateKey),
  };
}

/** r||s → DER ECDSA-Sig-Value, as OpenSSL writes it. */
export function rawToDer(raw: Uint8Array): Uint8Array {
  const integer = (bytes: Uint8Array) => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    let body = bytes.subarray(start);
    if ((body[0] ?? 0) & 0x80) body = Uint8Array.of(0, ...body);
    return Uint8Array.of(0x02, body.length, ...body);
  };
  const r = integer(raw.subarray(0, 32));
  const s = integer(raw.subarray(32));
  return Uint8Array.of(0x30, r.length + s.length, ...r, ...s);
}
