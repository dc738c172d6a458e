// The naive scanner the issue describes as the bar to beat: MIME decode, strip tags,
// libphonenumber-js findPhoneNumbersInText, a few brand words. Used as a baseline only.
import PostalMime from 'postal-mime';
import { findPhoneNumbersInText } from 'libphonenumber-js';

const BRAND_WORDS = /\b(paypal|norton|mcafee|geek squad|microsoft|amazon|apple|coinbase|best buy|lifelock)\b/i;

export interface NaiveVerdict {
  flagged: boolean;
  phones: string[];
}

export async function naiveScan(raw: Uint8Array): Promise<NaiveVerdict> {
  const email = await PostalMime.parse(raw);
  const text = `${email.subject ?? ''}\n${email.text ?? ''}\n${(email.html ?? '').replace(/<[^>]*>/g, ' ')}`;
  const phones = [...new Set(findPhoneNumbersInText(text, 'US').map((f) => f.number.number))];
  return { flagged: phones.length > 0 && BRAND_WORDS.test(text), phones };
}
