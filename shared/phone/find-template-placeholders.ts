import { TEMPLATE_PHONE_WORDS } from './template-words.ts';

export interface TemplateSpan {
  start: number;
  end: number;
}

const MAX_FIELD = 40;

/** Opening delimiter → closing delimiter ('<' only doubled: "<<phone>>"). */
function closerOf(c: number): number {
  switch (c) {
    case 0x25: return 0x25; // %
    case 0x7b: return 0x7d; // { }
    case 0x5b: return 0x5d; // [ ]
    case 0x23: return 0x23; // #
    case 0x3c: return 0x3e; // < >
    case 0x24: return 0x24; // $
    default: return 0;
  }
}

/** Letters, digits, '_', ' ', '.', '-': what a field name may hold. */
function isFieldChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x20 || c === 0x2e || c === 0x2d;
}

function namesPhone(field: string): boolean {
  const words = field.toLowerCase().split(/[_ .-]+/);
  if (words.some((w) => TEMPLATE_PHONE_WORDS.has(w))) return true;
  return TEMPLATE_PHONE_WORDS.has(words.join(''));
}

/** "1-800-XXX-XXXX", "(XXX) XXX-XXXX", "###-###-####": a number pattern with its digits masked. */
const MASKED_NUMBER =
  /(?<![A-Za-z0-9#*])(?:\+?1[ .-]?)?\(?(?:[Xx#*]{3}|\d{3})\)?[ .-]?[Xx#*]{3}[ .-][Xx#*]{4}(?![A-Za-z0-9#*])/g;

/**
 * Template fields left unfilled: "%PHONE%", "{{ phone }}", "[PHONE NUMBER]", "#TFN#". Each opening delimiter
 * looks ahead at most MAX_FIELD characters and stops at the first one a field name cannot hold: linear.
 */
export function findTemplatePlaceholders(text: string): TemplateSpan[] {
  const spans: TemplateSpan[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const open = text.charCodeAt(i);
    const close = closerOf(open);
    if (close === 0) {
      i += 1;
      continue;
    }
    const doubled = text.charCodeAt(i + 1) === open;
    if (open === 0x3c && !doubled) {
      i += 1;
      continue;
    }
    const fieldStart = i + (doubled ? 2 : 1);
    let j = fieldStart;
    while (j < n && j - fieldStart <= MAX_FIELD && text.charCodeAt(j) !== close && isFieldChar(text.charCodeAt(j))) j += 1;
    if (j < n && j > fieldStart && text.charCodeAt(j) === close) {
      const field = text.slice(fieldStart, j);
      const trimmed = field.trim();
      // Spaces inside the delimiters only for braces and brackets: "{{ phone }}", "[ PHONE ]".
      const spacing = field === trimmed || open === 0x7b || open === 0x5b;
      if (spacing && /^[A-Za-z]/.test(trimmed) && namesPhone(trimmed)) {
        const end = doubled && text.charCodeAt(j + 1) === close ? j + 2 : j + 1;
        spans.push({ start: i, end });
        i = end;
        continue;
      }
    }
    i += 1;
  }
  // The masked pattern needs a run of 3 X/#/* characters: skip the regex when there is none.
  if (/[Xx#*]{3}/.test(text)) {
    for (const m of text.matchAll(MASKED_NUMBER)) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans.sort((a, b) => a.start - b.start);
}
