import type { MailMessage } from '../types.ts';
import { headerValues } from './headers.ts';

/** One method result from an Authentication-Results header (RFC 8601), e.g. dkim=pass header.d=github.com. */
export interface AuthResult {
  method: string;
  result: string;
  /** Lowercased property names (`header.d`, `header.i`, `header.from`, `smtp.mailfrom`) to their values. */
  props: Record<string, string>;
}

/** Parses one Authentication-Results value. Tolerates the Microsoft form that omits the authserv-id. */
export function parseAuthenticationResults(value: string): AuthResult[] {
  const results: AuthResult[] = [];
  for (const segment of stripComments(value).split(';')) {
    const tokens = segment.trim().split(/\s+/).filter(Boolean);
    const head = tokens[0] ? /^([a-z0-9_.-]+)\s*=\s*([a-z]+)$/i.exec(tokens[0]) : null;
    if (!head?.[1] || !head[2]) continue;
    const props: Record<string, string> = {};
    for (const token of tokens.slice(1)) {
      const prop = /^([a-z0-9_-]+\.[a-z0-9_-]+)=(.+)$/i.exec(token);
      if (prop?.[1] && prop[2]) props[prop[1].toLowerCase()] = prop[2].replace(/^"|"$/g, '');
    }
    results.push({ method: head[1].toLowerCase(), result: head[2].toLowerCase(), props });
  }
  return results;
}

/**
 * The results recorded by the receiving side: the topmost Authentication-Results that carries a DKIM,
 * DMARC or SPF result (lower ones were added earlier, possibly by the sender itself). Falls back to the
 * newest ARC-Authentication-Results when the receiver added no Authentication-Results.
 */
export function receiverAuthResults(message: MailMessage): AuthResult[] {
  const relevant = (rs: AuthResult[]) => rs.some((r) => r.method === 'dkim' || r.method === 'dmarc' || r.method === 'spf');
  for (const value of headerValues(message, 'authentication-results')) {
    const parsed = parseAuthenticationResults(value);
    if (relevant(parsed)) return parsed;
  }
  const arc = headerValues(message, 'arc-authentication-results')
    .map((v) => ({ instance: Number(/\bi\s*=\s*(\d+)/.exec(v)?.[1] ?? 0), value: v.replace(/^\s*i\s*=\s*\d+\s*;/, '') }))
    .sort((a, b) => b.instance - a.instance);
  for (const { value } of arc) {
    const parsed = parseAuthenticationResults(value);
    if (relevant(parsed)) return parsed;
  }
  return [];
}

/** Domain a DKIM result speaks for: header.d, else the domain of header.i. */
export function dkimResultDomain(result: AuthResult): string | undefined {
  const d = result.props['header.d'];
  if (d) return d.toLowerCase();
  const i = result.props['header.i'];
  return i ? i.slice(i.lastIndexOf('@') + 1).toLowerCase() || undefined : undefined;
}

function stripComments(value: string): string {
  let out = '';
  let depth = 0;
  for (const ch of value) {
    if (ch === '(') depth++;
    else if (ch === ')' && depth > 0) depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}
