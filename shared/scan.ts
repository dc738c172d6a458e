import type { FeedMatch, MailMessage, PhoneFinding, ScanContext, TextPart, Verdict } from './types.ts';
import type { Placeholder } from './phone/index.ts';
import type { LureFeatures } from './lure/index.ts';
import { visibleParts } from './message-parts.ts';
import { extractPhones } from './phone/index.ts';
import { extractLure } from './lure/index.ts';
import { analyseSaas } from './saas/index.ts';
import { sightingReasons } from './sightings/index.ts';
import { normaliseTrustedNumbers } from './policy/trusted-numbers.ts';
import { defaultRegion } from './policy/default-region.ts';
import { judge } from './verdict/judge.ts';
import { gatherEvidence } from './evidence/index.ts';
import { familiarity, senderKeys, type Familiarity } from './senders/index.ts';
import type { LeveledReason } from './verdict/leveled-reason.ts';

/**
 * Judges one message: extracts numbers, lure features and platform identity, looks numbers up in the
 * cached feeds and the device's sightings, and returns the verdict. Pure apart from the lookups in `context`.
 */
export async function scan(message: MailMessage, context: ScanContext): Promise<Verdict> {
  return judgeBody(message, await readBody(message, context), context);
}

/**
 * What the message's visible text gives, whatever its headers say: its parts, numbers, lure features, the
 * feeds' and the device's sightings of its numbers (recorded here). Read once per message; `judgeBody` then
 * judges it with whatever headers are known (none yet, or those that came later).
 */
export interface BodyReading {
  parts: TextPart[];
  phones: PhoneFinding[];
  placeholders: Placeholder[];
  lure: LureFeatures;
  trusted: ReadonlySet<string>;
  reputation: ReadonlyMap<string, FeedMatch[]>;
  sightings: LeveledReason[];
}

export async function readBody(message: MailMessage, context: ScanContext): Promise<BodyReading> {
  const { policy } = context;
  const region = defaultRegion(policy);
  const parts = visibleParts(message);
  const { phones, placeholders } = extractPhones(parts, { defaultRegion: region });
  const lure = extractLure(parts, phones, { extraBrands: policy.extraBrands ?? [] });
  const trusted = normaliseTrustedNumbers(policy.trustedNumbers ?? [], region);
  const numbers = unique(phones.map((p) => p.e164));
  const reputation = await lookUp(numbers, context);
  const sightings = await recordSightings(phones, trusted, lure.brands.map((b) => b.brand), context);
  return { parts, phones, placeholders, lure, trusted, reputation, sightings };
}

/**
 * The verdict on a read body with the message's identity and headers: platform identity (SaaS rules),
 * sender evidence and familiarity. `body` must be `readBody` of a message with the same visible parts
 * under the same policy (sameVisibleText checks the first; the caller, the second).
 */
export async function judgeBody(message: MailMessage, body: BodyReading, context: ScanContext): Promise<Verdict> {
  const { policy, now } = context;
  const { parts, phones, lure } = body;
  const saas = analyseSaas(message, policy, phones);
  const evidence = gatherEvidence(message, parts, phones, lure.brands, await recordSender(message, context), policy);
  return judge({ message, ...body, saas, evidence, now });
}

/** Whether `body` was read from the same visible text as `message` shows (headers may add a subject or a sender's name). */
export function sameVisibleText(message: MailMessage, body: BodyReading): boolean {
  const parts = visibleParts(message);
  return parts.length === body.parts.length && parts.every((part, i) => part.id === body.parts[i]!.id && part.text === body.parts[i]!.text);
}

async function lookUp(numbers: string[], context: ScanContext): Promise<Map<string, FeedMatch[]>> {
  const found = new Map<string, FeedMatch[]>();
  if (!context.reputation || numbers.length === 0) return found;
  for (const entry of await context.reputation.lookup(numbers, context.now)) found.set(entry.e164, entry.matches);
  return found;
}

async function recordSightings(
  phones: readonly PhoneFinding[],
  trusted: ReadonlySet<string>,
  brands: string[],
  context: ScanContext,
): Promise<LeveledReason[]> {
  if (!context.sightings) return [];
  const numbers = unique(phones.map((p) => p.e164)).filter((n) => !trusted.has(n));
  if (numbers.length === 0) return [];
  const named = unique(brands);
  const known = await context.sightings.recordAndGet(numbers, named, context.now);
  return sightingReasons(known, named, context.now);
}

/** What the device knew of the sender before this message (then records it); unknown without a store. */
async function recordSender(message: MailMessage, context: ScanContext): Promise<Familiarity | undefined> {
  if (!context.senders) return undefined;
  const keys = senderKeys(message, context.policy);
  if (keys.length === 0) return undefined;
  return familiarity(await context.senders.recordAndGet(keys, context.now), context.now);
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
