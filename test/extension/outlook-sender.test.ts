// Outlook on the web's sender is read from the page's text by a small parser (postal-mime's would add ~3 KB
// gzip to the content script): the same mailboxes as the header parser for the forms Outlook shows.
import { describe, expect, it } from 'vitest';
import { pageMailbox } from '../../extension/content/providers/outlook-sender.ts';
import { parseAddressList } from '../../extension/lib/addresses.ts';

describe('pageMailbox', () => {
  it('reads "Name <a@b>", "From: Name <a@b>", a quoted name and a bare address', () => {
    expect(pageMailbox('PayPal Billing <Service.Billing@Gmail.com>')).toEqual({ address: 'service.billing@gmail.com', name: 'PayPal Billing' });
    expect(pageMailbox('From: PayPal Billing <a@b.example>')).toEqual({ address: 'a@b.example', name: 'PayPal Billing' });
    expect(pageMailbox('"Doe, Jane" <jane@x.example>')).toEqual({ address: 'jane@x.example', name: 'Doe, Jane' });
    expect(pageMailbox('Priya.Shah@Example.com')).toEqual({ address: 'priya.shah@example.com', name: '' });
    expect(pageMailbox('a@x.example, b@y.example')).toEqual({ address: 'a@x.example', name: '' });
  });

  it('keeps an address-shaped name a name: the address in angle brackets wins', () => {
    expect(pageMailbox('From: noreply@github.com <attacker@evil.example>')).toEqual({ address: 'attacker@evil.example', name: 'noreply@github.com' });
    expect(pageMailbox('"PayPal <service@paypal.com>" <attacker@evil.example>')).toEqual({ address: 'attacker@evil.example', name: 'PayPal <service@paypal.com>' });
  });

  it('finds no sender in a name without an address', () => {
    expect(pageMailbox('Priya Shah')).toBeNull();
    expect(pageMailbox('')).toBeNull();
    expect(pageMailbox(null)).toBeNull();
  });

  it('agrees with the header parser on the forms Outlook shows', () => {
    for (const text of ['PayPal Billing <service.billing.team84@gmail.com>', 'From: noreply@github.com <attacker@evil.example>', 'priya.shah@example.com']) {
      const [expected] = parseAddressList(text);
      expect(pageMailbox(text)).toEqual({ address: expected!.address, name: expected!.name.replace(/^From:?\s*/i, '') });
    }
  });
});
