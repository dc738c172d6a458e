// Draws the Ringfence icon: a white ring on a deep-red rounded square, with a handset-shaped gap at the top.
import { encodePng } from './png.ts';

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

const BACKGROUND = [0xb4, 0x23, 0x18] as const;
const SUPERSAMPLE = 4;

/** Coverage of the shape at a point in unit coordinates (0..1): 0 transparent, 1 background, 2 ring. */
function shapeAt(x: number, y: number): 0 | 1 | 2 {
  const radius = 0.18;
  const dx = Math.max(Math.abs(x - 0.5) - (0.5 - radius), 0);
  const dy = Math.max(Math.abs(y - 0.5) - (0.5 - radius), 0);
  if (dx * dx + dy * dy > radius * radius) return 0;
  const distance = Math.hypot(x - 0.5, y - 0.5);
  const angle = Math.atan2(y - 0.5, x - 0.5);
  const inGap = angle < -Math.PI * 0.35 && angle > -Math.PI * 0.65;
  if (distance > 0.24 && distance < 0.36 && !inGap) return 2;
  if (distance < 0.1) return 2;
  return 1;
}

export function drawIcon(size: number): Buffer {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let background = 0;
      let ring = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const hit = shapeAt((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size);
          if (hit === 1) background++;
          if (hit === 2) ring++;
        }
      }
      const samples = SUPERSAMPLE * SUPERSAMPLE;
      const covered = background + ring;
      const o = (py * size + px) * 4;
      if (covered === 0) continue;
      const white = ring / covered;
      rgba[o] = Math.round(BACKGROUND[0] + (255 - BACKGROUND[0]) * white);
      rgba[o + 1] = Math.round(BACKGROUND[1] + (255 - BACKGROUND[1]) * white);
      rgba[o + 2] = Math.round(BACKGROUND[2] + (255 - BACKGROUND[2]) * white);
      rgba[o + 3] = Math.round((255 * covered) / samples);
    }
  }
  return encodePng(size, size, rgba);
}
