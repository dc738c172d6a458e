import { describe, expect, it } from 'vitest';
import { ALL_CLASSES, findMismatches } from '../../shared/saas/find-mismatches.ts';
import type { PhoneFinding, TextPart } from '../../shared/types.ts';

const body = (text: string): TextPart[] => [{ id: 'body', text }];
const kinds = (text: string, phones: PhoneFinding[] = []) => findMismatches(body(text), ALL_CLASSES, phones).map((m) => m.kind);

describe('findMismatches: lure content', () => {
  const cases: [string, string][] = [
    ['invoice', 'Your invoice INV-88213 is attached.'],
    ['invoice', 'Amount due: $499.99 by Friday.'],
    ['billing', 'Your card has been charged for the annual plan.'],
    ['billing', 'Contact our Billing Department today.'],
    ['billing', 'If this was not you, call the billing desk.'],
    ['renewal', 'Your Norton 360 subscription has been renewed automatically.'],
    ['refund', 'You are eligible for a full refund if you act now.'],
    ['refund', 'To cancel this order and claim your refund, reply.'],
    ['payment', 'Your payment of $349.99 was processed.'],
    ['payment', 'You have been charged $1,249.00 for the order.'],
    ['crypto', 'Connect your wallet to receive the tokens.'],
    ['crypto', 'Claim your $ALT tokens before Friday.'],
    ['crypto', 'Exclusive airdrop for early supporters!'],
    ['crypto', 'Your $100 Airdrop Is Waiting'],
    ['crypto', 'Confirm your 24-word recovery phrase.'],
    ['crypto', 'Earn up to 41% APY with flexible staking.'],
    ['prize', "Congratulations! You've won a share of the pool."],
    ['account-lock', 'Your account will be suspended within 24 hours.'],
    ['account-lock', 'Verify your account now to avoid any service interruption.'],
  ];
  for (const [kind, text] of cases) {
    it(`finds ${kind} in "${text}"`, () => expect(kinds(text)).toContain(kind));
  }

  it('quotes the words that show it', () => {
    const [m] = findMismatches(body('Hello.\nPlease connect your wallet at the link below to continue.\nThanks'), ['crypto'], []);
    expect(m?.evidence).toContain('connect your wallet');
    expect(m?.evidence).not.toContain('\n');
  });

  it('reads text hidden behind zero-width characters and ignores words inside links', () => {
    expect(kinds('Claim\u200b your reward now')).toContain('crypto');
    expect(kinds('See https://example.com/claim-your-airdrop-now for the changelog')).toEqual([]);
  });
});

describe('findMismatches: the way engineers talk about money is not a lure', () => {
  const harmless = [
    'Fix rounding when a refund spans two invoices.',
    'We should process the refund asynchronously in the worker.',
    'Invoice export times out for accounts with more than 10k payments.',
    'Auto-renew TLS certificates with the ACME client.',
    'The wallet connect button does not render on Safari.',
    'Payment reminders can be scheduled per customer.',
    'The PDF renderer no longer drops the amount due line when the total is zero.',
    'invoices.test.ts > charges the card once when the renewal is retried',
    'Upgrade card-input-kit to version 7.0.3 or later. Immediate action is recommended.',
    'I can also jump on a call tomorrow if that is easier.',
    'Split the airdrop contract tests into their own file.',
    'The billing team owns this service; ask them before merging.',
  ];
  for (const text of harmless) {
    it(`finds nothing in "${text}"`, () => expect(kinds(text)).toEqual([]));
  }
});

describe('findMismatches: phone numbers', () => {
  const text = 'If you did not authorize this, call our desk at +1 (808) 301-4471 today.';
  const start = text.indexOf('+1');
  const phone: PhoneFinding = { e164: '+18083014471', raw: '+1 (808) 301-4471', part: 'body', start, end: start + 17 };

  it('counts a number with a call to action', () => {
    const found = findMismatches(body(text), ['phone-call'], [phone]);
    expect(found).toEqual([{ kind: 'phone-call', evidence: expect.stringContaining('+1 (808) 301-4471') }]);
  });

  it('does not count a number the reader is not asked to call, nor one in another part', () => {
    const bare = 'Parsing fails for +1 (808) 301-4471 in the E.164 test table.';
    const s = bare.indexOf('+1');
    expect(findMismatches(body(bare), ['phone-call'], [{ ...phone, start: s, end: s + 17 }])).toEqual([]);
    expect(findMismatches(body(text), ['phone-call'], [{ ...phone, part: 'attachment:x.pdf' }])).toEqual([]);
  });

  it('only looks for the classes it is asked for', () => {
    expect(findMismatches(body(text), ['crypto'], [phone])).toEqual([]);
  });
});

describe('findMismatches: hostile input', () => {
  it('reads a 2 MB part of near-misses in well under a second', () => {
    const chunk = 'your your your account will be be be claim claim the the $ 9999999999 wallet wallet refund of of ';
    const text = chunk.repeat(Math.ceil(2_000_000 / chunk.length));
    const started = performance.now();
    findMismatches(body(text), ALL_CLASSES, []);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

  it('still finds a lure at the top of a huge part', () => {
    expect(kinds(`Connect your wallet now.\n${'x '.repeat(1_000_000)}`)).toContain('crypto');
  });
