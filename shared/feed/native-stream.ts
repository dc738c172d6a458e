// Reads a native `ringfence-feed/1` document as it arrives, text chunk by text chunk: the items of
// "entries" are handed out one at a time as their text completes, the other (small) members are kept as
// text. Only an unfinished item or member is ever buffered, so a 130 MB feed never exists as one string.
// When the text turns out not to be a native document with "entries" (a MISP event, junk, a member too big
// to be feed metadata), the reader says so and the caller parses the whole text the old way.
import { FeedParseError } from './feed-parse-error.ts';
import { MAX_JSON_DEPTH } from './parse-json.ts';
import { skipSpace, stringEnd, syntax } from './json-text.ts';

/** Largest member other than "entries", and largest single entry, held while incomplete. */
export const MAX_STREAMED_VALUE_CHARS = 1024 * 1024;

type State = 'start' | 'first-key' | 'key' | 'colon' | 'value' | 'after-value' | 'items' | 'after-item' | 'done' | 'not-streamable';

export class NativeStream {
  private buffer = '';
  private state: State = 'start';
  private key = '';
  /** Consumed characters before `buffer` (for error positions). */
  private offset = 0;
  /** Top-level members other than "entries", as JSON text (a later duplicate wins, as in JSON.parse). */
  readonly members = new Map<string, string>();
  /** True once the "entries" array has begun: from then on the document is read as native. */
  entriesStarted = false;
  entriesEnded = false;
  items = 0;

  constructor(private readonly onItem: (json: string, index: number) => void) {}

  /** False when the document cannot be streamed (the caller reads the whole text instead). */
  get streamable(): boolean {
    return this.state !== 'not-streamable';
  }

  push(text: string): void {
    if (this.state === 'not-streamable') return;
    this.buffer += text;
    let i = 0;
    try {
      i = this.run(false);
    } finally {
      this.offset += i;
      this.buffer = this.buffer.slice(i);
    }
    if (this.buffer.length > MAX_STREAMED_VALUE_CHARS) this.tooBig();
  }

  /** The end of the text: everything must be complete. */
  end(): void {
    if (this.state === 'not-streamable') return;
    const i = this.run(true);
    if (!this.entriesStarted) {
      this.state = 'not-streamable';
      return;
    }
    if (this.state === 'done' && skipSpace(this.buffer, i) === this.buffer.length) return;
    throw syntax(this.state === 'done' ? 'unexpected text after the document' : 'the document ends too early', this.offset + i);
  }

  private tooBig(): void {
    if (!this.entriesStarted) {
      this.state = 'not-streamable';
      return;
    }
    const what = this.state === 'items' ? 'an entry' : `member "${this.key}"`;
    throw new FeedParseError('syntax', `${what} is larger than ${MAX_STREAMED_VALUE_CHARS / 1024 / 1024} MB; refused`);
  }

  /** Handles what the buffer holds; returns how many leading characters are consumed. */
  private run(final: boolean): number {
    const text = this.buffer;
    let i = 0;
    for (;;) {
      i = skipSpace(text, i);
      if (i >= text.length && this.state !== 'done') return i;
      switch (this.state) {
        case 'start':
          if (text[i] !== '{') {
            if (this.entriesStarted) throw syntax('expected "{"', this.offset + i);
            this.state = 'not-streamable';
            return i;
          }
          i++;
          this.state = 'first-key';
          break;
        case 'first-key':
        case 'key': {
          if (this.state === 'first-key' && text[i] === '}') {
            i++;
            this.state = 'done';
            break;
          }
          if (text[i] !== '"') throw syntax('expected a member name', this.offset + i);
          const end = valueEnd(text, i, 1, final);
          if (end < 0) return i;
          this.key = JSON.parse(text.slice(i, end)) as string;
          i = end;
          this.state = 'colon';
          break;
        }
        case 'colon':
          if (text[i] !== ':') throw syntax('expected ":"', this.offset + i);
          i++;
          this.state = 'value';
          break;
        case 'value': {
          if (this.key === 'entries' && text[i] === '[') {
            if (this.entriesStarted) throw syntax('"entries" appears twice', this.offset + i);
            this.entriesStarted = true;
            this.members.delete('entries');
            i++;
            this.state = 'items';
            break;
          }
          const end = valueEnd(text, i, 1, final);
          if (end < 0) return i;
          this.members.set(this.key, text.slice(i, end));
          i = end;
          this.state = 'after-value';
          break;
        }
        case 'after-value':
          if (text[i] === ',') {
            i++;
            this.state = 'key';
          } else if (text[i] === '}') {
            i++;
            this.state = 'done';
          } else throw syntax('expected "," or "}"', this.offset + i);
          break;
        case 'items': {
          if (text[i] === ']' && this.items === 0) {
            i++;
            this.entriesEnded = true;
            this.state = 'after-value';
            break;
          }
          const end = valueEnd(text, i, 2, final);
          if (end < 0) return i;
          this.onItem(text.slice(i, end), this.items++);
          i = end;
          this.state = 'after-item';
          break;
        }
        case 'after-item':
          if (text[i] === ',') {
            i++;
            this.state = 'items';
          } else if (text[i] === ']') {
            i++;
            this.entriesEnded = true;
            this.state = 'after-value';
          } else throw syntax('expected "," or "]"', this.offset + i);
          break;
        case 'done':
          return i;
        case 'not-streamable':
          return i;
      }
    }
  }
}


/** Index just past the JSON value at `start`, or -1 when the text ends before it does (more may come). */
function valueEnd(text: string, start: number, depth: number, final: boolean): number {
  const first = text.charCodeAt(start);
  if (first === 0x22) return stringEnd(text, start);
  if (first === 0x7b || first === 0x5b) {
    let level = 0;
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        const end = stringEnd(text, i);
        if (end < 0) return -1;
        i = end - 1;
      } else if (c === 0x7b || c === 0x5b) {
        if (++level + depth > MAX_JSON_DEPTH) throw new FeedParseError('syntax', `JSON is nested deeper than ${MAX_JSON_DEPTH} levels; refused`);
      } else if ((c === 0x7d || c === 0x5d) && --level === 0) return i + 1;
    }
    return -1;
  }
  let i = start;
  while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
  if (i === text.length && !final) return -1;
  if (i === start) throw syntax('expected a value', start);
  return i;
}
