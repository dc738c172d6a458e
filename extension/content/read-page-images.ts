// The pictures a message shows that the page has already loaded (inline images, attachment previews), for
// OCR in the extension's OCR document. Only same-origin, data: and blob: pictures are read (no request leaves
// the webmail's own origin), only big enough to hold text, and bounded in number and size. Each goes to the
// worker as a data: URL (the browser encodes it; the worker decodes and checks it).
import type { PageImage } from '../lib/messages.ts';

const MAX_IMAGES = 4;
const MAX_BYTES = 8 * 1024 * 1024;
const MIN_SIDE = 48;
const MIN_PIXELS = 40_000;
/** How long a picture still loading is waited for. */
const LOAD_WAIT_MS = 5_000;

/** A source read again without a request leaving the webmail's origin. */
function ownSource(src: string): boolean {
  if (/^(data|blob):/.test(src)) return true;
  try {
    return new URL(src, location.href).origin === location.origin;
  } catch {
    return false;
  }
}

function readable(img: HTMLImageElement): boolean {
  if (!img.complete || Math.min(img.naturalWidth, img.naturalHeight) < MIN_SIDE) return false;
  if (img.naturalWidth * img.naturalHeight < MIN_PIXELS) return false;
  return ownSource(img.currentSrc || img.src);
}

/** A picture still coming: loading, or without a source yet (a webmail sets a blob: URL once it fetched the bytes). */
function coming(img: HTMLImageElement): boolean {
  return !img.complete || !img.getAttribute('src');
}

/** Still coming, from a source that can be read once it is there. */
function comingReadable(img: HTMLImageElement): boolean {
  return coming(img) && (!img.getAttribute('src') || ownSource(img.currentSrc || img.src));
}

/**
 * True when the element shows a picture that can be read: loaded and big enough, or still coming from a
 * source that can be read (pictures from other hosts, such as a webmail's image proxy, do not count).
 */
export function showsPictures(root: Element): boolean {
  for (const img of root.querySelectorAll('img')) {
    if (readable(img) || comingReadable(img)) return true;
  }
  return false;
}

function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/** Resolves once a picture still coming has loaded or failed, or after LOAD_WAIT_MS. */
function loaded(img: HTMLImageElement): Promise<void> {
  if (!comingReadable(img)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      img.removeEventListener('load', done);
      img.removeEventListener('error', done);
      resolve();
    };
    const timer = setTimeout(done, LOAD_WAIT_MS);
    img.addEventListener('load', done);
    img.addEventListener('error', done);
  });
}

export async function readPageImages(root: Element, signal: AbortSignal): Promise<PageImage[]> {
  const images: PageImage[] = [];
  const seen = new Set<string>();
  const all = [...root.querySelectorAll('img')];
  await Promise.all(all.map(loaded));
  for (const img of all) {
    if (images.length >= MAX_IMAGES || signal.aborted) break;
    const src = img.currentSrc || img.src;
    if (seen.has(src) || !readable(img)) continue;
    seen.add(src);
    try {
      const response = await fetch(src, { credentials: 'include', signal });
      const blob = await response.blob();
      if (!response.ok || blob.size > MAX_BYTES || !blob.type.startsWith('image/')) continue;
      const name = img.alt.trim() || new URL(src, location.href).pathname.split('/').pop() || `image-${images.length + 1}`;
      images.push({ name, dataUrl: await dataUrl(blob) });
    } catch {
      // A picture that cannot be read again is left out; the text verdict stands.
    }
  }
  return images;
}
