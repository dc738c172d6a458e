// What a reader sees of an RTF body (Outlook's PR_RTF_COMPRESSED, once decompressed): the HTML that
// `\fromhtml1` encapsulates (MS-OXRTFEX: `{\*\htmltag …}` groups and text outside `\htmlrtf` runs), or the text
// of any other RTF: groups, `\par`, `\'hh` bytes in the document's code page, `\uN` with its `\ucN` fallback
// skipped; font and colour tables, pictures, objects, field instructions and unknown `\*` destinations left out.

export interface RtfBody {
  /** Set when the RTF encapsulates HTML. */
  html?: string;
  text?: string;
}

/** Destinations whose content is never text a reader sees. */
const SKIPPED = new Set([
  'fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'object', 'objdata', 'nonshppict', 'listtable', 'listoverridetable',
  'rsidtbl', 'generator', 'xmlnstbl', 'themedata', 'colorschememapping', 'latentstyles', 'datastore', 'fldinst', 'filetbl',
  'revtbl', 'userprops', 'mmathPr', 'pgdsctbl', 'fchars', 'lchars', 'ftnsep', 'ftnsepc', 'aftnsep', 'aftnsepc', 'template',
  'header', 'headerl', 'headerr', 'headerf', 'footer', 'footerl', 'footerr', 'footerf', 'bkmkstart', 'bkmkend', 'mhtmltag',
]);

const SYMBOLS: Record<string, string> = {
  par: '\n', line: '\n', sect: '\n', page: '\n', row: '\n', tab: '\t', cell: '\t',
  emdash: '\u2014', endash: '\u2013', bullet: '\u2022', lquote: '\u2018', rquote: '\u2019', ldblquote: '\u201c', rdblquote: '\u201d',
  emspace: ' ', enspace: ' ', qmspace: ' ',
};

/** \fcharsetN → Windows code page. */
const CHARSET_PAGES: Record<number, number> = { 128: 932, 129: 949, 134: 936, 136: 950, 161: 1253, 162: 1254, 163: 1258, 177: 1255, 178: 1256, 186: 1257, 204: 1251, 222: 874, 238: 1250 };

interface GroupState {
  skip: boolean;
  /** Characters of fallback after each \uN. */
  uc: number;
  /** Inside `\htmlrtf` (RTF-only text of encapsulated HTML). */
  htmlrtf: boolean;
  htmltag: boolean;
  /** Code page of the current font, when its charset names one. */
  page: number | undefined;
  /** Inside the font table: \fN \fcharsetM pairs are read there. */
  fonttbl: boolean;
}

/** Reads decompressed RTF bytes; throws for bytes that are not RTF. */
export function rtfBody(bytes: Uint8Array): RtfBody {
  const rtf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!/^\s*\{\\rtf/.test(rtf)) throw new Error('the RTF body does not start with {\\rtf');
  const html = /\\fromhtml1?(?![a-z])/.test(rtf.slice(0, 2048));
  const fontPages = new Map<number, number>();
  let documentPage = 1252;
  let state: GroupState = { skip: false, uc: 1, htmlrtf: false, htmltag: false, page: undefined, fonttbl: false };
  const stack: GroupState[] = [];
  const out: string[] = [];
  let bytesRun: number[] = [];
  let fallback = 0; // characters still to skip after a \uN
  let groupStart = false; // the next control word opens the group (a destination)
  let starred = false; // `\*` came first: an optional destination
  let fontNumber = -1;

  const visible = () => !state.skip && (!html || state.htmltag || !state.htmlrtf);
  const flushBytes = () => {
    if (bytesRun.length) out.push(decode(bytesRun, state.page ?? documentPage));
    bytesRun = [];
  };
  const emit = (text: string) => {
    if (fallback > 0) {
      fallback--;
      return;
    }
    if (!visible()) return;
    flushBytes();
    out.push(text);
  };

  for (let i = 0; i < rtf.length; i++) {
    const c = rtf[i]!;
    if (c === '{') {
      flushBytes();
      stack.push(state);
      state = { ...state };
      groupStart = true;
      starred = false;
      fallback = 0;
      continue;
    }
    if (c === '}') {
      flushBytes();
      state = stack.pop() ?? state;
      groupStart = false;
      fallback = 0;
      continue;
    }
    if (c === '\r' || c === '\n') continue;
    if (c !== '\\') {
      groupStart = false;
      emit(c);
      continue;
    }
    const next = rtf[i + 1] ?? '';
    if (/[a-zA-Z]/.test(next)) {
      const word = /^([a-zA-Z]{1,32})(-?\d{1,10})? ?/.exec(rtf.slice(i + 1, i + 48))!;
      i += word[0].length;
      const name = word[1]!;
      const param = word[2] === undefined ? undefined : Number(word[2]);
      if (groupStart) {
        groupStart = false;
        if (name === 'htmltag' && html) state.htmltag = true;
        else if (SKIPPED.has(name) || (starred && !KNOWN_STARRED.has(name))) state.skip = true;
        if (name === 'fonttbl') state.fonttbl = true;
      }
      if (name === 'bin' && param !== undefined) {
        i += Math.max(0, param);
        continue;
      }
      if (name === 'u' && param !== undefined) {
        fallback = 0;
        emit(String.fromCharCode(param < 0 ? param + 65536 : param));
        fallback = state.uc; // the next N characters stand in for it in readers without Unicode
        continue;
      }
      if (name === 'uc' && param !== undefined) state.uc = Math.max(0, param);
      else if (name === 'ansicpg' && param !== undefined) documentPage = param;
      else if (name === 'htmlrtf') state.htmlrtf = param !== 0;
      else if (name === 'f' && param !== undefined) {
        if (state.fonttbl) fontNumber = param;
        else {
          flushBytes();
          state.page = fontPages.get(param);
        }
      } else if (name === 'fcharset' && param !== undefined && state.fonttbl && CHARSET_PAGES[param]) fontPages.set(fontNumber, CHARSET_PAGES[param]!);
      else if (SYMBOLS[name] !== undefined) emit(SYMBOLS[name]!);
      continue;
    }
    i++; // a control symbol
    if (next === '*') {
      starred = groupStart;
      continue;
    }
    groupStart = false;
    if (next === "'") {
      const hex = rtf.slice(i + 1, i + 3);
      i += 2;
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) continue;
      if (fallback > 0) fallback--;
      else if (visible()) bytesRun.push(parseInt(hex, 16));
      continue;
    }
    if (next === '\\' || next === '{' || next === '}') emit(next);
    else if (next === '~') emit('\u00a0');
    else if (next === '_') emit('-');
    else if (next === '\r' || next === '\n') emit('\n');
  }
  flushBytes();
  const text = out.join('');
  return html ? { html: text } : { text: text.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim() };
}

/** `\*` destinations that hold visible text (the rest of the starred ones are skipped). */
const KNOWN_STARRED = new Set(['htmltag']);

const decoders = new Map<number, TextDecoder>();
const PAGE_LABELS: Record<number, string> = { 932: 'shift_jis', 936: 'gbk', 949: 'euc-kr', 950: 'big5', 65001: 'utf-8', 10000: 'macintosh' };

/** Bytes of `\'hh` escapes in a Windows code page (Windows-1252 when the page is unknown). */
function decode(bytes: number[], page: number): string {
  let decoder = decoders.get(page);
  if (!decoder) {
    try {
      decoder = new TextDecoder(PAGE_LABELS[page] ?? `windows-${page}`);
    } catch {
      decoder = new TextDecoder('windows-1252');
    }
    decoders.set(page, decoder);
  }
  return decoder.decode(new Uint8Array(bytes));
}
