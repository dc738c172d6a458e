import type { AmountHit } from './types.ts';
import type { ScanUnit } from './plan-units.ts';
import { cleanSlice } from './make-evidence.ts';
import { anyOverlapping, type Span } from './sorted-spans.ts';

// A number with optional thousands groups and up to two decimals: 499.99, 1,529.20, 2.430,62, 1529.
const NUMBER = String.raw`\d{1,3}(?:[,.']\d{3})+(?:[.,]\d{1,2})?(?![\d])|\d{1,9}(?:[.,]\d{1,2})?(?![\d])`;
const PREFIX = String.raw`(?:(usd|us\$|eur|gbp|cad|c\$|aud|a\$|inr|rs\.?|brl|r\$|jpy|chf|mxn)\s?\$?|([$€£¥₹]))`;
const SUFFIX = String.raw`(usd|eur|gbp|cad|aud|inr|brl|jpy|chf|mxn|dollars?|euros?|[$€£¥₹])`;
const BEFORE = new RegExp(String.raw`(?<![a-z0-9])${PREFIX}\s?(${NUMBER})`, 'g');
const AFTER = new RegExp(String.raw`(?<![a-z0-9.,$€£¥₹])(${NUMBER})\s?${SUFFIX}(?![a-z0-9])`, 'g');

const CODES: Record<string, string> = {
  $: 'USD', 'us$': 'USD', usd: 'USD', dollar: 'USD', dollars: 'USD',
  '€': 'EUR', eur: 'EUR', euro: 'EUR', euros: 'EUR',
  '£': 'GBP', gbp: 'GBP', '¥': 'JPY', jpy: 'JPY', '₹': 'INR', inr: 'INR', rs: 'INR', 'rs.': 'INR',
  'c$': 'CAD', cad: 'CAD', 'a$': 'AUD', aud: 'AUD', 'r$': 'BRL', brl: 'BRL', chf: 'CHF', mxn: 'MXN',
};

/** Most amounts kept per message. */
const MAX_AMOUNTS = 20;

/** Sums of money in several writings: $499.99, USD 349.00, USD473.33, 299,99 €, 1.529,20 EUR, 100 dollars. */
export function findAmounts(units: readonly ScanUnit[]): AmountHit[] {
  const hits: AmountHit[] = [];
  const seen = new Set<string>();
  for (const unit of units) {
    const text = unit.folded.text;
    // Spans read with a currency in front, in text order; a currency after the same number is the same amount.
    const taken: Span[] = [];
    const add = (start: number, end: number, numberText: string, symbol: string, prefixed: boolean) => {
      if (hits.length >= MAX_AMOUNTS) return;
      if (prefixed) taken.push({ start, end });
      else if (anyOverlapping(taken, start, end)) return;
      // "000.00" is the tail of a number cut by a space ("$1.500, 000.00USD"), not an amount.
      if (/^0\d/.test(numberText)) return;
      const value = parseAmount(numberText);
      const currency = CODES[symbol];
      if (value === undefined || !currency) return;
      const key = `${currency}${value}`;
      if (seen.has(key)) return;
      seen.add(key);
      const from = unit.folded.origin[start]!;
      const to = unit.folded.origin[end]!;
      hits.push({ evidence: cleanSlice(unit.source, from, to), value, currency, part: unit.part });
    };
    for (const m of text.matchAll(BEFORE)) {
      if (hits.length >= MAX_AMOUNTS) break;
      add(m.index, m.index + m[0].length, m[3]!, (m[1] ?? m[2])!, true);
    }
    for (const m of text.matchAll(AFTER)) {
      if (hits.length >= MAX_AMOUNTS) break;
      add(m.index, m.index + m[0].length, m[1]!, m[2]!, false);
    }
  }
  return hits;
}

/** Reads "1,529.20", "2.430,62", "499" as numbers: a last separator followed by one or two digits is the decimal mark. */
export function parseAmount(text: string): number | undefined {
  const decimal = /[.,](\d{1,2})$/.exec(text);
  const whole = (decimal ? text.slice(0, decimal.index) : text).replace(/[,.']/g, '');
  const value = Number(`${whole}${decimal ? `.${decimal[1]}` : ''}`);
  return Number.isFinite(value) ? value : undefined;
}
