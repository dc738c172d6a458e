// Who reported, as far as the server can tell, kept only as a hash: the user an SSO proxy names, else the
// client address. Used to count distinct reporters; never shown or forwarded in the clear.
import type { IncomingMessage } from 'node:http';
import { createHash } from 'node:crypto';

export function reporterId(req: IncomingMessage, address: string, trustProxy: boolean): string {
  const user = trustProxy ? String(req.headers['x-forwarded-user'] ?? req.headers['x-forwarded-email'] ?? '').trim() : '';
  const who = user ? `user:${user.toLowerCase()}` : `addr:${address}`;
  return createHash('sha256').update(who).digest('hex').slice(0, 24);
}
