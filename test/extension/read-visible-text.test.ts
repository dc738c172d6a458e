// @vitest-environment happy-dom
// Padding must not blind the content script: caps count what a reader sees, hidden subtrees are skipped
// without counting, and when a cap is reached the later text (where scams put the number) is kept.
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_CHARS, readVisibleText } from '../../extension/content/read-visible-text.ts';

const NUMBER = '+1 (804) 713-4598';
const LURE = `To cancel your PayPal renewal call ${NUMBER} now.`;

function body(html: string): HTMLElement {
  document.body.innerHTML = '';
  const root = document.createElement('div');
  root.innerHTML = html;
  document.body.appendChild(root);
  return root;
}

describe('readVisibleText', () => {
  it('keeps the number after 20,001 <wbr>', () => {
    const { text } = readVisibleText(body(`${'<wbr>'.repeat(20_001)}<p>${LURE}</p>`));
    expect(text).toContain(NUMBER);
  });

  it('skips a hidden div holding 20,001 <p> without counting it', () => {
    const { text, hiddenText } = readVisibleText(body(`<div style="display:none">${'<p>x</p>'.repeat(20_001)}</div><p>${LURE}</p>`));
    expect(text).toContain(NUMBER);
    expect(text).not.toContain('x');
    expect(hiddenText.startsWith('x')).toBe(true);
  });

  it('keeps the number after 200,001 spaces, and collapses them', () => {
    const { text } = readVisibleText(body(`${' '.repeat(200_001)}<p>${LURE}</p>`));
    expect(text).toBe(LURE);
  });

  it('keeps the number after 300,000 zero-width spaces and soft hyphens', () => {
    const { text } = readVisibleText(body(`<p>${'\u200b\u00ad'.repeat(150_000)}</p><p>${LURE}</p>`));
    expect(text).toContain(NUMBER);
    expect(text.length).toBeLessThan(1_000);
  });

  it('keeps the later text when 25,000 visible elements come first', () => {
    const { text } = readVisibleText(body(`${'<span>a </span>'.repeat(25_000)}<p>${LURE}</p>`));
    expect(text).toContain(NUMBER);
    expect(text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
  });

  it('keeps the later text when the visible text is longer than the cap', () => {
    const words = 'lorem ipsum dolor sit amet '.repeat(20_000);
    const { text } = readVisibleText(body(`<p>${words}</p><p>${LURE}</p>`));
    expect(text).toContain(NUMBER);
    expect(text.startsWith('lorem ipsum')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
  });

  it('still keeps hidden text apart from what the reader sees', () => {
    const { text, hiddenText } = readVisibleText(
      body(`<p>${LURE}</p><p style="display:none">ref 18889990000</p><p>Regards,<br>Billing</p>`),
    );
    expect(text).toBe(`${LURE}\n\nRegards,\nBilling`);
    expect(hiddenText).toBe('ref 18889990000');
  });

  it('keeps a number split across inline elements whole', () => {
    const { text } = readVisibleText(body('<p>call 804<span>-713</span>-<b>4598</b> today</p>'));
    expect(text).toBe('call 804-713-4598 today');
  });
});
