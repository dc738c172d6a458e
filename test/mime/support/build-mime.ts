// Builds MIME messages in tests, for content that is easier to generate than to write out (PDFs, big bodies).

export interface MimePart {
  headers: string[];
  body: string;
}

const CRLF = '\r\n';

export function base64Lines(bytes: Uint8Array): string {
  const encoded = Buffer.from(bytes).toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < encoded.length; i += 76) lines.push(encoded.slice(i, i + 76));
  return lines.join(CRLF);
}

export function message(headers: string[], body: string): string {
  const base = ['From: Sender <sender@example.test>', 'To: reader@example.test', 'Date: Fri, 07 Mar 2025 10:00:00 +0000', 'MIME-Version: 1.0'];
  const names = new Set(headers.map((h) => h.slice(0, h.indexOf(':')).toLowerCase()));
  const merged = [...base.filter((h) => !names.has(h.slice(0, h.indexOf(':')).toLowerCase())), ...headers];
  return merged.join(CRLF) + CRLF + CRLF + body;
}

export function multipart(boundary: string, parts: MimePart[]): string {
  return parts.map((p) => `--${boundary}${CRLF}${p.headers.join(CRLF)}${CRLF}${CRLF}${p.body}${CRLF}`).join('') + `--${boundary}--${CRLF}`;
}

export function pdfPart(name: string, pdf: Uint8Array, mediaType = 'application/pdf'): MimePart {
  return {
    headers: [`Content-Type: ${mediaType}; name="${name}"`, `Content-Disposition: attachment; filename="${name}"`, 'Content-Transfer-Encoding: base64'],
    body: base64Lines(pdf),
  };
}

export function textPart(text: string, type = 'text/plain'): MimePart {
  return { headers: [`Content-Type: ${type}; charset=utf-8`], body: text };
}
