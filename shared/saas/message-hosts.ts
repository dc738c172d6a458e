import type { MailMessage } from '../types.ts';
import { receiverAuthResults } from '../mail-auth/authentication-results.ts';
import { domainOf, senderAddresses } from '../mail-auth/headers.ts';

/**
 * Domains a platform claim can rest on: From, Sender, Return-Path and the envelope sender the receiver
 * recorded. Reply-To is left out: anyone may point replies at a help desk.
 */
export function senderDomains(message: MailMessage): string[] {
  // Every platform rule asks this of the same message; parsing the results once per message keeps the
  // registry's cost flat as platforms are added. A changed header list or From is read afresh.
  const cached = senderDomainCache.get(message);
  if (cached && cached.headers === message.headers && cached.from === message.from) return cached.domains;
  const domains = readSenderDomains(message);
  senderDomainCache.set(message, { headers: message.headers, from: message.from, domains });
  return domains;
}

const senderDomainCache = new WeakMap<MailMessage, { headers: MailMessage['headers']; from: MailMessage['from']; domains: string[] }>();

function readSenderDomains(message: MailMessage): string[] {
  const s = senderAddresses(message);
  const domains = [s.from, s.sender, s.returnPath].map(domainOf);
  for (const r of receiverAuthResults(message)) {
    const mailfrom = r.props['smtp.mailfrom'];
    if (mailfrom) domains.push(mailfrom.includes('@') ? domainOf(mailfrom) : mailfrom.toLowerCase());
  }
  return [...new Set(domains.filter((d): d is string => Boolean(d)))];
}

/** Reply-To domains: they name the instance (support+id@tenant.zendesk.com) but prove nothing. */
export function replyDomains(message: MailMessage): string[] {
  return senderAddresses(message).replyTo.map(domainOf).filter((d): d is string => Boolean(d));
}

/**
 * Host names of the links and of URLs written in the visible text, lowercase, in order of appearance. Read
 * by the WHATWG URL parser, as the browser will: `https://x@acme.zendesk.com/` goes to acme.zendesk.com,
 * `https://acme.zendesk.com\@evil.example/` too; international names come out in punycode.
 */
export function linkHosts(message: MailMessage): string[] {
  const hosts: string[] = [];
  const add = (text: string) => {
    if (!/^\s*https?:/i.test(text)) return;
    let url: URL;
    try {
      url = new URL(text.trim());
    } catch {
      return;
    }
    const host = url.hostname.replace(/\.$/, '');
    if (host) hosts.push(host.toLowerCase());
  };
  for (const link of message.links) add(link.href);
  for (const m of message.text.matchAll(/https?:\/\/[^\s<>"')\]]+/gi)) add(m[0]);
  return [...new Set(hosts)];
}

/** The first `label.base` host (a tenant or site) among the given hosts, e.g. "acme" for acme.zendesk.com. */
export function tenantLabel(hosts: readonly string[], base: string, ignore: readonly string[] = []): string | undefined {
  const suffix = `.${base}`;
  for (const host of hosts) {
    if (!host.endsWith(suffix)) continue;
    const labels = host.slice(0, -suffix.length).split('.');
    const label = labels[labels.length - 1];
    if (label && !ignore.includes(label)) return label;
  }
  return undefined;
}
