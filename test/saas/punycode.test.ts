import { domainToASCII, domainToUnicode } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodePunycode, hostToUnicode } from '../../shared/saas/punycode.ts';

describe('hostToUnicode', () => {
  it('decodes xn-- labels the way Node does', () => {
    const names = [
      'g\u0456t\u04bbub.com',
      'z\u0435nd\u0435sk-help.com',
      '\u0430tl\u0430ssi\u0430n.net',
      'm\u00fcnchen.de',
      '\u4f8b\u3048.\u30c6\u30b9\u30c8',
      'mail.b\u00fccher.example',
      '\u13c0ithub.com',
      'xn--ls8h.la', // already punycode: 💩.la
    ];
    for (const name of names) {
      const ascii = domainToASCII(name);
      expect(hostToUnicode(ascii), ascii).toBe(domainToUnicode(ascii));
    }
  });

  it('keeps plain labels and invalid punycode as written, without throwing', () => {
    expect(hostToUnicode('reply.github.com')).toBe('reply.github.com');
    expect(hostToUnicode('xn--.com')).toBe('xn--.com');
    expect(hostToUnicode('xn--99999999999999999999.com')).toBe('xn--99999999999999999999.com');
    expect(decodePunycode('a-\u00e9')).toBeUndefined();
    expect(decodePunycode('x'.repeat(200))).toBeUndefined();
  });

  it('agrees with Node on random labels', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const alphabet = ['a', 'b', 'g', 'h', 't', '-', '\u0430', '\u0435', '\u0456', '\u04bb', '\u00e9', '\u4f8b', '\u13c0', '\ua4d0'];
    for (let n = 0; n < 500; n++) {
      const length = 1 + Math.floor(random() * 12);
      let label = '';
      for (let k = 0; k < length; k++) label += alphabet[Math.floor(random() * alphabet.length)];
      label = label.replace(/^-+|-+$/g, '') || 'a';
      const ascii = domainToASCII(`${label}.com`);
      if (!ascii) continue;
      expect(hostToUnicode(ascii), ascii).toBe(domainToUnicode(ascii));
    }
  });
});
