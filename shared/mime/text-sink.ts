const WHITESPACE_RUN = /[ \t\n\r\f]+/g;

function isHtmlSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
}

/** True when `text` holds whitespace other than single spaces (a run, a tab, a line break). */
function needsCollapse(text: string): boolean {
  let previousSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (previousSpace) return true;
      previousSpace = true;
    } else if (c === 9 || c === 10 || c === 13 || c === 12) {
      return true;
    } else {
      previousSpace = false;
    }
  }
  return false;
}

/**
 * Accumulates rendered text the way a browser lays it out: whitespace runs collapse to one space,
 * block boundaries become line breaks (at most one blank line), inline boundaries add nothing.
 */
export class TextSink {
  private readonly chunks: string[] = [];
  private empty = true;
  private pendingBreaks = 0;
  private pendingLineBreaks = 0;
  private pendingSpace = false;

  /** Requests `count` line breaks before the next text (block boundary; does not add up). */
  blockBreak(count: number): void {
    if (count > this.pendingBreaks) this.pendingBreaks = count;
  }

  /** A `<br>`: each one adds a line break. */
  lineBreak(): void {
    this.pendingLineBreaks++;
  }

  /** A separator that renders as a space (table cells, inline-block boundaries). */
  space(): void {
    this.pendingSpace = true;
  }

  /** Adds text; returns what was appended (separator included) so callers can mirror it. */
  text(raw: string, preformatted: boolean): string {
    if (raw === '') return '';
    let body: string;
    if (preformatted) {
      body = raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/g, '\n');
    } else {
      const leadingSpace = isHtmlSpace(raw.charCodeAt(0));
      const trailingSpace = isHtmlSpace(raw.charCodeAt(raw.length - 1));
      body = needsCollapse(raw) ? raw.replace(WHITESPACE_RUN, ' ') : raw;
      if (leadingSpace) body = body.slice(1);
      if (trailingSpace && body.endsWith(' ')) body = body.slice(0, -1);
      if (leadingSpace) this.pendingSpace = true;
      if (body === '') return '';
      const appended = this.separator() + body;
      this.chunks.push(appended);
      this.empty = false;
      if (trailingSpace) this.pendingSpace = true;
      return appended;
    }
    const appended = this.separator() + body;
    this.chunks.push(appended);
    this.empty = false;
    return appended;
  }

  private separator(): string {
    const breaks = Math.min(2, Math.max(this.pendingBreaks, this.pendingLineBreaks));
    const space = this.pendingSpace;
    this.pendingBreaks = 0;
    this.pendingLineBreaks = 0;
    this.pendingSpace = false;
    if (this.empty) return '';
    if (breaks > 0) return '\n'.repeat(breaks);
    return space ? ' ' : '';
  }

  toString(): string {
    return this.chunks.join('').trim();
  }
}
