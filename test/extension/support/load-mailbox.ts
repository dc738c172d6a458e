// A mailbox for the load test: many single-message conversations opened one after another, and one long
// conversation. Every message is a callback lure with its own number in the +1 804 713 block of feed A, so
// each one gets a banner, and its number's sighting count says how often the device recorded it.
import type { FixtureMessage } from '../../fixtures/webmail/messages.ts';

export const BIG_THREAD = 'big-thread';

const BRANDS = ['PayPal', 'Norton', 'McAfee', 'Geek Squad', 'Microsoft'];

export function loadMessageId(n: number): string {
  return `msg-f:${1_792_000_000_000_000_000n + BigInt(n)}`;
}

/** The number of message n: +1 804 713 followed by four digits. */
export function loadNumber(n: number): string {
  if (n < 0 || n > 9_999) throw new Error(`message ${n}: no four-digit suffix left`);
  return `+1804713${String(n).padStart(4, '0')}`;
}

function lure(n: number, thread: string, subject: string): FixtureMessage {
  const brand = BRANDS[n % BRANDS.length]!;
  const digits = loadNumber(n).slice(-4);
  const amount = (199 + (n % 300)).toFixed(2);
  return {
    id: loadMessageId(n),
    thread,
    subject,
    from: { name: `${brand} Billing`, address: `billing.${n}@mailhub.example` },
    to: { name: 'Alex Morgan', address: 'alex.morgan@example.com' },
    date: new Date(Date.UTC(2026, 2, 1, 8) + n * 60_000).toUTCString().replace('GMT', '+0000'),
    html: `<div style="font-family:Arial"><p>Dear Customer,</p>
<p>Your ${brand} subscription (order ${100_000 + n}) renewed today and <b>$${amount}</b> was charged to your account.
The charge will appear on your statement within 24 hours.</p>
<table style="border:1px solid #ccc"><tr><td>Order</td><td>${100_000 + n}</td></tr><tr><td>Amount</td><td>$${amount} USD</td></tr></table>
<p>If you did not authorize this charge, call our billing desk at <b>+1 (804) 713-${digits}</b> to cancel.</p>
<p>Regards,<br>${brand} Billing Team</p></div>`,
    expect: 'danger: number in the +1804713 block of feed A',
  };
}

/**
 * `single` one-message conversations (`load-0` …) and one conversation of `thread` messages. Numbers never
 * repeat: single messages use suffixes from 5000, the long conversation from 2000.
 */
export function loadMailbox(single: number, thread: number): FixtureMessage[] {
  if (single > 5_000 || thread > 3_000) throw new Error('load mailbox: at most 5000 single messages and 3000 in the thread');
  const singles = Array.from({ length: single }, (_, i) => lure(5_000 + i, `load-${i}`, `Your subscription renewal ${i}`));
  const long = Array.from({ length: thread }, (_, i) => lure(2_000 + i, BIG_THREAD, 'Re: your subscription renewal'));
  return [...singles, ...long];
}
