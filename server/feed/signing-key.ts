// The feed's Ed25519 key: generated at first start and kept in the store, so every instance signs alike.
import { createPrivateKey, createPublicKey, generateKeyPairSync, webcrypto } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { settingOrCreate } from '../db/settings.ts';

export interface SigningKey {
  /** WebCrypto key, what shared/feed-sync's signStatement takes. */
  privateKey: CryptoKey;
  /** SPKI DER in base64: what the policy pins as the feed's publicKey. */
  publicKeySpki: string;
}

export async function ensureSigningKey(db: Database): Promise<SigningKey> {
  const { value } = await settingOrCreate(db, 'feed_signing_key_pkcs8', () =>
    generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  );
  const der = Buffer.from(value, 'base64');
  const publicKeySpki = createPublicKey(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })).export({ format: 'der', type: 'spki' }).toString('base64');
  const privateKey = (await webcrypto.subtle.importKey('pkcs8', der, { name: 'Ed25519' }, false, ['sign'])) as CryptoKey;
  return { privateKey, publicKeySpki };
}
