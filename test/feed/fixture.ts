import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../fixtures/feeds/${name}`, import.meta.url));
}

export function fixture(name: string): Uint8Array {
  return readFileSync(fixturePath(name));
}
