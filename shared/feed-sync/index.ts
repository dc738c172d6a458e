/**
 * Feed sync: fetching, verifying and storing reputation feeds. Matching lives in ../feed (never networked).
 *   syncFeed(config, store, {fetch?, now, timeoutMs? = 30 s, maxBytes? = 160 MB, policy, force?, signal?, random?})
 *       → SyncOutcome  ('updated' | 'not-modified' | 'skipped' | 'failed'; failures keep the last good copy)
 *   syncAll(policy, store, {…same, bundled?}) → SyncOutcome[]   activeFeeds(policy, bundled)   nextSyncDue(store)
 *   URL.sig is a signed statement (signed-statement.ts, ringfence-feed-sig/1) bound to the URL, `published`
 *       and a sequence; a copy older than the one in use is refused. Plain detached signatures only with
 *       feeds[].signature: "detached".
 *   buildStatement(body, {url, published, sequence}) → FeedStatement   statementText(statement) → the signed text
 *   signStatement(body, {url, published, sequence}, privateKey: CryptoKey) → .sig JSON text   importFeedPrivateKey(pem|jwk)
 *   verifyStatement(body, sigBytes, publicKey, {url, held?}) → {ok: true, statement} | {ok: false, reason}
 *   verifyFeedSignature(bytes, sigBytes, publicKey) → boolean   (plain detached: SPKI PEM/base64 or JWK; ECDSA
 *       P-256 raw or DER signature; Ed25519; the .sig file may be binary or base64)   importFeedPublicKey(text)
 *   backoffDelayMs(failures, intervalMinutes)   new StoreLookup(store, ttlDays) implements ReputationLookup
 *   readCopy(byteChunks, parseOptions) → ReadCopy: a native feed streamed entry by entry into compact bucket rows
 *       (other formats read whole); storeCopy(store, url, copy, meta): a CopyStore (IndexedDB) writes only the
 *       buckets whose digest changed, other stores get one ParsedFeed.   Sha256: SHA-256 fed chunk by chunk
 * Stores: shared/browser/idb-feed-store.ts (openIdbFeedStore), cli/node-store.ts (openNodeFeedStore).
 */
export { syncFeed, signatureUrl, DEFAULT_TIMEOUT_MS, type SyncOptions, type SyncOutcome } from './sync.ts';
export { syncAll, activeFeeds, nextSyncDue, type BundledFeed, type SyncAllOptions } from './sync-all.ts';
export { verifyFeedSignature, derToRaw } from './verify-signature.ts';
export {
  buildStatement, signStatement, verifyStatement, statementText, staleness, isStatementFile, canonicalFeedUrl, sha256Hex,
  STATEMENT_FORMAT, type FeedStatement, type SignatureFile, type StatementFreshness, type StatementCheck,
} from './signed-statement.ts';
export { importFeedPrivateKey } from './private-key.ts';
export { importFeedPublicKey, type FeedPublicKey, type SignatureAlgorithm } from './public-key.ts';
export { backoffDelayMs, nextRegularAttempt, nextRetryAttempt } from './backoff.ts';
export { StoreLookup } from './store-lookup.ts';
export { fetchBytes, FetchError, type FetchLike } from './fetch-bytes.ts';
export { fetchStream, type FetchedStream } from './fetch-stream.ts';
export { readCopy, type ReadCopy, type ReadCopyOptions } from './read-copy.ts';
export { storeCopy, isCopyStore, chooseBucketCount, type CopyStore, type CopyWriteReport } from './copy-store.ts';
export { Sha256 } from './sha256-stream.ts';
