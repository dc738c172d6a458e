import type { FeedParseResult, ParsedFeed } from './types.ts';
import type { ResolvedOptions } from './parse-options.ts';
import { FeedCollector } from './feed-collector.ts';
import { parseNumberOrBlock, stripComment } from './parse-text-line.ts';
import { isEmptyDirective } from './empty-directive.ts';
import { textLines } from './text-lines.ts';
import { STEP_SIZE, type Steps } from './steps.ts';

/**
 * Plain text: one number or `prefix*` block a line; `#` starts a comment; blank lines are ignored.
 * A `# empty` line says the feed has no entries on purpose.
 */
export function* parseText(text: string, options: ResolvedOptions): Steps<FeedParseResult> {
  const collector = new FeedCollector(options.limits);
  let empty = false;
  let count = 0;
  for (const { line, content: raw } of textLines(text)) {
    if (++count % STEP_SIZE === 0) yield;
    const content = stripComment(raw);
    if (content.length === 0) {
      if (!empty && isEmptyDirective(raw)) empty = true;
      continue;
    }
    const parsed = parseNumberOrBlock(content, options.verdict, options.defaultRegion);
    if ('error' in parsed) {
      collector.error(`line ${line}`, parsed.error);
      collector.rejected();
    } else collector.add(parsed);
  }
  const { entries, errors } = collector.result();
  const feed: ParsedFeed = { format: 'text', name: options.name, entries };
  if (empty && entries.length === 0) feed.empty = true;
  return { feed, errors };
}
