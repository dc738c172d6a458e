// The baseline of bench/cases/cluster-1m.ts, run as its own process: the plain mbox split, the naive
// scanner's postal-mime + findPhoneNumbersInText, and a Map of number → count and first/last date, on one
// thread. Prints {"messages","numbers"} as JSON. Usage: node bin/run-ts.js bench/naive-cluster.ts MBOX
import { createReadStream } from 'node:fs';
import PostalMime from 'postal-mime';
import { findPhoneNumbersInText } from 'libphonenumber-js';
import { splitMbox } from '../cli/input/split-mbox.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: naive-cluster.ts MBOX');
const numbers = new Map<string, { messages: number; first: number; last: number }>();
let messages = 0;
for await (const message of splitMbox(file, createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>)) {
  messages++;
  if (message.error !== undefined) continue;
  const email = await PostalMime.parse(message.bytes);
  const date = email.date ? Date.parse(email.date) : Number.NaN;
  const text = `${email.subject ?? ''}\n${email.text ?? ''}\n${(email.html ?? '').replace(/<[^>]*>/g, ' ')}`;
  for (const e164 of new Set(findPhoneNumbersInText(text, 'US').map((f) => f.number.number))) {
    const seen = numbers.get(e164);
    if (!seen) numbers.set(e164, { messages: 1, first: date, last: date });
    else {
      seen.messages++;
      if (date < seen.first) seen.first = date;
      if (date > seen.last) seen.last = date;
    }
  }
}
process.stdout.write(`${JSON.stringify({ messages, numbers: numbers.size })}\n`);
