import { isSupportedCountry } from 'libphonenumber-js/max';
import { LEVELS, type FeedConfig, type Level, type Policy } from '../types.ts';
import type { Note } from '../i18n/note.ts';
import { feedEntryProblem, policyShapeProblem, settingProblem, type ExpectedForm } from './policy-problem.ts';

export interface PolicyValidation {
  policy: Policy;
  /** One line per key that was dropped, e.g. `feedTtlDays: expected a positive number` (technical, English). */
  errors: string[];
  /** The same problems for a reader: a catalogue sentence each, the line above as its technical detail. */
  problems: Note[];
  /** Every policy key the input sets, well-formed or not: an admin's keys stay locked even when malformed. */
  setKeys: (keyof Policy)[];
}

/** Every key validatePolicy reads (managed_schema.json describes the same keys). */
export const POLICY_KEYS = [
  'feeds', 'reportEndpoint', 'reportMailbox', 'reportToken', 'trustedNumbers', 'trustedGithubOrgs', 'trustedJiraSites', 'trustedZendeskTenants', 'trustedSenders',
  'defaultRegion', 'feedTtlDays', 'updateIntervalMinutes', 'useBundledFeed', 'minimumBannerLevel', 'extraBrands',
  'trustedAuthservIds', 'trustedArcSealers', 'ocr',
] as const satisfies readonly (keyof Policy)[];

const STRING_LISTS = [
  'trustedNumbers', 'trustedGithubOrgs', 'trustedJiraSites', 'trustedZendeskTenants', 'trustedSenders', 'extraBrands', 'trustedAuthservIds', 'trustedArcSealers',
] as const;
const POSITIVE_NUMBERS = ['feedTtlDays', 'updateIntervalMinutes'] as const;
const FEED_FORMATS = ['ringfence', 'text', 'csv', 'misp', 'auto'];

/**
 * Checks a policy from an untrusted source (managed storage, a hosted policy.json, a file): keeps every
 * well-formed key, drops the rest with an error, never throws. Unknown keys are ignored.
 */
export function validatePolicy(input: unknown): PolicyValidation {
  const problems: Note[] = [];
  const refuse = (line: string, setting: keyof Policy, expected: ExpectedForm) => void problems.push(settingProblem(setting, expected, line));
  const policy: Policy = {};
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    const line = 'policy: expected a JSON object';
    return { policy, errors: [line], problems: [policyShapeProblem(line)], setKeys: [] };
  }
  const raw = input as Record<string, unknown>;
  const setKeys: (keyof Policy)[] = POLICY_KEYS.filter((key) => raw[key] !== undefined);

  for (const key of STRING_LISTS) {
    if (raw[key] === undefined) continue;
    if (Array.isArray(raw[key]) && (raw[key] as unknown[]).every((v) => typeof v === 'string')) {
      policy[key] = (raw[key] as string[]).map((v) => v.trim()).filter(Boolean);
    } else refuse(`${key}: expected a list of strings`, key, 'list');
  }
  for (const key of POSITIVE_NUMBERS) {
    if (raw[key] === undefined) continue;
    const value = raw[key];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) policy[key] = value;
    else refuse(`${key}: expected a positive number`, key, 'positiveNumber');
  }
  for (const key of ['reportEndpoint'] as const) {
    if (raw[key] === undefined) continue;
    if (isSecureUrl(raw[key])) policy[key] = raw[key] as string;
    else refuse(`${key}: ${SECURE_URL_EXPECTED}`, key, 'webAddress');
  }
  if (raw.reportMailbox !== undefined) {
    if (typeof raw.reportMailbox === 'string' && /^[^\s@]+@[^\s@]+$/.test(raw.reportMailbox)) policy.reportMailbox = raw.reportMailbox;
    else refuse('reportMailbox: expected an email address', 'reportMailbox', 'email');
  }
  if (raw.reportToken !== undefined) {
    // Printable ASCII without spaces: it travels in an HTTP header.
    if (typeof raw.reportToken === 'string' && /^[\x21-\x7e]{1,512}$/.test(raw.reportToken)) policy.reportToken = raw.reportToken;
    else refuse('reportToken: expected a token of 1 to 512 printable characters without spaces', 'reportToken', 'token');
  }
  if (raw.defaultRegion !== undefined) {
    const region = typeof raw.defaultRegion === 'string' ? raw.defaultRegion.toUpperCase() : '';
    if (/^[A-Z]{2}$/.test(region) && isSupportedCountry(region)) policy.defaultRegion = region;
    else refuse('defaultRegion: expected a two-letter country code with a telephone numbering plan (e.g. US, GB)', 'defaultRegion', 'country');
  }
  if (raw.useBundledFeed !== undefined) {
    if (typeof raw.useBundledFeed === 'boolean') policy.useBundledFeed = raw.useBundledFeed;
    else refuse('useBundledFeed: expected true or false', 'useBundledFeed', 'yesNo');
  }
  if (raw.ocr !== undefined) {
    if (typeof raw.ocr === 'boolean') policy.ocr = raw.ocr;
    else refuse('ocr: expected true or false', 'ocr', 'yesNo');
  }
  if (raw.minimumBannerLevel !== undefined) {
    if (LEVELS.includes(raw.minimumBannerLevel as Level)) policy.minimumBannerLevel = raw.minimumBannerLevel as Level;
    else refuse(`minimumBannerLevel: expected one of ${LEVELS.join(', ')}`, 'minimumBannerLevel', 'level');
  }
  if (raw.feeds !== undefined) {
    if (Array.isArray(raw.feeds)) {
      policy.feeds = [];
      raw.feeds.forEach((feed, i) => {
        const checked = validateFeedConfig(feed);
        if (typeof checked === 'string') problems.push(feedEntryProblem(i + 1, checked.startsWith('url:') || checked.startsWith(OBJECT_EXPECTED), `feeds[${i}]: ${checked}`));
        else policy.feeds!.push(checked);
      });
    } else refuse('feeds: expected a list', 'feeds', 'feeds');
  }
  return { policy, errors: problems.map((p) => p.detail!), problems, setKeys };
}

function validateFeedConfig(input: unknown): FeedConfig | string {
  if (typeof input !== 'object' || input === null) return OBJECT_EXPECTED;
  const raw = input as Record<string, unknown>;
  if (!isSecureUrl(raw.url)) return `url: ${SECURE_URL_EXPECTED}`;
  const feed: FeedConfig = { url: raw.url as string };
  if (raw.format !== undefined) {
    if (!FEED_FORMATS.includes(raw.format as string)) return `format: expected one of ${FEED_FORMATS.join(', ')}`;
    feed.format = raw.format as FeedConfig['format'];
  }
  if (raw.verdict !== undefined) {
    if (raw.verdict !== 'scam' && raw.verdict !== 'trusted') return 'verdict: expected "scam" or "trusted"';
    feed.verdict = raw.verdict;
  }
  if (raw.publicKey !== undefined) {
    if (typeof raw.publicKey !== 'string' || !raw.publicKey.trim()) return 'publicKey: expected a non-empty string';
    feed.publicKey = raw.publicKey;
  }
  if (raw.signature !== undefined) {
    if (raw.signature !== 'statement' && raw.signature !== 'detached') return 'signature: expected "statement" or "detached"';
    feed.signature = raw.signature;
  }
  if (raw.name !== undefined) {
    if (typeof raw.name !== 'string') return 'name: expected a string';
    feed.name = raw.name;
  }
  return feed;
}

const OBJECT_EXPECTED = 'expected an object with a url';
const SECURE_URL_EXPECTED = 'expected an https URL (http only on this computer: 127.0.0.0/8, [::1], localhost)';

/** https anywhere; plain http only on the loopback interface, where nobody on the network can alter it. */
function isSecureUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && isLoopbackHost(url.hostname);
  } catch {
    return false;
  }
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}
