import { htmlToText } from './html-to-text.ts';

export interface CalendarText {
  /** What an invitation shows: summary, location, description, comments (one per line group). */
  visible: string;
  /** Hidden text of HTML descriptions (X-ALT-DESC). */
  hidden: string;
}

/** Properties whose values a calendar client shows to the invitee. */
const SHOWN = new Set(['SUMMARY', 'LOCATION', 'DESCRIPTION', 'COMMENT']);
const HTML_DESCRIPTION = 'X-ALT-DESC';
const LOOKS_LIKE_HTML = /<\/?(?:p|br|div|span|a|b|i|u|ul|ol|li|table|tr|td|font|strong|em|h[1-6]|html|body)\b/i;

/** Undoes RFC 5545 line folding: a line break followed by one space or tab continues the line. */
export function unfoldIcs(ics: string): string {
  return ics.replace(/\r?\n[ \t]/g, '');
}

/** Undoes RFC 5545 TEXT escaping: \n \N \, \; \\. */
export function unescapeIcsText(value: string): string {
  return value.replace(/\\([nN,;\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Index of the ":" that ends a content line's name and parameters (quoted parameter values may hold ":"). */
function valueStart(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 58 && !quoted) return i;
  }
  return -1;
}

function normalized(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Extracts the text an invitee sees from an iCalendar (RFC 5545) object. */
export function calendarText(ics: string): CalendarText {
  const shown: string[] = [];
  const hidden: string[] = [];
  const seen = new Set<string>();
  const add = (text: string) => {
    const key = normalized(text);
    if (key === '' || seen.has(key)) return;
    seen.add(key);
    shown.push(text.trim());
  };
  for (const line of unfoldIcs(ics).split(/\r?\n/)) {
    const colon = valueStart(line);
    if (colon <= 0) continue;
    const head = line.slice(0, colon);
    const semicolon = head.indexOf(';');
    const name = (semicolon < 0 ? head : head.slice(0, semicolon)).trim().toUpperCase();
    if (!SHOWN.has(name) && name !== HTML_DESCRIPTION) continue;
    const value = unescapeIcsText(line.slice(colon + 1));
    // Calendar clients (Google Calendar among them) render descriptions written in HTML.
    if (name === HTML_DESCRIPTION || LOOKS_LIKE_HTML.test(value)) {
      const rendered = htmlToText(value);
      add(rendered.visible);
      if (rendered.hidden) hidden.push(rendered.hidden);
    } else {
      add(value);
    }
  }
  return { visible: shown.join('\n\n'), hidden: hidden.join('\n') };
}
