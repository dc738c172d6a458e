// Inline checks of the options page's fields, one line at a time, so that each refusal says which line and why.
import { normalizeNumber } from '../../shared/feed/normalize-number.ts';

export interface LineProblem {
  /** 1-based line number, as the reader counts. */
  line: number;
  text: string;
  kind: 'number' | 'url';
}

export interface LineCheck {
  values: string[];
  problems: LineProblem[];
}

/** Trusted numbers: each non-empty line must be one phone number; kept in E.164. */
export function checkNumberLines(text: string, defaultRegion = 'US'): LineCheck {
  return checkLines(text, 'number', (line) => normalizeNumber(line, defaultRegion));
}

/** Feeds: each non-empty line must be an https (or local http) web address. */
export function checkFeedLines(text: string): LineCheck {
  return checkLines(text, 'url', (line) => {
    try {
      const url = new URL(line);
      const local = url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
      return url.protocol === 'https:' || local ? url.href : undefined;
    } catch {
      return undefined;
    }
  });
}

function checkLines(text: string, kind: LineProblem['kind'], accept: (line: string) => string | undefined): LineCheck {
  const values: string[] = [];
  const problems: LineProblem[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const value = accept(line);
    if (value === undefined) problems.push({ line: index + 1, text: line.length > 60 ? `${line.slice(0, 59)}…` : line, kind });
    else if (!values.includes(value)) values.push(value);
  });
  return { values, problems };
}
