import { describe, expect, it } from 'vitest';
import { extractPhones } from '../../shared/phone/index.ts';
import { e164s } from './extract-helpers.ts';

describe('numbers that are not phones', () => {
  it.each([
    // dates and times
    ['ISO date and time', 'Sent 2024-03-15 10:30:45 -0700'],
    ['US date', 'Due 03/15/2024 at 10:30 AM'],
    ['European date', 'Am 15.03.2024 um 14:30 Uhr'],
    ['RFC 2822 date', 'Date: Mon, 7 Oct 2002 10:23:45 +0100'],
    ['date range', 'Valid 2002-10-09 - 2002-10-11 only'],
    ['compact timestamp', 'Build 20021009143000'],
    ['date then time', '10/09/2002 12:34:56'],
    ['version then US date', "(I'm running v2.4 - 06/23/2000 - Creaky, I know.)"],
    ['version then date, spaced', 'Release 2.5 07/13/2001 is out'],
    ['digit then European date', 'Build 3 - 1.7.2001 and 8 15.03.24'],
    ['unix time', 'ts=1712345678 and 1034567890'],
    // identifiers
    ['invoice', 'Invoice #: 8047134598'],
    ['invoice no', 'Invoice No. 8047134598'],
    ['order id', 'Order ID: 8047134598'],
    ['order number formatted', 'Order number: 804-713-4598'],
    ['transaction id', 'Transaction ID 8047134598'],
    ['reference', 'Ref: 8047134598'],
    ['reference number', 'Reference Number: 804 713 4598'],
    ['account number', 'Account number 8047134598'],
    ['case', 'Case #8047134598'],
    ['glued id', 'INV-8047134598 and TXN8047134598'],
    ['UUID', 'Tracking No: 999d6516-3162-42ce-80b6-bdb5dd9abb82'],
    ['hex digest', 'sha a3f5-804-713-4598-cafe and 0x804713459'],
    ['hash id', 'ticket #8047134598'],
    ['meeting id', 'Meeting ID: 804 713 4598'],
    ['amazon order', 'Order #112-3456789-1234567'],
    // money
    ['amount', 'Amount: $1,234.56 charged'],
    ['USD amount', 'Total 399.99 USD'],
    ['large amount', 'USD 8,047,134,598.00'],
    ['decimal', 'pi is 3.8047134598'],
    // network
    ['IPv4', 'from 192.168.100.200 and 10.20.30.40'],
    ['IP in header-like text', 'Received: from mail (mail.example.com [208.77.188.166])'],
    ['version', 'SpamAssassin 2.43 and kernel 2.4.18-3 and v10.0.19041.1234'],
    // logistics
    ['UPS', 'UPS 1Z 999 AA1 01 2345 6784'],
    ['UPS compact', 'Tracking: 1Z999AA10123456784'],
    ['USPS', 'USPS 9400 1000 0000 0000 0000 00'],
    ['long digit run', 'Code 804713459880471345'],
    ['ZIP+4', 'Mountain View, CA 94043-1351'],
    ['postcode', 'Paris 75008, Berlin 10117'],
    // cards
    ['card spaced', 'Card 4111 1111 1111 1111'],
    ['card dashed', 'Card 4111-1111-1111-1111'],
    ['card bare', 'Card 4111111111111111'],
    ['masked card', 'Visa ending 1234, card **** **** **** 4598'],
    // URLs and email
    ['URL path', 'https://example.com/track/8047134598/details'],
    ['URL query', 'https://example.com/?id=8047134598&x=1'],
    ['URL with dashes', 'http://www.example.com/804-713-4598.html'],
    ['www link', 'www.example.com/8047134598'],
    ['email', 'mail 8047134598@example.com now'],
    ['email with dots', 'write to 804.713.4598@txt.att.net'],
    // invalid numbers
    ['invalid area code', 'Call 123-456-7890 later'],
    ['invalid exchange', 'Call 804-113-4598 later'],
    ['too short', 'Call 804-7134 later'],
    ['too long', 'Call 804-713-45981 later'],
  ])('%s', (_name, text) => {
    const r = extractPhones([{ id: 'body', text }]);
    expect(r.phones).toEqual([]);
  });

  it('keeps a phone next to a ZIP code', () => {
    expect(e164s('1600 Amphitheatre Pkwy, Mountain View, CA 94043 650-253-0000')).toEqual(['+16502530000']);
  });

  it('keeps a phone after a date on the same line', () => {
    expect(e164s('On 2002-10-09 call 804-713-4598.')).toEqual(['+18047134598']);
  });

  it('keeps a phone whose label names a service, not an id', () => {
    expect(e164s('Member Services: 804-713-4598')).toEqual(['+18047134598']);
    expect(e164s('Account Support 8047134598')).toEqual(['+18047134598']);
    expect(e164s('Order Status Line (804) 713-4598')).toEqual(['+18047134598']);
  });

  it('keeps a phone labelled after an order sentence', () => {
    expect(e164s('Thank you for your order. Questions? Call 804-713-4598')).toEqual(['+18047134598']);
    expect(e164s('Invoice #: 8047134598\nTo cancel, call +1 (804) 713-4598')).toEqual(['+18047134598']);
  });
});

describe('2002-era mailing-list mail', () => {
  const message = [
    'On Mon, Oct 07, 2002 at 10:23:45AM -0700, Justin Mason wrote:',
    '> Fixed in CVS as of 2002-10-07; see bug 1034 and revision 1.123.4.5.',
    '> Build 20021007 passed 1,234 of 1,240 tests (99.5%).',
    'Message-ID: <20021007172345.GA12345@example.org>',
    'Received: from 64.4.49.7 by mail.example.org; 07 Oct 2002 17:23:45 +0000',
    'Price: $19.95 (US), 2 copies for $29.90; ISBN 0-596-00246-1',
    'Linux 2.4.18-3, perl 5.6.1, SA 2.43, port 783, uid 1000',
    '--',
    'John Doe, Acme Corp., 1234 Main St., Suite 500, Springfield, IL 62701-1234',
    'Tel: (217) 555-7200  Fax: (217) 555-7201  Cell: 217.555.7202',
    'Sales: 1-800-998-9938 x132 | http://www.example.com/~jdoe/12345/',
  ].join('\n');

  it('yields only the signature numbers', () => {
    expect(e164s(message)).toEqual(['+12175557200', '+12175557201', '+12175557202', '+18009989938']);
  });
});
