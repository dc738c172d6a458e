// Reads the header block of a raw RFC 5322 message (as received, in order). Bounded.
import type { Header } from '../../shared/types.ts';

const MAX_HEADER_BYTES = 256 * 1024;
const MAX_HEADERS = 500;

export function parseRawHeaders(raw: string): Header[] {
  const end = raw.search(/\r?\n\r?\n/);
  const block = (end === -1 ? raw : raw.slice(0, end)).slice(0, MAX_HEADER_BYTES);
  const headers: Header[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && headers.length > 0) {
      const last = headers[headers.length - 1]!;
      last.value += ' ' + line.trim();
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    if (!/^[!-9;-~]+$/.test(name)) continue;
    headers.push({ name, value: line.slice(colon + 1).trim() });
    if (headers.length >= MAX_HEADERS) break;
  }
  return headers;
}

export function headerValue(headers: readonly { name: string; value: string }[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower)?.value;
}

/** Reads at most `limit` characters of a response body. */
export async function readTextPrefix(response: Response, limit: number): Promise<string> {
  if (!response.body) return (await response.text()).slice(0, limit);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (text.length < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel().catch(() => {});
  return text.slice(0, limit);
}
