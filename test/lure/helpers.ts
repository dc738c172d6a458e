import type { PhoneFinding, TextPart } from '../../shared/types.ts';
import { extractLure } from '../../shared/lure/index.ts';

/** A phone finding for the first occurrence of `raw` in `text`, as the phone extractor would report it. */
export function phoneIn(text: string, raw: string, e164: string, part = 'body'): PhoneFinding {
  const start = text.indexOf(raw);
  if (start < 0) throw new Error(`"${raw}" not in fixture`);
  return { e164, raw, part, start, end: start + raw.length };
}

export function body(text: string): TextPart[] {
  return [{ id: 'body', text }];
}

export function brandsIn(text: string, extraBrands: string[] = []): string[] {
  return extractLure(body(text), [], { extraBrands }).brands.map((b) => b.brand);
}

export function kindsIn(text: string, which: 'contexts' | 'triggers'): string[] {
  return [...new Set(extractLure(body(text), [])[which].map((h) => h.kind))];
}
