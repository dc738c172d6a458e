import { findPhoneNumbersInText } from 'libphonenumber-js/max';
import { extractPhones } from './shared/phone/index.ts';
import { mailLikeText } from './test/phone/mail-like-text.ts';
const { text } = mailLikeText(1 << 20);
const ours = new Set(extractPhones([{ id: 'body', text }]).phones.map((p) => p.e164));
const kinds: Record<string, number> = {};
for (const f of findPhoneNumbersInText(text, 'US')) {
  if (ours.has(f.number.number)) continue;
  const ctx = text.slice(Math.max(0, f.startsAt - 25), f.endsAt + 5).replace(/\n/g, '⏎');
  const k = ctx.replace(/\d/g, '9').replace(/[a-z]+/g, 'w').slice(0, 30);
  kinds[k] = (kinds[k] ?? 0) + 1;
  if (kinds[k]! <= 1) console.log(JSON.stringify(ctx), f.number.number);
}
console.log(kinds);
