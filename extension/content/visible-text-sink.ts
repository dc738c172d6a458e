// Collects the visible text of a body as it would render: whitespace collapsed (a run of spaces is one
// space, at most one blank line), runs of invisible format characters (zero-width spaces, soft hyphens,
// word joiners) kept only briefly as evidence. At most `max` characters: the first half, then the last
// part, so text padded at the start still yields what comes at the end.

/** Invisible characters kept in a row; the rest of a run is padding, not text. */
const INVISIBLE_RUN = 16;
const TOKENS = /([\u00ad\p{Cf}]+)|(\s+)|([^\s\u00ad\p{Cf}]+)/gu;

export class VisibleTextSink {
  private readonly headLimit: number;
  private readonly tailLimit: number;
  private readonly head: string[] = [];
  private headLength = 0;
  private tailParts: string[] = [];
  private tailLength = 0;
  private total = 0;
  /** The last character written (invisible characters aside); '' at the start. */
  private last = '';
  private newlines = 0;
  private invisibleRun = 0;

  constructor(max: number) {
    this.headLimit = Math.floor(max / 2);
    this.tailLimit = max - this.headLimit - 1;
  }

  /** A text node's value; `pre` keeps line breaks (white-space: pre and its kin). */
  text(value: string, pre: boolean): void {
    for (const [, invisible, space, word] of value.matchAll(TOKENS)) {
      if (word) {
        this.write(word);
        this.last = word[word.length - 1]!;
        this.newlines = 0;
        this.invisibleRun = 0;
      } else if (space) {
        if (pre && space.includes('\n')) this.separator('\n');
        else this.space();
      } else if (invisible) {
        const kept = invisible.slice(0, Math.max(0, INVISIBLE_RUN - this.invisibleRun));
        this.invisibleRun += invisible.length;
        if (kept) this.write(kept);
      }
    }
  }

  /** A line break (block boundary, <br>) or a tab (table cell). */
  separator(kind: '\n' | '\t'): void {
    if (kind === '\n') {
      if (this.newlines >= 2) return;
      this.newlines++;
    } else if (this.last === '' || this.last === '\n' || this.last === '\t') return;
    this.write(kind);
    this.last = kind;
  }

  /** Past the walk's node cap: the end of the whole body's text replaces what has not been read. */
  tail(rest: string): void {
    this.tailParts = [];
    this.tailLength = 0;
    this.total = Number.POSITIVE_INFINITY;
    this.last = '\n';
    this.text(rest.slice(-4 * this.tailLimit), false);
  }

  result(): string {
    const head = this.head.join('');
    const tail = this.tailParts.join('');
    if (this.total <= this.headLimit + this.tailLimit) return head + tail;
    return `${head}\n${tail.slice(-this.tailLimit)}`;
  }

  private space(): void {
    if (this.last === '' || this.last === ' ' || this.last === '\n' || this.last === '\t') return;
    this.write(' ');
    this.last = ' ';
  }

  private write(s: string): void {
    this.total += s.length;
    if (this.headLength < this.headLimit) {
      const part = s.slice(0, this.headLimit - this.headLength);
      this.head.push(part);
      this.headLength += part.length;
      s = s.slice(part.length);
      if (!s) return;
    }
    this.tailParts.push(s);
    this.tailLength += s.length;
    if (this.tailLength > 2 * this.tailLimit) {
      const kept = this.tailParts.join('').slice(-this.tailLimit);
      this.tailParts = [kept];
      this.tailLength = kept.length;
    }
  }
}
