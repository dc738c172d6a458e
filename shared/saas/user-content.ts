import data from '../data/saas-templates.json' with { type: 'json' };
import type { PhoneFinding, TextPart } from '../types.ts';

/** Parts the account owner wrote in full (the merchant, form, event or desk name): never set aside. */
const ALWAYS_READ = new Set(['subject', 'from-name']);

/** One literal paragraph as a pattern: any run of spaces or line breaks between words, either kind of quote. */
function literalPattern(text: string): RegExp {
  const body = text
    .trim()
    .split(/\s+/)
    .map((word) =>
      word
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\\\{year\\\}/g, '\\d{4}')
        .replace(/['’]/g, "['’]")
        .replace(/["“”]/g, '["“”]'),
    )
    .join('\\s+');
  // Only a paragraph that stands on its own lines: text written before or after it on the same line stays read.
  return new RegExp(`(?<=^|\\n)[ \\t]*${body}[ \\t]*(?=\\r?\\n|$)`, 'g');
}

const TEMPLATES = new Map<string, RegExp[]>(
  Object.entries(data.templates as Record<string, { platformText: string[] }>).map(([id, t]) => [id, t.platformText.map(literalPattern)]),
);

/** The paragraphs a platform's template writes itself, by platform rule id (none for an unknown platform). */
export function platformText(ruleId: string): readonly RegExp[] {
  return TEMPLATES.get(ruleId) ?? [];
}

/** Start of the line before `start` and end of the line after `end`: where a number would belong to the paragraph. */
function neighbourhood(text: string, start: number, end: number): [number, number] {
  const lineBefore = text.lastIndexOf('\n', Math.max(0, text.lastIndexOf('\n', start - 1) - 1));
  const afterEnd = text.indexOf('\n', end + 1);
  return [lineBefore < 0 ? 0 : lineBefore, afterEnd < 0 ? text.length : afterEnd];
}

/**
 * The text the platform's users wrote: each part with the platform's own paragraphs (footers, help lines, "if you
 * don't recognise this" notices) blanked to spaces of the same length, so phone offsets stay valid. A paragraph
 * next to a phone number is kept: an attacker may have written the number to complete the platform's sentence.
 */
export function userWrittenParts(parts: readonly TextPart[], template: readonly RegExp[], phones: readonly PhoneFinding[]): TextPart[] {
  if (template.length === 0) return [...parts];
  return parts.map((part) => {
    if (ALWAYS_READ.has(part.id)) return part;
    const near = phones.filter((p) => p.part === part.id);
    let text = part.text;
    for (const pattern of template) {
      text = text.replace(pattern, (found: string, offset: number) => {
        const [from, to] = neighbourhood(part.text, offset, offset + found.length);
        if (near.some((p) => p.end > from && p.start < to)) return found;
        return ' '.repeat(found.length);
      });
    }
    return text === part.text ? part : { id: part.id, text };
  });
}

/** Numbers still in the user-written text (a number inside a paragraph set aside is the platform's own). */
export function phonesInUserText(parts: readonly TextPart[], phones: readonly PhoneFinding[]): PhoneFinding[] {
  const byId = new Map(parts.map((p) => [p.id, p.text]));
  return phones.filter((p) => {
    const text = byId.get(p.part);
    return text === undefined || text.slice(p.start, p.end).trim() !== '';
  });
}
