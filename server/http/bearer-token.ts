import type { IncomingMessage } from 'node:http';
import { createHash, timingSafeEqual } from 'node:crypto';

/** The token of an `Authorization: Bearer …` header, or undefined. */
export function bearerToken(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(String(req.headers.authorization ?? ''));
  return match?.[1];
}

/** Constant-time comparison of a presented token with the expected one (through their SHA-256). */
export function tokenMatches(presented: string | undefined, expectedSha256Hex: string): boolean {
  if (presented === undefined) return false;
  const a = createHash('sha256').update(presented).digest();
  const b = Buffer.from(expectedSha256Hex, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
