import type { Link } from '../types.ts';
import { decodeHTML, decodeHTMLAttribute } from 'entities';
import { TextSink } from './text-sink.ts';
import { frameFor, rootFrame, isHidden, type Frame } from './render-frame.ts';
import { addStylesheet, emptyStyleRules, sheetStyleFor } from './stylesheet-rules.ts';
import { BLOCK_ELEMENTS, DROPPED_CONTENT, HEAD_ELEMENTS, RAW_TEXT, VOID_ELEMENTS } from './html-elements.ts';

export interface HtmlText {
  /** What a reader sees, laid out in lines. */
  visible: string;
  /** Text present in the markup that a reader cannot see (display:none, zero size, white on white ...). */
  hidden: string;
  /** Visible links, in order: href (entities decoded) and their visible text. */
  links: Link[];
}

// The only attributes rendering looks at; their values are entity-decoded once, where they are read.
const RENDER_ATTRIBUTES: ReadonlySet<string> = new Set(['style', 'hidden', 'color', 'bgcolor', 'background', 'href', 'class', 'id']);

const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();

// Chrome stops nesting the DOM at this depth (deeper elements attach at the limit); it also bounds memory.
const MAX_DEPTH = 512;
const MAX_LINKS = 5000;
const MAX_LINK_TEXT = 1000;

interface OpenLink {
  href: string;
  text: string;
  depth: number;
}

/**
 * Renders HTML to visible text without a DOM, in time linear in the input: one left-to-right pass of a
 * tolerant tokenizer, with the open-element stack carrying the inherited styles that decide visibility.
 */
export function htmlToText(html: string): HtmlText {
  return new Renderer(html).run();
}

class Renderer {
  private readonly visible = new TextSink();
  private readonly hidden = new TextSink();
  private readonly stack: Frame[] = [];
  private readonly openCounts = new Map<string, number>();
  private readonly links: Link[] = [];
  private readonly sheet = emptyStyleRules();
  private overflow = 0;
  private inHead = false;
  private lastWasHidden = false;
  private link: OpenLink | null = null;
  private pos = 0;

  constructor(private readonly html: string) {}

  run(): HtmlText {
    const s = this.html;
    let textStart = 0;
    let lt = s.indexOf('<');
    while (lt >= 0) {
      if (!startsMarkup(s.charCodeAt(lt + 1))) {
        // A "<" that starts no tag is text.
        lt = s.indexOf('<', lt + 1);
        continue;
      }
      if (lt > textStart) this.emitText(s.slice(textStart, lt));
      this.pos = lt;
      this.tag();
      textStart = this.pos;
      lt = s.indexOf('<', this.pos);
    }
    if (textStart < s.length) this.emitText(s.slice(textStart));
    this.closeLink();
    return { visible: this.visible.toString(), hidden: this.hidden.toString(), links: this.links };
  }

  private get top(): Frame {
    return this.stack[this.stack.length - 1] ?? rootFrame;
  }

  private tag(): void {
    const s = this.html;
    const at = this.pos;
    const next = s.charCodeAt(at + 1);
    if (next === 33 /* ! */) {
      if (s.startsWith('<!--', at)) {
        const end = s.indexOf('-->', at + 4);
        this.pos = end < 0 ? s.length : end + 3;
      } else {
        this.skipPast('>', at + 2);
      }
      return;
    }
    if (next === 63 /* ? */) {
      this.skipPast('>', at + 2);
      return;
    }
    if (next === 47 /* / */) {
      const nameStart = at + 2;
      if (!isAsciiLetter(s.charCodeAt(nameStart))) {
        this.skipPast('>', nameStart);
        return;
      }
      const nameEnd = this.nameEnd(nameStart);
      const name = s.slice(nameStart, nameEnd).toLowerCase();
      this.skipPast('>', nameEnd);
      this.endTag(name);
      return;
    }
    if (!isAsciiLetter(next)) {
      this.pos = at + 1;
      return;
    }
    const nameEnd = this.nameEnd(at + 1);
    const name = s.slice(at + 1, nameEnd).toLowerCase();
    const attributes = this.attributes(nameEnd);
    this.startTag(name, attributes);
    if (RAW_TEXT.has(name)) this.rawText(name);
  }

  private nameEnd(from: number): number {
    const s = this.html;
    let i = from;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c === 62 || c === 47 || isSpace(c)) break;
      i++;
    }
    return i;
  }

  private skipPast(char: string, from: number): void {
    const end = this.html.indexOf(char, from);
    this.pos = end < 0 ? this.html.length : end + 1;
  }

  /** Reads attributes up to and including ">", keeping the first value of each name. */
  private attributes(from: number): ReadonlyMap<string, string> {
    const s = this.html;
    let attributes: Map<string, string> | null = null;
    let i = from;
    while (i < s.length) {
      let c = s.charCodeAt(i);
      if (isSpace(c) || c === 47) {
        i++;
        continue;
      }
      if (c === 62) {
        i++;
        break;
      }
      const nameStart = i;
      i++;
      while (i < s.length) {
        c = s.charCodeAt(i);
        if (isSpace(c) || c === 47 || c === 62 || c === 61) break;
        i++;
      }
      const name = s.slice(nameStart, i).toLowerCase();
      const wanted = RENDER_ATTRIBUTES.has(name) && !attributes?.has(name);
      while (i < s.length && isSpace(s.charCodeAt(i))) i++;
      let value = '';
      if (s.charCodeAt(i) === 61 /* = */) {
        i++;
        while (i < s.length && isSpace(s.charCodeAt(i))) i++;
        const quote = s.charCodeAt(i);
        if (quote === 34 || quote === 39) {
          const close = s.indexOf(quote === 34 ? '"' : "'", i + 1);
          const end = close < 0 ? s.length : close;
          if (wanted) value = s.slice(i + 1, end);
          i = close < 0 ? s.length : close + 1;
        } else {
          const valueStart = i;
          while (i < s.length && !isSpace(s.charCodeAt(i)) && s.charCodeAt(i) !== 62) i++;
          if (wanted) value = s.slice(valueStart, i);
        }
      }
      if (wanted) (attributes ??= new Map()).set(name, decodeHTMLAttribute(value));
    }
    this.pos = i;
    return attributes ?? NO_ATTRIBUTES;
  }

  /** Content of script/style/textarea...: up to the matching end tag, searched case-insensitively. */
  private rawText(name: string): void {
    const s = this.html;
    let search = this.pos;
    let end = s.length;
    let after = s.length;
    for (;;) {
      const candidate = s.indexOf('</', search);
      if (candidate < 0) break;
      const nameEnd = candidate + 2 + name.length;
      if (s.slice(candidate + 2, nameEnd).toLowerCase() === name) {
        const c = s.charCodeAt(nameEnd);
        if (nameEnd >= s.length || c === 62 || c === 47 || isSpace(c)) {
          end = candidate;
          const close = s.indexOf('>', nameEnd);
          after = close < 0 ? s.length : close + 1;
          break;
        }
      }
      search = candidate + 2;
    }
    const content = s.slice(this.pos, end);
    this.pos = after;
    if (name === 'style') addStylesheet(this.sheet, content);
    if (!DROPPED_CONTENT.has(name)) {
      const text = name === 'textarea' || name === 'title' ? decodeHTML(content) : content;
      this.route(text, name === 'textarea' || name === 'xmp' || name === 'plaintext');
    }
    this.endTag(name);
  }

  private startTag(name: string, attributes: ReadonlyMap<string, string>): void {
    if (name === 'head') {
      this.inHead = true;
      return;
    }
    if (this.inHead && !HEAD_ELEMENTS.has(name)) this.inHead = false;
    if (this.inHead) {
      // Title, style and script content in the head is dropped by rawText; nothing else renders.
      if (RAW_TEXT.has(name)) this.pushFrame(frameFor(name, attributes, this.top, this.stack.length, true, ''));
      return;
    }
    if (name === 'html' || name === 'body') {
      if ((this.openCounts.get(name) ?? 0) > 0) return;
    }
    if (name === 'br') {
      this.sinkFor(this.top).lineBreak();
      return;
    }
    if (name === 'a') this.closeLink();

    const parent = this.top;
    const closeIndex = this.implicitClose(name, parent);
    if (closeIndex >= 0) this.popTo(closeIndex);

    const sheetStyle = sheetStyleFor(this.sheet, attributes.get('class'), attributes.get('id'));
    const frame = frameFor(name, attributes, this.top, this.stack.length, false, sheetStyle);
    this.boundary(frame);
    if (VOID_ELEMENTS.has(name)) {
      if (name === 'hr') this.sinkFor(frame).blockBreak(1);
      return;
    }
    this.pushFrame(frame);
    if (name === 'a' && !isHidden(frame)) {
      const href = attributes.get('href');
      if (href !== undefined && href.trim() !== '') {
        this.link = { href: href.trim(), text: '', depth: this.stack.length };
      }
    }
  }

  /** Index of the open element a new `name` start tag implicitly closes (e.g. <p> closes an open p), or -1. */
  private implicitClose(name: string, parent: Frame): number {
    if (name === 'li') return nearest(parent.scope.li, parent.scope.p);
    if (name === 'dd' || name === 'dt') return nearest(parent.scope.dd, parent.scope.p);
    if (name === 'td' || name === 'th') return parent.scope.cell;
    if (name === 'tr' || name === 'tbody' || name === 'thead' || name === 'tfoot') return parent.scope.row;
    if (name === 'option') return parent.scope.option;
    if (name === 'a') return parent.scope.a;
    if (BLOCK_ELEMENTS.has(name)) return parent.scope.p;
    return -1;
  }

  private pushFrame(frame: Frame): void {
    if (this.stack.length >= MAX_DEPTH) {
      this.overflow++;
      return;
    }
    this.stack.push(frame);
    this.openCounts.set(frame.name, (this.openCounts.get(frame.name) ?? 0) + 1);
  }

  private endTag(name: string): void {
    if (name === 'head') {
      this.inHead = false;
      return;
    }
    if (name === 'br') {
      this.sinkFor(this.top).lineBreak();
      return;
    }
    if (name === 'body' || name === 'html') return;
    if (this.overflow > 0) {
      this.overflow--;
      return;
    }
    if ((this.openCounts.get(name) ?? 0) === 0) {
      if (name === 'p') this.sinkFor(this.top).blockBreak(2);
      return;
    }
    for (let i = this.stack.length - 1; i >= 0; i--) {
      if ((this.stack[i] as Frame).name === name) {
        this.popTo(i);
        return;
      }
    }
  }

  /** Pops every frame from the top down to and including `index`. */
  private popTo(index: number): void {
    while (this.stack.length > index) {
      const frame = this.stack.pop() as Frame;
      this.openCounts.set(frame.name, (this.openCounts.get(frame.name) ?? 1) - 1);
      if (this.link && this.stack.length < this.link.depth) this.closeLink();
      this.boundary(frame);
    }
  }

  /** Line breaks or spaces an element's start or end produces. */
  private boundary(frame: Frame): void {
    if (frame.layout === 'inline') return;
    // A hidden box still breaks the visible line unless it has no box at all (display:none).
    const sinks = frame.hidden ? (frame.boxless ? [this.hidden] : [this.hidden, this.visible]) : [this.visible];
    for (const sink of sinks) {
      if (frame.layout === 'block') sink.blockBreak(frame.name === 'p' ? 2 : 1);
      else sink.space();
    }
  }

  private sinkFor(frame: Frame): TextSink {
    return isHidden(frame) ? this.hidden : this.visible;
  }

  private emitText(raw: string): void {
    if (this.inHead) {
      if (/^[ \t\n\r\f]*$/.test(raw)) return;
      this.inHead = false;
    }
    this.route(decodeHTML(raw), false);
  }

  private route(text: string, preformatted: boolean): void {
    const frame = this.top;
    const pre = preformatted || frame.pre;
    if (isHidden(frame)) {
      if (!this.lastWasHidden) this.hidden.blockBreak(1);
      if (this.hidden.text(text, pre) !== '') this.lastWasHidden = true;
      return;
    }
    if (text !== '') this.lastWasHidden = false;
    const appended = this.visible.text(text, pre);
    if (appended === '') return;
    if (this.link && this.link.text.length < MAX_LINK_TEXT) this.link.text += appended;
  }

  private closeLink(): void {
    const link = this.link;
    if (!link) return;
    this.link = null;
    if (this.links.length < MAX_LINKS) {
      this.links.push({ href: link.href, text: link.text.replace(/\s+/g, ' ').trim().slice(0, MAX_LINK_TEXT) });
    }
  }
}

/** The outermost of two open-element indices (-1 = none). */
function nearest(a: number, b: number): number {
  if (a < 0) return b;
  if (b < 0) return a;
  return Math.min(a, b);
}

function startsMarkup(c: number): boolean {
  return c === 33 || c === 47 || c === 63 || isAsciiLetter(c);
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
}
