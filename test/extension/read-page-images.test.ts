// @vitest-environment happy-dom
// Which pictures of a message count for OCR: loaded ones from the webmail's own origin, data: or blob:, big
// enough to hold text; and, when the message is opened, ones still coming from such a source (or without a
// source yet, as Outlook sets blob: URLs later). A picture from another host (an image proxy) never counts.
import { describe, expect, it } from 'vitest';
import { showsPictures } from '../../extension/content/read-page-images.ts';

function picture(src: string | null, state: { complete: boolean; width?: number; height?: number }): HTMLElement {
  const root = document.createElement('div');
  const img = document.createElement('img');
  if (src !== null) img.setAttribute('src', src);
  Object.defineProperty(img, 'complete', { value: state.complete });
  Object.defineProperty(img, 'naturalWidth', { value: state.width ?? 0 });
  Object.defineProperty(img, 'naturalHeight', { value: state.height ?? 0 });
  root.append(img);
  return root;
}

describe('showsPictures', () => {
  it('counts a loaded picture of the page\'s origin, data: or blob:, big enough to hold text', () => {
    expect(showsPictures(picture(`${location.origin}/attachment?id=1`, { complete: true, width: 1000, height: 300 }))).toBe(true);
    expect(showsPictures(picture('blob:https://outlook.office.com/3f2a', { complete: true, width: 1000, height: 300 }))).toBe(true);
    expect(showsPictures(picture(`${location.origin}/logo.png`, { complete: true, width: 40, height: 40 }))).toBe(false);
  });

  it('counts a picture still coming from a readable source, or without a source yet', () => {
    expect(showsPictures(picture(null, { complete: true }))).toBe(true);
    expect(showsPictures(picture(`${location.origin}/attachment?id=2`, { complete: false }))).toBe(true);
  });

  it('does not count pictures from other hosts, loaded or still loading', () => {
    expect(showsPictures(picture('https://ci3.googleusercontent.com/proxy/abc', { complete: false }))).toBe(false);
    expect(showsPictures(picture('https://ci3.googleusercontent.com/proxy/abc', { complete: true, width: 1000, height: 300 }))).toBe(false);
    expect(showsPictures(document.createElement('div'))).toBe(false);
  });
});
