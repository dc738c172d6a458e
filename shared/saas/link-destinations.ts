import lexicon from '../data/saas-links.json' with { type: 'json' };
import { isWithinAny } from '../mail-auth/headers.ts';
import type { MailMessage } from '../types.ts';
import { looksLikePlatform } from './domain-names.ts';
import type { PlatformProfile } from './platform-profile.ts';
import { hostToUnicode } from './punycode.ts';
import type { SaasSignal } from './types.ts';
import { coded } from '../verdict/reason-codes.ts';

const SHORT_PATH = new RegExp(lexicon.shortPath);
const SHORT_LABELS = new Set(lexicon.shortHostLabels);
const REDIRECTORS: Record<string, string[]> = lexicon.redirectors;
const WRAPPERS: Record<string, string> = lexicon.wrappers;
/** A notification holds a few dozen links; more are not read. */
const MAX_LINKS = 500;

/** Every link the reader can follow: anchors, then URLs written out in the text. */
export function messageUrls(message: MailMessage): string[] {
  const urls = message.links.map((l) => l.href);
  for (const m of message.text.slice(0, 200_000).matchAll(/https?:\/\/[^\s<>"')\]]+/gi)) urls.push(m[0]);
  return [...new Set(urls)].slice(0, MAX_LINKS);
}

/**
 * Links in a notification's content that lead to a site named like the platform but not the platform's own
 * (github-verify.com, gіtһub.com, githubsupport.pages.dev), and links through shorteners or redirects that
 * hide where they go. The receiver's own link rewriting (Safe Links, URL Defense) is unwrapped first.
 */
export function findLinkDestinations(urls: readonly string[], profile: PlatformProfile): SaasSignal[] {
  const lookalikes = new Set<string>();
  const hidden = new Set<string>();
  for (const raw of urls) {
    const url = unwrap(parse(raw));
    if (!url || !/^https?:$/.test(url.protocol)) continue;
    const host = url.hostname.toLowerCase().replace(/\.$/, '');
    if (!host || isWithinAny(host, profile.ownedDomains)) continue;
    if (profile.lookalikeTokens.some((token) => looksLikePlatform(host, token))) lookalikes.add(host);
    else if (hidesDestination(url, host)) hidden.add(host);
  }
  const signals: SaasSignal[] = [];
  const platform = profile.name;
  if (lookalikes.size) {
    const hosts = [...lookalikes].slice(0, 3).map(describeHost);
    const shown = hosts.join(', ');
    signals.push({
      ...coded('saas-lookalike-link', { platform, hosts }),
      label: `links to a site named like ${platform}`,
      lure: false,
      weak: false,
      evenWhenTrusted: false,
      message: `It links to ${shown}: named to look like ${platform}, but not ${platform}'s own site. Do not sign in or enter anything there.`,
      evidence: shown,
    });
  }
  if (hidden.size) {
    const hosts = [...hidden].slice(0, 3).map(describeHost);
    const shown = hosts.join(', ');
    signals.push({
      ...coded('saas-redirect-link', { hosts }),
      label: 'links through a shortener or redirect',
      lure: false,
      weak: true,
      evenWhenTrusted: false,
      message: `It links through ${shown}, a link shortener or redirect that hides where the link really goes.`,
      evidence: shown,
    });
  }
  return signals;
}

function parse(raw: string): URL | undefined {
  try {
    return new URL(raw.trim());
  } catch {
    return undefined;
  }
}

/** Safe Links and URL Defense wrap every link the receiver delivers: judge the link they wrap. */
function unwrap(url: URL | undefined): URL | undefined {
  if (!url) return url;
  for (const [host, param] of Object.entries(WRAPPERS)) {
    if (!isWithinAny(url.hostname, [host])) continue;
    if (param) return parse(url.searchParams.get(param) ?? '') ?? url;
    const inner = /\/v3\/__(.+?)__/.exec(url.pathname + url.search)?.[1];
    return (inner && parse(inner)) || url;
  }
  return url;
}

function hidesDestination(url: URL, host: string): boolean {
  if (isWithinAny(host, lexicon.shorteners)) return true;
  const params = REDIRECTORS[host];
  if (params && (params.length === 0 || params.some((p) => /^https?:/i.test(url.searchParams.get(p) ?? '')))) return true;
  for (const name of lexicon.redirectParams) {
    const target = parse(url.searchParams.get(name) ?? '');
    if (target && /^https?:$/.test(target.protocol) && target.hostname && !sameSite(target.hostname, host)) return true;
  }
  const labels = host.split('.');
  return labels.length >= 3 && SHORT_LABELS.has(labels[0] ?? '') && !url.search && SHORT_PATH.test(url.pathname);
}

function sameSite(a: string, b: string): boolean {
  const tail = (h: string) => h.toLowerCase().split('.').slice(-2).join('.');
  return tail(a) === tail(b);
}

/** gіtһub.com (xn--gtub-l9d12d.com): what the reader sees, and what it is. */
function describeHost(host: string): string {
  const unicode = hostToUnicode(host);
  return unicode === host ? host : `${unicode} (${host})`;
}
