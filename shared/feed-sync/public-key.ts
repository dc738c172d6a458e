// Imports a pinned feed public key (SPKI as PEM or base64, or a JWK as JSON) for WebCrypto verification.

export type SignatureAlgorithm = 'ECDSA-P256' | 'Ed25519';

export interface FeedPublicKey {
  algorithm: SignatureAlgorithm;
  key: CryptoKey;
}

// DER encodings of the algorithm OIDs inside a SubjectPublicKeyInfo.
const OID_EC_PUBLIC_KEY = [0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]; // 1.2.840.10045.2.1
const OID_PRIME256V1 = [0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07]; // 1.2.840.10045.3.1.7
const OID_ED25519 = [0x06, 0x03, 0x2b, 0x65, 0x70]; // 1.3.101.112

/** Throws an Error naming the problem when the text is not a usable P-256 or Ed25519 public key. */
export async function importFeedPublicKey(text: string): Promise<FeedPublicKey> {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return importJwk(trimmed);
  const der = spkiBytes(trimmed);
  const algorithm = spkiAlgorithm(der);
  const params = algorithm === 'Ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', namedCurve: 'P-256' };
  try {
    const key = await crypto.subtle.importKey('spki', der, params, false, ['verify']);
    return { algorithm, key };
  } catch (error) {
    throw new Error(`public key: not a valid ${algorithm} SPKI key (${(error as Error).message})`);
  }
}

async function importJwk(text: string): Promise<FeedPublicKey> {
  let jwk: JsonWebKey;
  try {
    jwk = JSON.parse(text) as JsonWebKey;
  } catch {
    throw new Error('public key: looks like JWK but is not valid JSON');
  }
  const publicOnly: JsonWebKey = { kty: jwk.kty, crv: jwk.crv, x: jwk.x, ...(jwk.y !== undefined ? { y: jwk.y } : {}) };
  let algorithm: SignatureAlgorithm;
  let params: EcKeyImportParams | Algorithm;
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') {
    algorithm = 'ECDSA-P256';
    params = { name: 'ECDSA', namedCurve: 'P-256' };
  } else if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') {
    algorithm = 'Ed25519';
    params = { name: 'Ed25519' };
  } else {
    throw new Error(`public key: JWK kty ${jwk.kty ?? '?'} / crv ${jwk.crv ?? '?'} is not supported (use EC P-256 or OKP Ed25519)`);
  }
  try {
    const key = await crypto.subtle.importKey('jwk', publicOnly, params, false, ['verify']);
    return { algorithm, key };
  } catch (error) {
    throw new Error(`public key: invalid ${algorithm} JWK (${(error as Error).message})`);
  }
}

function spkiBytes(text: string): Uint8Array<ArrayBuffer> {
  const pem = /-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----/.exec(text);
  if (!pem && text.includes('-----BEGIN')) throw new Error('public key: only "BEGIN PUBLIC KEY" (SPKI) PEM is supported');
  const base64 = (pem ? pem[1] ?? '' : text).replace(/\s+/g, '');
  const bytes = decodeBase64(base64);
  if (!bytes || bytes.length < 32) throw new Error('public key: expected SPKI as PEM or base64, or a JWK as JSON');
  return bytes;
}

function spkiAlgorithm(der: Uint8Array): SignatureAlgorithm {
  if (includesBytes(der, OID_ED25519)) return 'Ed25519';
  if (includesBytes(der, OID_EC_PUBLIC_KEY)) {
    if (includesBytes(der, OID_PRIME256V1)) return 'ECDSA-P256';
    throw new Error('public key: EC keys must use curve P-256');
  }
  throw new Error('public key: algorithm not supported (use ECDSA P-256 or Ed25519)');
}

function includesBytes(haystack: Uint8Array, needle: readonly number[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Standard or URL-safe base64, padding optional; undefined when the text is not base64. */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  const normal = text.replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(normal) || normal.replace(/=+$/, '').length % 4 === 1) return undefined;
  const padded = normal.replace(/=+$/, '').padEnd(Math.ceil(normal.replace(/=+$/, '').length / 4) * 4, '=');
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
