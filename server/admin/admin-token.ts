// The admin token: RINGFENCE_ADMIN_TOKEN (or the config's adminToken), else one generated at first start,
// printed once and kept only as its SHA-256 in the store.
import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { settingOrCreate } from '../db/settings.ts';
import { sha256Hex } from '../http/bearer-token.ts';

export interface AdminToken {
  sha256: string;
  /** Set only on the start that generated it: the one chance to print it. */
  generated?: string;
}

export async function ensureAdminToken(db: Database, configured: string | undefined): Promise<AdminToken> {
  if (configured !== undefined) return { sha256: sha256Hex(configured) };
  let token: string | undefined;
  const { value, created } = await settingOrCreate(db, 'admin_token_sha256', () => {
    token = randomBytes(24).toString('base64url');
    return sha256Hex(token);
  });
  return created && token ? { sha256: value, generated: token } : { sha256: value };
}
