import type { Policy } from '../types.ts';

/** "https://Acme.freshdesk.com/" → "acme.freshdesk.com"; "@example.com" → "example.com". */
function normalise(entry: string): string {
  return entry.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/[/?#].*$/, '').replace(/^@/, '').replace(/\.$/, '');
}

/**
 * Whether policy.trustedSenders names one of an instance's identities: its id (acme.freshdesk.com, a form
 * id, a merchant account) exactly, or a domain it sends from (example.com covers mail.example.com).
 */
export function isTrustedSender(policy: Policy, identities: readonly (string | undefined)[]): boolean {
  const entries = (policy.trustedSenders ?? []).map(normalise).filter(Boolean);
  if (entries.length === 0) return false;
  const ids = identities.filter((v): v is string => Boolean(v)).map(normalise);
  return entries.some((entry) => ids.some((id) => id === entry || id.endsWith(`.${entry}`) || id.endsWith(`@${entry}`)));
}
