import type { FeedMatch } from '../types.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What a feed knows about a number, as plain-language facts to follow the caller's own "is on a scam list"
 * sentence: "Reported 117 times, seen impersonating PayPal and Norton, last seen 2 days ago."
 * Trusted entries give their label. An entry that carries no facts gives "" (the caller says the rest).
 */
export function describeMatch(match: FeedMatch, now: Date): string {
  if (match.verdict === 'trusted') return match.label ? `${capitalise(match.label)}.` : '';
  const facts: string[] = [];
  if (match.reports) facts.push(`reported ${times(match.reports)}`);
  if (match.brands && match.brands.length > 0) facts.push(`seen impersonating ${joinNames(match.brands)}`);
  const lastSeen = match.lastSeen ? timeAgo(match.lastSeen, now) : undefined;
  const firstSeen = match.firstSeen ? timeAgo(match.firstSeen, now) : undefined;
  if (lastSeen) facts.push(`last seen ${lastSeen}`);
  else if (firstSeen) facts.push(`first seen ${firstSeen}`);
  return facts.length > 0 ? `${capitalise(facts.join(', '))}.` : '';
}

function times(count: number): string {
  if (count === 1) return 'once';
  if (count === 2) return 'twice';
  return `${count.toLocaleString('en-US')} times`;
}

/** "PayPal", "PayPal and Norton", "PayPal, Norton and McAfee". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** "today", "yesterday", "5 days ago", "3 months ago", "2 years ago"; undefined for a bad date. */
export function timeAgo(iso: string, now: Date): string | undefined {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return undefined;
  const days = Math.floor((now.getTime() - time) / DAY_MS);
  if (days < 0) return `on ${iso.slice(0, 10)}`;
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 60) return `${days} days ago`;
  if (days < 730) return `${Math.floor(days / 30.44)} months ago`;
  return `${Math.floor(days / 365.25)} years ago`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
