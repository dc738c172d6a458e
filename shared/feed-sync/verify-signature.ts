// Verifies a feed's detached signature (the bytes at URL.sig) against a pinned public key.
import { decodeBase64, importFeedPublicKey, type FeedPublicKey } from './public-key.ts';

/**
 * True when `sigBytes` is a valid signature of exactly `bytes`. The signature may be binary or base64 text;
 * ECDSA P-256 (SHA-256) accepts raw r||s (64 bytes) and DER. Throws when the public key itself is unusable.
 */
export async function verifyFeedSignature(
  bytes: Uint8Array,
  sigBytes: Uint8Array,
  publicKey: string | FeedPublicKey,
): Promise<boolean> {
  const pinned = typeof publicKey === 'string' ? await importFeedPublicKey(publicKey) : publicKey;
  const signature = signatureBytes(sigBytes);
  const data = new Uint8Array(bytes);
  if (pinned.algorithm === 'Ed25519') {
    if (signature.length !== 64) return false;
    return crypto.subtle.verify({ name: 'Ed25519' }, pinned.key, signature, data);
  }
  const raw = signature.length === 64 ? signature : derToRaw(signature, 32);
  if (!raw) return false;
  return crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, pinned.key, raw, data);
}

/** A .sig file holds binary, or base64 text (with optional whitespace); text is decoded. */
function signatureBytes(sig: Uint8Array): Uint8Array<ArrayBuffer> {
  const text = new TextDecoder('latin1').decode(sig).trim();
  if (text.length >= 80 && /^[A-Za-z0-9+/=_\-\s]+$/.test(text)) {
    const decoded = decodeBase64(text.replace(/\s+/g, ''));
    if (decoded) return decoded;
  }
  return new Uint8Array(sig);
}

/** ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } → r||s, each left-padded to `size` bytes. */
export function derToRaw(der: Uint8Array, size: number): Uint8Array<ArrayBuffer> | undefined {
  let at = 0;
  const readLength = (): number | undefined => {
    const first = der[at++];
    if (first === undefined) return undefined;
    if (first < 0x80) return first;
    if (first !== 0x81) return undefined; // P-256 signatures never need more than one length byte
    return der[at++];
  };
  if (der[at++] !== 0x30) return undefined;
  const seqLength = readLength();
  if (seqLength === undefined || at + seqLength !== der.length) return undefined;
  const out = new Uint8Array(size * 2);
  for (let part = 0; part < 2; part++) {
    if (der[at++] !== 0x02) return undefined;
    const length = readLength();
    if (length === undefined || length === 0 || at + length > der.length) return undefined;
    let value = der.subarray(at, at + length);
    at += length;
    while (value.length > size && value[0] === 0) value = value.subarray(1);
    if (value.length > size) return undefined;
    out.set(value, part * size + size - value.length);
  }
  return at === der.length ? out : undefined;
}
