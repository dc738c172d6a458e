// Imports a feed-signing private key (PKCS#8 PEM, as `openssl genpkey` writes it, or a JWK with "d") for
// signStatement. Ed25519 or ECDSA P-256.

/** Throws an Error naming the problem when the text is not a usable Ed25519 or P-256 private key. */
export async function importFeedPrivateKey(text: string): Promise<CryptoKey> {
  const trimmed = text.trim();
  const candidates: (Algorithm | EcKeyImportParams)[] = [{ name: 'Ed25519' }, { name: 'ECDSA', namedCurve: 'P-256' }];
  if (trimmed.startsWith('{')) {
    let jwk: JsonWebKey;
    try {
      jwk = JSON.parse(trimmed) as JsonWebKey;
    } catch {
      throw new Error('private key: looks like JWK but is not valid JSON');
    }
    if (!jwk.d) throw new Error('private key: the JWK has no private part ("d")');
    const params = jwk.kty === 'OKP' && jwk.crv === 'Ed25519' ? candidates[0]! : jwk.kty === 'EC' && jwk.crv === 'P-256' ? candidates[1]! : undefined;
    if (!params) throw new Error(`private key: JWK kty ${jwk.kty ?? '?'} / crv ${jwk.crv ?? '?'} is not supported (use OKP Ed25519 or EC P-256)`);
    return crypto.subtle.importKey('jwk', jwk, params, false, ['sign']);
  }
  const pem = /-----BEGIN PRIVATE KEY-----([\s\S]*?)-----END PRIVATE KEY-----/.exec(trimmed);
  if (!pem) {
    throw new Error('private key: expected PKCS#8 PEM ("BEGIN PRIVATE KEY"; `openssl genpkey -algorithm ed25519` writes one) or a JWK');
  }
  const der = Uint8Array.from(atob(pem[1]!.replace(/\s+/g, '')), (c) => c.charCodeAt(0));
  for (const params of candidates) {
    try {
      return await crypto.subtle.importKey('pkcs8', der, params, false, ['sign']);
    } catch {
      // not this algorithm; try the next
    }
  }
  throw new Error('private key: not an Ed25519 or ECDSA P-256 key');
}
