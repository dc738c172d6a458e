import type { FeedFormat } from './types.ts';
import { CSV_COLUMNS, headerKey } from './csv-columns.ts';
import { parseNumberOrBlock, stripComment } from './parse-text-line.ts';

/** Which format a JSON document is: native when it says so, MISP when shaped like an event or export. */
export function detectJsonFormat(document: unknown): FeedFormat | undefined {
  if (Array.isArray(document)) return 'misp';
  if (typeof document !== 'object' || document === null) return undefined;
  const root = document as Record<string, unknown>;
  if ((typeof root.format === 'string' && root.format.startsWith('ringfence-feed')) || 'entries' in root) {
    return 'ringfence';
  }
  if ('Event' in root || 'response' in root || 'Attribute' in root || 'Object' in root) return 'misp';
  return undefined;
}

/** JSON when the text opens with { or [; otherwise plain text when its first line is a number, else CSV. */
export function detectTextFormat(text: string): 'json' | 'text' | 'csv' {
  const start = text.search(/\S/);
  if (start >= 0 && (text[start] === '{' || text[start] === '[')) return 'json';
  const first = firstContentLine(text);
  if (first === undefined) return 'text';
  if (!('error' in parseNumberOrBlock(first, 'scam', 'US'))) return 'text';
  if (/[,\t;]/.test(first)) return 'csv';
  return (CSV_COLUMNS.number as readonly string[]).includes(headerKey(first)) ? 'csv' : 'text';
}

function firstContentLine(text: string): string | undefined {
  let offset = 0;
  while (offset < text.length) {
    const end = text.indexOf('\n', offset);
    const line = text.slice(offset, end < 0 ? text.length : end);
    const content = stripComment(line);
    if (content.length > 0) return content;
    if (end < 0) break;
    offset = end + 1;
  }
  return undefined;
}
