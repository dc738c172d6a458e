import type { MailMessage } from '../types.ts';
import { payloadOf, splitSegments, type AuthResult } from './authres-parse.ts';
import { tokenizeAuthres, type AuthresToken } from './authres-tokens.ts';
import { headerValues, isWithinAny } from './headers.ts';

/**
 * ARC sealers (ARC-Seal d=) of the major mailbox providers and forwarders. Their ARC-Authentication-Results
 * record what their own servers checked: Gmail and Google Groups (google.com), Microsoft 365 and
 * Outlook.com (microsoft.com), Yahoo and AOL (yahoo.com), iCloud (icloud.com), Fastmail
 * (messagingengine.com), Proton (protonmail.ch), Zoho (zohomail.com). Anyone else can seal a message with
 * their own domain and write any results they like, so other sealers count only when policy lists them
 * (`trustedArcSealers`, e.g. the organisation's own gateway or mailing-list server).
 */
export const DEFAULT_ARC_SEALERS: readonly string[] = [
  'google.com', 'microsoft.com', 'yahoo.com', 'icloud.com', 'messagingengine.com', 'protonmail.ch', 'zohomail.com',
];

/** One ARC set: the instance, who sealed it and the results that sealer recorded. */
export interface ArcSet {
  instance: number;
  sealer: string;
  authservId: string | undefined;
  results: AuthResult[];
}

const MAX_INSTANCE = 50; // RFC 8617: a chain has at most 50 sets.

/**
 * The ARC sets of the message, newest first, or null when the chain is malformed (an instance twice, a
 * gap, a seal without results or results without a seal): a receiver's ARC check fails those, so a
 * recorded arc=pass cannot be about them.
 */
export function arcChain(message: MailMessage): ArcSet[] | null {
  const sealers = new Map<number, string>();
  for (const value of headerValues(message, 'arc-seal')) {
    const tags = tagList(value);
    const instance = instanceOf(tags.get('i'));
    const sealer = tags.get('d')?.toLowerCase();
    if (instance === null || !sealer || sealers.has(instance)) return null;
    sealers.set(instance, sealer);
  }
  const sets = new Map<number, ArcSet>();
  for (const value of headerValues(message, 'arc-authentication-results')) {
    const [first = [], ...rest] = splitSegments(tokenizeAuthres(value));
    const instance = instanceTag(first);
    if (instance === null || sets.has(instance)) return null;
    const sealer = sealers.get(instance);
    if (sealer === undefined) return null;
    sets.set(instance, { instance, sealer, ...payloadOf(rest) });
  }
  if (sets.size !== sealers.size) return null;
  for (let i = 1; i <= sets.size; i++) if (!sets.has(i)) return null;
  return [...sets.values()].sort((a, b) => b.instance - a.instance);
}

/** The sets of a chain whose sealer is a default or policy-listed trusted sealer, newest first. */
export function sealedArcSets(chain: readonly ArcSet[] | null, extraSealers: readonly string[]): ArcSet[] {
  if (!chain) return [];
  const sealers = [...DEFAULT_ARC_SEALERS, ...extraSealers.map((s) => s.trim().toLowerCase()).filter(Boolean)];
  return chain.filter((set) => isWithinAny(set.sealer, sealers));
}

/** `tag=value; tag=value` (DKIM-style tag list, RFC 6376 3.2): no quoting, values cannot hold ";". */
function tagList(value: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    if (name && !tags.has(name)) tags.set(name, part.slice(eq + 1).replace(/\s+/g, ''));
  }
  return tags;
}

/** `i = N` as the first segment of an ARC-Authentication-Results. */
function instanceTag(tokens: readonly AuthresToken[]): number | null {
  const [name, equals, value, extra] = tokens;
  if (extra || name?.kind !== 'word' || name.text.toLowerCase() !== 'i' || equals?.kind !== 'equals') return null;
  return instanceOf(value?.text);
}

function instanceOf(text: string | undefined): number | null {
  if (text === undefined || !/^[0-9]{1,2}$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= MAX_INSTANCE ? n : null;
}
