import { describe, expect, it } from 'vitest';
import { decodeHTMLAttribute } from 'entities';
import { htmlToText } from '../../shared/mime/html-to-text.ts';
import { parseInlineStyle } from '../../shared/mime/inline-style.ts';
import { unescapeCss } from '../../shared/mime/css-escapes.ts';

// Pieces an attacker mixes into attribute values: entities (named, numeric, legacy, names of Object.prototype
// members), CSS escapes, comments, quotes and the delimiters the style parser splits on.
const PIECES = [
  '&amp;', '&lt;', '&quot;', '&#58;', '&#x3a;', '&#X3A', '&#59;', '&#92;', '&#0;', '&#xD800;', '&#99999999;', '&#1114112;',
  '&colon;', '&semi;', '&bsol;', '&copy', '&notit;', '&not', '&', '&#', '&#x', '&;', '&CounterClockwiseContourIntegral;',
  '&constructor;', '&toString;', '&__proto__;', '&hasOwnProperty;', '&valueOf', '&prototype;', '&length;',
  '\\', '\\6f ', '\\6F', '\\00006e', '\\110000', '\\d800 ', '\\0', '\\:', '\\;', '\\\n', '\\"', '\\(',
  '/*', '*/', '/**/', '"', "'", '(', ')', ';', ':', '!important', ' ', '\n', '\t',
  'display', 'none', 'color', '#fff', 'font-size', '0', 'visibility', 'hidden', 'url(', 'rgb(255,255,255)', 'x', 'é', '😀',
];

/** A small deterministic PRNG (mulberry32), so a failure reproduces. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomValue(next: () => number, pieces: number): string {
  let value = '';
  for (let i = 0; i < pieces; i++) value += PIECES[Math.floor(next() * PIECES.length)];
  return value;
}

/** Everything the renderer reads from one value, as one string to check. */
function decodeEverywhere(value: string): string {
  const decoded = decodeHTMLAttribute(value);
  const style = [...parseInlineStyle(decoded)].flat().join('|');
  const quoted = value.replaceAll('"', '&quot;');
  const rendered = htmlToText(
    `<style>.${value.replace(/[{}<]/g, '')}{display:none}</style><div style="${quoted}" class="${quoted}" id="${quoted}">` +
      `<font color="${quoted}">t</font><a href="${quoted}">l</a></div>`,
  );
  return [decoded, style, unescapeCss(decoded), rendered.visible, rendered.hidden, ...rendered.links.map((l) => l.href)].join('\n');
}

function cpuMs(run: () => void): number {
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const started = process.cpuUsage();
    run();
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

describe('attribute decoding on random entity and CSS-escape mixes', () => {
  it('never throws and never yields JavaScript source (10,000 values)', () => {
    const next = random(14_3);
    for (let n = 0; n < 10_000; n++) {
      const value = randomValue(next, 1 + Math.floor(next() * 24));
      let out = '';
      expect(() => (out = decodeEverywhere(value)), value).not.toThrow();
      expect(out, value).not.toContain('[native code]');
      expect(out, value).not.toMatch(/function\s*\w*\s*\(/);
    }
  });

  it('stays linear: twice the input takes at most about three times as long', () => {
    const next = random(7);
    const values = Array.from({ length: 4000 }, () => randomValue(next, 12));
    const document = (count: number) =>
      values
        .slice(0, count)
        .map((v) => `<span style="${v.replaceAll('"', '&quot;')}" class="${v.replaceAll('"', '&quot;')}">w</span>`)
        .join('');
    const small = document(2000);
    const large = document(4000);
    const longValue = randomValue(next, 50_000);
    const longDouble = longValue + randomValue(next, 50_000);
    // Warm up the JIT before timing.
    htmlToText(small);
    decodeEverywhere(longValue);

    const documentRatio = cpuMs(() => htmlToText(large)) / Math.max(cpuMs(() => htmlToText(small)), 1);
    const valueRatio = cpuMs(() => decodeEverywhere(longDouble)) / Math.max(cpuMs(() => decodeEverywhere(longValue)), 1);
    console.log(`2x input: document ${documentRatio.toFixed(2)}x, single attribute ${valueRatio.toFixed(2)}x time`);
    expect(documentRatio).toBeLessThan(3);
    expect(valueRatio).toBeLessThan(3);
  });
});
