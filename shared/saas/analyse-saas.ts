import type { MailMessage, PhoneFinding, Policy } from '../types.ts';
import { visibleParts } from '../message-parts.ts';
import { ALL_CLASSES, findMismatches } from './find-mismatches.ts';
import { findContentSignals } from './content-signals.ts';
import { lookalikeEvidence } from './instance-lookalike.ts';
import { platformRules } from './registry.ts';
import { saasReasons } from './saas-reasons.ts';
import { phonesInUserText, platformText, userWrittenParts } from './user-content.ts';
import type { PlatformMatch, PlatformRule, SaasFinding } from './types.ts';
import './platforms.ts';

/**
 * Is this a platform's notification (GitHub, Jira, Zendesk ...), really sent by it, from an instance the
 * organisation owns, and does its content fit? undefined when the message neither is nor claims to be one.
 */
export function analyseSaas(message: MailMessage, policy: Policy, phones: readonly PhoneFinding[]): SaasFinding | undefined {
  const best = bestMatch(message, policy);
  if (!best) return undefined;
  const { rule, match } = best;
  // A forgery is judged on everything: none of its content is the platform's. Real mail is judged on what its
  // users wrote, the platform's own paragraphs (shared/data/saas-templates.json) set aside.
  const all = visibleParts(message);
  const parts = match.spoofed ? all : userWrittenParts(all, platformText(rule.id), phones);
  const userPhones = match.spoofed ? phones : phonesInUserText(parts, phones);
  const found = findMismatches(parts, match.spoofed ? ALL_CLASSES : match.unfitting, userPhones);
  const supporting = match.spoofed ? [] : (match.supporting ?? []);
  const mismatches = found.every((m) => supporting.includes(m.kind)) ? [] : found;
  const lookalike = lookalikeEvidence(match.names, rule.name);
  const signals = findContentSignals(message, rule, match, mismatches, userPhones, parts);
  const finding: SaasFinding = {
    platform: rule.id,
    authentic: match.authentic,
    spoofed: match.spoofed,
    instance: match.instance,
    trusted: match.trusted,
    mismatches,
    lookalike: lookalike.map((l) => l.text),
    signals: signals.map((s) => s.code),
    reasons: saasReasons(rule.name, match, mismatches, lookalike, signals),
  };
  if (match.actor) finding.actor = match.actor;
  return finding;
}

/** Several rules may recognise one message (a help desk run for a code host): the authentic claim wins. */
function bestMatch(message: MailMessage, policy: Policy): { rule: PlatformRule; match: PlatformMatch } | undefined {
  let best: { rule: PlatformRule; match: PlatformMatch } | undefined;
  const rank = (m: PlatformMatch) => (m.authentic ? 2 : m.spoofed ? 0 : 1);
  for (const rule of platformRules()) {
    const match = rule.match(message, policy);
    if (match && (!best || rank(match) > rank(best.match))) best = { rule, match };
  }
  return best;
}
