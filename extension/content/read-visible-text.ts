// Reads a rendered message body: visible text (what the reader sees), hidden text (kept apart, never
// dialled), and links. Bounded, so a huge message cannot stall the page.
import type { Link } from '../../shared/types.ts';

export const MAX_TEXT_CHARS = 200_000;
const MAX_ELEMENTS = 20_000;
const MAX_LINKS = 500;

export interface BodyText {
  text: string;
  hiddenText: string;
  links: Link[];
}

const BLOCK_DISPLAYS = /^(block|flex|grid|list-item|table|table-row|table-caption|flow-root)$/;
const CELL_DISPLAYS = /^table-cell$/;
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'RINGFENCE-BANNER', 'HEAD']);

export function readVisibleText(root: Element): BodyText {
  const visible: string[] = [];
  const hidden: string[] = [];
  let visibleLength = 0;
  let hiddenLength = 0;
  let elements = 0;

  const pushVisible = (s: string) => {
    if (visibleLength >= MAX_TEXT_CHARS) return;
    visible.push(s);
    visibleLength += s.length;
  };

  const walk = (node: Node, hiddenAncestor: boolean): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      const value = node.nodeValue ?? '';
      if (!value) return;
      if (hiddenAncestor) {
        if (hiddenLength < MAX_TEXT_CHARS) {
          hidden.push(value);
          hiddenLength += value.length;
        }
      } else pushVisible(value);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node as Element;
    if (SKIPPED_TAGS.has(el.tagName) || ++elements > MAX_ELEMENTS) return;
    if (visibleLength >= MAX_TEXT_CHARS && hiddenLength >= MAX_TEXT_CHARS) return;
    if (el.tagName === 'BR') {
      if (!hiddenAncestor) pushVisible('\n');
      return;
    }
    const style = hiddenAncestor ? null : getComputedStyle(el);
    const isHidden = hiddenAncestor || (style !== null && isHiddenElement(el, style));
    const display = style?.display ?? '';
    const block = !isHidden && BLOCK_DISPLAYS.test(display);
    if (block) pushVisible('\n');
    for (let child = el.firstChild; child; child = child.nextSibling) walk(child, isHidden);
    if (block) pushVisible('\n');
    else if (!isHidden && CELL_DISPLAYS.test(display)) pushVisible('\t');
  };

  walk(root, false);
  return {
    text: tidy(visible.join('')).slice(0, MAX_TEXT_CHARS),
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
