import type { FeedParseResult } from './types.ts';
import type { ResolvedOptions } from './parse-options.ts';
import { FeedCollector } from './feed-collector.ts';
import { parseNumberOrBlock, stripComment } from './parse-text-line.ts';

/** Plain text: one number or `prefix*` block a line; `#` starts a comment; blank lines are ignored. */
export function parseText(text: string, options: ResolvedOptions): FeedParseResult {
  const collector = new FeedCollector();
  const lines = text.split(/\r\n|\n|\r/);
  lines.forEach((line, index) => {
    const content = stripComment(line);
    if (content.length === 0) return;
    const parsed = parseNumberOrBlock(content, options.verdict, options.defaultRegion);
    if ('error' in parsed) collector.error(`line ${index + 1}`, parsed.error);
    else collector.add(parsed);
  });
  const { entries, errors } = collector.result();
  return { feed: { format: 'text', name: options.name, entries }, errors };
}
