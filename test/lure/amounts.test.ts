import { describe, expect, it } from 'vitest';
import { extractLure } from '../../shared/lure/index.ts';
import { body } from './helpers.ts';

function amounts(text: string) {
  return extractLure(body(text), []).amounts.map((a) => [a.value, a.currency]);
}

describe('amounts', () => {
  const cases: [string, number, string][] = [
    ['Amount : $499.99 USD', 499.99, 'USD'],
    ['Total: $ 909.99', 909.99, 'USD'],
    ['recent purchase of $1529.20.', 1529.2, 'USD'],
    ['charged $1,529.20 today', 1529.2, 'USD'],
    ['Your payment has been received: USD 503.00.', 503, 'USD'],
    ['The amount of USD473.33 will be charged', 473.33, 'USD'],
    ['a total payment of USD $398.66', 398.66, 'USD'],
    ['Preis: 299,99 €', 299.99, 'EUR'],
    ['Betrag 1.299,00 EUR', 1299, 'EUR'],
    ['Total £45.50', 45.5, 'GBP'],
    ['Valor R$ 2.430,62', 2430.62, 'BRL'],
    ['in the amount of $349', 349, 'USD'],
    ['a fee of 250 dollars', 250, 'USD'],
    ['Price: ＄３４９.００', 349, 'USD'],
    ['compensation ($1.500.000.00USD)', 1500000, 'USD'],
    ['Tax: $0.00', 0, 'USD'],
  ];
  it.each(cases)('%s', (text, value, currency) => {
    expect(amounts(text)).toContainEqual([value, currency]);
  });

  it('reads one writing once and keeps the evidence short', () => {
    const lure = extractLure(body('Amount: $499.99 USD. Total amount: $499.99'), []);
    expect(lure.amounts).toEqual([{ evidence: '$499.99', value: 499.99, currency: 'USD', part: 'body' }]);
  });

  it('leaves numbers without a currency alone', () => {
    expect(amounts('Order 441243, 3 devices, version 2.5, 100% safe, call 1 855 596 2198')).toEqual([]);
    expect(amounts('hash e0cad, id 7usd9')).toEqual([]);
  });

  it('does not read the tail of a split number as an amount', () => {
    expect(amounts('compensating victims with $1.500, 000.00USD')).toEqual([[1500, 'USD']]);
  });
});
