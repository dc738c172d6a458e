// The feed's Ed25519 key: generated at first start and kept in the store, so every instance signs alike.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { settingOrCreate } from '../db/settings.ts';

export interface SigningKey {
  privateKey: KeyObject;
  /** SPKI DER in base64: what the policy pins as the feed's publicKey. */
  publicKeySpki: string;
}

export async function ensureSigningKey(db: Database): Promise<SigningKey> {
  const { value } = await settingOrCreate(db, 'feed_signing_key_pkcs8', () =>
    generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  );
  const privateKey = createPrivateKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'pkcs8' });
  const publicKeySpki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).toString('base64');
  return { privateKey, publicKeySpki };
}

/** Detached Ed25519 signature of `bytes`, base64 text (what verify-signature.ts reads from URL.sig). */
export function signDetached(key: SigningKey, bytes: Uint8Array): string {
  return sign(null, bytes, key.privateKey).toString('base64');
}
