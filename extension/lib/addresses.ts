// Address lists through postal-mime's parser (RFC 5322 quoting, comments, groups, encoded-word names), so a
// display name that looks like an address ("noreply@github.com" <attacker@evil.example>) stays a name.
import { addressParser } from 'postal-mime';
import type { Address as PostalAddress } from 'postal-mime';
import type { Address } from '../../shared/types.ts';

/**
 * Longest address field read (about 200 addresses); the rest of a longer one is padding, not recipients.
 * Small on purpose: postal-mime's parser is slower than linear on hostile group syntax ("a: a: a: …").
 */
export const MAX_ADDRESS_FIELD_CHARS = 8 * 1024;

/** Every mailbox of a header value or page text ("Name <a@b>", "a@b, c@d", "Team: a@b;"); groups flattened. */
export function parseAddressList(value: string | null | undefined): Address[] {
  if (!value) return [];
  return mailboxes(addressParser(value.slice(0, MAX_ADDRESS_FIELD_CHARS), { flatten: true }));
}

/** postal-mime's parsed addresses as Ringfence addresses: groups flattened, entries without an address dropped. */
export function mailboxes(list: readonly PostalAddress[] | PostalAddress | undefined): Address[] {
  const out: Address[] = [];
  const add = (entry: PostalAddress) => {
    if ('group' in entry && Array.isArray(entry.group)) {
      for (const member of entry.group) add(member);
      return;
    }
    const address = (('address' in entry ? entry.address : '') ?? '').trim().toLowerCase();
    if (!address.includes('@')) return;
    const name = (entry.name ?? '').trim();
    out.push({ address, name: name.toLowerCase() === address ? '' : name });
  };
  for (const entry of list === undefined ? [] : Array.isArray(list) ? list : [list]) add(entry as PostalAddress);
  return out;
}
