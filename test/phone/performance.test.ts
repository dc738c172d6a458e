import { describe, expect, it } from 'vitest';
import { extractPhones } from '../../shared/phone/index.ts';

const MB = 1 << 20;

function fill(unit: string, size = MB): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** Deterministic pseudo-random digits and separators. */
function noise(size: number, alphabet: string): string {
  let seed = 12345;
  let out = '';
  for (let i = 0; i < size; i += 1) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    out += alphabet[seed % alphabet.length];
  }
  return out;
}

/**
 * CPU time of one extraction (user + system of this process). The machine running the tests may be shared;
 * CPU time measures the work done, wall time mostly the wait for a core.
 */
function timed(text: string): { ms: number; wallMs: number; phones: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = extractPhones([{ id: 'body', text }]);
  const cpu = process.cpuUsage(cpu0);
  return { ms: (cpu.user + cpu.system) / 1000, wallMs: performance.now() - t0, phones: r.phones.length + r.placeholders.length };
}

describe('linear time on hostile input (1 MB each, < 2 s of CPU)', () => {
  it.each([
    ['a line of digits', fill('8047134598')],
    ['one digit per space', fill('8 ')],
    ['digits and dashes', fill('804-')],
    ['dotted quads', fill('1.2.3.4.')],
    ['letters for digits', fill('O0l1I|')],
    ['brackets', fill('(((((]]]]{{{')],
    ['brackets and digits', fill('(8)[0]{4}')],
    ['plus signs', fill('+ +1 +')],
    ['percent signs', fill('%')],
    ['template openers', fill('{{phone ')],
    ['hash signs', fill('#PHONE')],
    ['masked digits', fill('XXX-XXX-')],
    ['zero-width between digits', fill('8\u200b')],
    ['mathematical digits', fill('𝟖𝟎𝟒')],
    ['random digits and separators', noise(MB, '0123456789 -.()/\n')],
    ['random digits and letters', noise(MB, '0123456789 OolI|x+')],
    ['one long word', fill('a')],
    ['URL-like without spaces', fill('http://x.com/804-713-4598?')],
  ])('%s', (name, text) => {
    const { ms, wallMs } = timed(text);
    console.log(`${name}: ${ms.toFixed(0)} ms CPU, ${wallMs.toFixed(0)} ms wall`);
    expect(ms).toBeLessThan(2000);
  });

  it('a megabyte of distinct real-looking numbers', () => {
    let text = '';
    for (let i = 0; text.length < MB; i += 1) text += `Call (804) 713-${String(1000 + (i % 9000))} or +44 20 7946 ${String(1000 + (i % 9000))}\n`;
    const { ms, wallMs, phones } = timed(text);
    console.log(`dense numbers: ${phones} found, ${ms.toFixed(0)} ms CPU, ${wallMs.toFixed(0)} ms wall`);
    expect(phones).toBeGreaterThan(20000);
    expect(ms).toBeLessThan(2000);
  });
});
