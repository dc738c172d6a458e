// The pictures a message shows that the page has already loaded (inline images, attachment previews), for
// OCR in the extension's OCR document. Only same-origin, data: and blob: pictures are read (no request leaves
// the webmail's own origin), only big enough to hold text, and bounded in number and size.
import type { PageImage } from '../lib/messages.ts';
import { toBase64 } from '../offscreen/ocr-protocol.ts';

const MAX_IMAGES = 4;
const MAX_BYTES = 8 * 1024 * 1024;
const MIN_SIDE = 48;
const MIN_PIXELS = 40_000;

function readable(img: HTMLImageElement): boolean {
  if (!img.complete || Math.min(img.naturalWidth, img.naturalHeight) < MIN_SIDE) return false;
  if (img.naturalWidth * img.naturalHeight < MIN_PIXELS) return false;
  const src = img.currentSrc || img.src;
  if (src.startsWith('data:') || src.startsWith('blob:')) return true;
  try {
    return new URL(src, location.href).origin === location.origin;
  } catch {
    return false;
  }
}

export async function readPageImages(root: Element, signal: AbortSignal): Promise<PageImage[]> {
  const images: PageImage[] = [];
  const seen = new Set<string>();
  for (const img of root.querySelectorAll('img')) {
    if (images.length >= MAX_IMAGES || signal.aborted) break;
    const src = img.currentSrc || img.src;
    if (seen.has(src) || !readable(img)) continue;
    seen.add(src);
    try {
      const response = await fetch(src, { credentials: 'include', signal });
      const blob = await response.blob();
      if (!response.ok || blob.size > MAX_BYTES || !blob.type.startsWith('image/')) continue;
      const name = img.getAttribute('alt')?.trim() || new URL(src, location.href).pathname.split('/').pop() || `image-${images.length + 1}`;
      images.push({ name, mediaType: blob.type, base64: toBase64(new Uint8Array(await blob.arrayBuffer())) });
    } catch {
      // A picture that cannot be read again is left out; the text verdict stands.
    }
  }
  return images;
}
