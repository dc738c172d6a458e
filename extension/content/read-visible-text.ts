// Reads a rendered message body: visible text (what the reader sees), hidden text (kept apart, never
// dialled), and links. Bounded, so a huge message cannot stall the page, and padded so it cannot blind it:
// caps count only what is rendered (collapsed whitespace, short runs of invisible characters), hidden
// subtrees are read in one go without being walked, and past a cap the later text is kept (scams put the
// number at the end).
import type { Link } from '../../shared/types.ts';
import { VisibleTextSink } from './visible-text-sink.ts';

export const MAX_TEXT_CHARS = 200_000;
/** Elements whose computed style is read; past this, visibility is judged from the markup alone. */
const MAX_STYLED_ELEMENTS = 10_000;
/** Nodes walked at all; past this, the end of the body's text stands in for the rest. */
const MAX_NODES = 1_000_000;
const MAX_LINKS = 500;

export interface BodyText {
  text: string;
  hiddenText: string;
  links: Link[];
}

const BLOCK_DISPLAYS = /^(block|flex|grid|list-item|table|table-row|table-caption|flow-root)$/;
const BLOCK_TAGS = /^(P|DIV|LI|TR|TABLE|UL|OL|H[1-6]|BLOCKQUOTE|SECTION|ARTICLE|HEADER|FOOTER|PRE|DL|DT|DD|CENTER|ADDRESS)$/;
const CELL_TAGS = /^(TD|TH)$/;
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'RINGFENCE-BANNER', 'HEAD']);
const PRE_WHITE_SPACE = /^(pre|pre-wrap|pre-line|break-spaces)$/;

/** What happens after an element's children were read. */
type After = '\n' | '\t' | '';
type Step = { node: Node; pre: boolean } | { after: After };

export function readVisibleText(root: Element): BodyText {
  const visible = new VisibleTextSink(MAX_TEXT_CHARS);
  const hidden: string[] = [];
  let hiddenLength = 0;
  let styled = 0;
  let nodes = 0;

  const addHidden = (text: string) => {
    if (hiddenLength >= MAX_TEXT_CHARS || !text.trim()) return;
    const part = text.slice(0, MAX_TEXT_CHARS - hiddenLength);
    hidden.push(part);
    hiddenLength += part.length;
  };

  // Depth-first, with an explicit stack: deeply nested markup cannot overflow the call stack.
  const stack: Step[] = [{ node: root, pre: false }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    if ('after' in step) {
      if (step.after) visible.separator(step.after);
      continue;
    }
    if (++nodes > MAX_NODES) {
      visible.tail(root.textContent ?? '');
      break;
    }
    const { node, pre } = step;
    if (node.nodeType === Node.TEXT_NODE) {
      visible.text(node.nodeValue ?? '', pre);
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const el = node as Element;
    if (SKIPPED_TAGS.has(el.tagName)) continue;
    if (el.tagName === 'BR') {
      visible.separator('\n');
      continue;
    }
    // Empty elements (<wbr>, <img>, <p></p>) show no text: not worth a style read, and not counted.
    if (!el.firstChild) continue;

    let after: After;
    let childPre = pre;
    if (styled < MAX_STYLED_ELEMENTS) {
      styled++;
      const style = getComputedStyle(el);
      if (isHiddenElement(el, style)) {
        addHidden(el.textContent ?? '');
        continue;
      }
      childPre = PRE_WHITE_SPACE.test(style.whiteSpace);
      after = BLOCK_DISPLAYS.test(style.display) ? '\n' : style.display === 'table-cell' ? '\t' : '';
    } else {
      if (isHiddenByMarkup(el)) {
        addHidden(el.textContent ?? '');
        continue;
      }
      childPre = pre || el.tagName === 'PRE';
      after = BLOCK_TAGS.test(el.tagName) ? '\n' : CELL_TAGS.test(el.tagName) ? '\t' : '';
    }
    if (after === '\n') visible.separator('\n');
    stack.push({ after });
    const children: Step[] = [];
    for (let child: ChildNode | null = el.firstChild; child; child = child.nextSibling) children.push({ node: child, pre: childPre });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }

  return {
    text: tidy(visible.result()),
    hiddenText: tidy(hidden.join(' ')).slice(0, MAX_TEXT_CHARS),
    links: readLinks(root),
  };
}

/** display:none, visibility:hidden, transparent, zero-size text, or text coloured like its background. */
function isHiddenElement(el: Element, style: CSSStyleDeclaration): boolean {
  if (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse') return true;
  if (Number.parseFloat(style.opacity) === 0) return true;
  if (Number.parseFloat(style.fontSize) < 2) return true;
  if (style.overflow === 'hidden' && (el as HTMLElement).offsetWidth === 0 && (el as HTMLElement).offsetHeight === 0) {
    return el.getClientRects().length === 0 || (el as HTMLElement).offsetHeight === 0;
  }
  return sameColour(style.color, style.backgroundColor);
}

/** Past the style budget: the hidden attribute and inline display:none / visibility:hidden. */
function isHiddenByMarkup(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const inline = (el.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
  return /(^|;)(display:none|visibility:hidden|opacity:0(;|$)|font-size:[01](px|pt)?(;|$))/.test(inline);
}

function sameColour(fg: string, bg: string): boolean {
  if (!bg || bg === 'rgba(0, 0, 0, 0)' || bg === 'transparent') return false;
  return fg.replace(/\s/g, '') === bg.replace(/\s/g, '');
}

function tidy(s: string): string {
  return s
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function readLinks(root: Element): Link[] {
  const links: Link[] = [];
  for (const a of root.querySelectorAll('a[href]')) {
    if (links.length >= MAX_LINKS) break;
    const href = a.getAttribute('href') ?? '';
    if (!href || href.startsWith('#')) continue;
    links.push({ href: realHref(href), text: (a.textContent ?? '').trim().slice(0, 500) });
  }
  return links;
}

/** Gmail wraps links as https://www.google.com/url?q=REAL; report the real destination. */
function realHref(href: string): string {
  try {
    const url = new URL(href, location.href);
    if (url.hostname === 'www.google.com' && url.pathname === '/url') return url.searchParams.get('q') ?? href;
    return url.href;
  } catch {
    return href;
  }
}
