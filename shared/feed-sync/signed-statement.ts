// A feed signature bound to where and when: the signer signs a short statement naming the feed's URL, its
// publication time, a sequence number that only grows, and the SHA-256 of the exact bytes served. A copy
// signed for another URL, or older than the copy a client already holds, is refused even though the
// signature itself is good. The `.sig` file is JSON (see README, "Reputation feeds"):
//
//   { "format": "ringfence-feed-sig/1", "url": "https://intel.example.com/numbers.json",
//     "published": "2026-03-07T00:00:00.000Z", "sequence": 1772841600, "sha256": "<64 hex>",
//     "algorithm": "Ed25519", "signature": "<base64>" }
//
// and the signature covers the UTF-8 bytes of
//   "ringfence-feed-sig/1\n" + url + "\n" + published + "\n" + sequence + "\n" + sha256
// Ed25519, or ECDSA P-256 with SHA-256 (raw r||s; DER accepted), through WebCrypto (browsers and Node 20).
import { decodeBase64, importFeedPublicKey, type FeedPublicKey, type SignatureAlgorithm } from './public-key.ts';
import { derToRaw } from './verify-signature.ts';

export const STATEMENT_FORMAT = 'ringfence-feed-sig/1';

/** What a signer vouches for. */
export interface FeedStatement {
  /** The feed's URL exactly as clients are configured with it (see canonicalFeedUrl). */
  url: string;
  /** ISO 8601 time the copy was published. */
  published: string;
  /** Grows with every new copy (e.g. Unix seconds of `published`); a client refuses one below what it holds. */
  sequence: number;
  /** Lower-case hex SHA-256 of the feed bytes. */
  sha256: string;
}

/** The `.sig` JSON document. */
export interface SignatureFile extends FeedStatement {
  format: typeof STATEMENT_FORMAT;
  algorithm: SignatureAlgorithm;
  /** Base64 signature over statementText(statement). */
  signature: string;
}

/** The freshness a client keeps for its current copy (FeedStatus.signed). */
export type StatementFreshness = Pick<FeedStatement, 'published' | 'sequence' | 'sha256'>;

export type StatementCheck = { ok: true; statement: FeedStatement } | { ok: false; reason: string };

/** URLs compare in their parsed form ("HTTPS://Host/a" = "https://host/a"); anything else (a file path) as written. */
export function canonicalFeedUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

/** The exact text that is signed. */
export function statementText(statement: FeedStatement): string {
  return [STATEMENT_FORMAT, statement.url, statement.published, String(statement.sequence), statement.sha256].join('\n');
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(bytes));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The statement for a feed body; throws on a bad URL, date or sequence. */
export async function buildStatement(body: Uint8Array, fields: { url: string; published: string | Date; sequence: number }): Promise<FeedStatement> {
  const published = typeof fields.published === 'string' ? fields.published : fields.published.toISOString();
  const problem = fieldProblem({ url: fields.url, published, sequence: fields.sequence });
  if (problem) throw new Error(`feed statement: ${problem}`);
  return { url: canonicalFeedUrl(fields.url), published, sequence: fields.sequence, sha256: await sha256Hex(body) };
}

/** Signs a feed body for `url`; returns the `.sig` file's JSON text. The key is an Ed25519 or ECDSA P-256 private CryptoKey. */
export async function signStatement(
  body: Uint8Array,
  fields: { url: string; published: string | Date; sequence: number },
  privateKey: CryptoKey,
): Promise<string> {
  const statement = await buildStatement(body, fields);
  const algorithm: SignatureAlgorithm = privateKey.algorithm.name === 'Ed25519' ? 'Ed25519' : 'ECDSA-P256';
  const params = algorithm === 'Ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', hash: 'SHA-256' };
  const signature = new Uint8Array(await crypto.subtle.sign(params, privateKey, new TextEncoder().encode(statementText(statement))));
  const file: SignatureFile = { format: STATEMENT_FORMAT, ...statement, algorithm, signature: toBase64(signature) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * True when the `.sig` bytes are a JSON object (a statement) rather than a plain detached signature. A binary
 * signature may well start with the byte "{"; being a whole JSON object by chance is out of reach.
 */
export function isStatementFile(sigBytes: Uint8Array): boolean {
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(sigBytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * Checks a `.sig` statement against the feed bytes, the pinned key, the URL the client fetched, and the
 * freshness of the copy it holds (`held`, when it holds one checked with the same key).
 */
export async function verifyStatement(
  /** The feed bytes, or their SHA-256 (hex) when they were hashed as they streamed. */
  body: Uint8Array | { sha256: string },
  sigBytes: Uint8Array,
  publicKey: string | FeedPublicKey,
  expected: { url: string; held?: StatementFreshness },
): Promise<StatementCheck> {
  const file = parseSignatureFile(sigBytes);
  if ('error' in file) return { ok: false, reason: file.error };
  const key = typeof publicKey === 'string' ? await importFeedPublicKey(publicKey) : publicKey;
  if (file.algorithm !== key.algorithm) return { ok: false, reason: `signed with ${file.algorithm}, but the pinned key is ${key.algorithm}` };
  const signature = decodeBase64(file.signature);
  const statement: FeedStatement = { url: file.url, published: file.published, sequence: file.sequence, sha256: file.sha256 };
  if (!signature || !(await verifyBytes(key, signature, new TextEncoder().encode(statementText(statement))))) {
    return { ok: false, reason: `the statement's signature does not verify with the pinned ${key.algorithm} key` };
  }
  if (canonicalFeedUrl(statement.url) !== canonicalFeedUrl(expected.url)) {
    return { ok: false, reason: `signed for ${JSON.stringify(statement.url)}, not for this feed's URL` };
  }
  const digest = body instanceof Uint8Array ? await sha256Hex(body) : body.sha256.toLowerCase();
  if (digest !== statement.sha256.toLowerCase()) {
    return { ok: false, reason: 'the feed is not the copy the statement was signed for (SHA-256 differs)' };
  }
  const stale = staleness(statement, expected.held);
  return stale ? { ok: false, reason: stale } : { ok: true, statement };
}

/** Why `incoming` is older than (or conflicts with) the copy held, or undefined when it may replace it. */
export function staleness(incoming: StatementFreshness, held: StatementFreshness | undefined): string | undefined {
  if (!held) return undefined;
  if (incoming.sequence < held.sequence) {
    return `older copy: sequence ${incoming.sequence} is below the ${held.sequence} of the copy in use (published ${held.published})`;
  }
  if (Date.parse(incoming.published) < Date.parse(held.published)) {
    return `older copy: published ${incoming.published}, before the copy in use (${held.published})`;
  }
  if (incoming.sequence === held.sequence && incoming.sha256.toLowerCase() !== held.sha256.toLowerCase()) {
    return `sequence ${incoming.sequence} was already used for a different copy`;
  }
  return undefined;
}

function parseSignatureFile(sigBytes: Uint8Array): SignatureFile | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(sigBytes));
  } catch {
    return { error: 'the signature file is not valid JSON' };
  }
  if (typeof raw !== 'object' || raw === null) return { error: 'the signature file must be a JSON object' };
  const file = raw as Record<string, unknown>;
  if (file.format !== STATEMENT_FORMAT) return { error: `the signature file's format must be "${STATEMENT_FORMAT}"` };
  if (file.algorithm !== 'Ed25519' && file.algorithm !== 'ECDSA-P256') return { error: 'algorithm must be "Ed25519" or "ECDSA-P256"' };
  if (typeof file.signature !== 'string') return { error: 'signature must be base64 text' };
  if (typeof file.sha256 !== 'string' || !/^[0-9a-fA-F]{64}$/.test(file.sha256)) return { error: 'sha256 must be 64 hex digits' };
  const problem = fieldProblem(file);
  if (problem) return { error: problem };
  return file as unknown as SignatureFile;
}

function fieldProblem(fields: Record<string, unknown>): string | undefined {
  if (typeof fields.url !== 'string' || fields.url.length === 0 || fields.url.length > 2048 || /[\n\r]/.test(fields.url)) {
    return 'url must be the feed URL on one line';
  }
  if (typeof fields.published !== 'string' || fields.published.length > 40 || /[\n\r]/.test(fields.published) || Number.isNaN(Date.parse(fields.published))) {
    return 'published must be an ISO date';
  }
  if (typeof fields.sequence !== 'number' || !Number.isSafeInteger(fields.sequence) || fields.sequence < 0) {
    return 'sequence must be a whole number of 0 or more';
  }
  return undefined;
}

async function verifyBytes(key: FeedPublicKey, signature: Uint8Array<ArrayBuffer>, data: Uint8Array<ArrayBuffer>): Promise<boolean> {
  try {
    if (key.algorithm === 'Ed25519') return signature.length === 64 && (await crypto.subtle.verify({ name: 'Ed25519' }, key.key, signature, data));
    const raw = signature.length === 64 ? signature : derToRaw(signature, 32);
    return raw !== undefined && (await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key.key, raw, data));
  } catch {
    return false;
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
