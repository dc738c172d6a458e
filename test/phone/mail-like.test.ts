import { describe, expect, it } from 'vitest';
import { extractPhones } from '../../shared/phone/index.ts';
import { mailLikeText } from './mail-like-text.ts';

describe('generated mail-like text (signatures, receipts, list mail, URLs, callback lures)', () => {
  it.each([1, 2, 3])('seed %i: every written number, nothing else', (seed) => {
    const { text, plain, obfuscated } = mailLikeText(128 * 1024, seed);
    const { phones, placeholders } = extractPhones([{ id: 'body', text }]);
    const found = phones.map((p) => p.e164);
    const written = new Set([...plain, ...obfuscated]);
    expect(found.filter((n) => !written.has(n))).toEqual([]);
    expect([...written].filter((n) => !found.includes(n))).toEqual([]);
    expect(placeholders).toEqual([]);
    for (const p of phones) expect(text.slice(p.start, p.end)).toBe(p.raw);
    const obfuscatedSet = new Set(obfuscated);
    for (const p of phones) if (!plain.includes(p.e164) && obfuscatedSet.has(p.e164)) expect(p.obfuscated).toBe(true);
  });
});
