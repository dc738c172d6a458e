// Element categories for rendering HTML to text. Data only; see html-to-text.ts for how each is used.

/** Elements laid out as blocks: their start and end break the line. */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul', 'option', 'select', 'textarea', 'xmp',
]);

/** Table cells: separated from their neighbours by a space. */
export const CELL_ELEMENTS: ReadonlySet<string> = new Set(['td', 'th']);

/** Elements that never have content. */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  'area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'image', 'img', 'input',
  'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

/** Elements whose content is raw text up to their end tag. */
export const RAW_TEXT: ReadonlySet<string> = new Set([
  'script', 'style', 'title', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'template',
]);

/** Raw-text elements whose content a reader never sees. */
export const DROPPED_CONTENT: ReadonlySet<string> = new Set([
  'script', 'style', 'title', 'iframe', 'noembed', 'noframes', 'noscript', 'template',
]);

/** Elements that may sit in <head> without closing it. */
export const HEAD_ELEMENTS: ReadonlySet<string> = new Set([
  'base', 'basefont', 'bgsound', 'link', 'meta', 'noscript', 'script', 'style', 'template', 'title',
]);

/** Elements that limit how far an implied </p>, </li> or </a> reaches (HTML "scope"). */
export const SCOPE_BOUNDARIES: ReadonlySet<string> = new Set([
  'applet', 'button', 'caption', 'html', 'marquee', 'object', 'table', 'td', 'th', 'template',
]);

/** Elements whose whitespace is kept as written. */
export const PREFORMATTED: ReadonlySet<string> = new Set(['pre', 'listing', 'textarea', 'xmp', 'plaintext']);
