/** TextPart id of what OCR read in one attachment: reasons say where the number was seen. */
export function ocrPartId(attachmentName: string): string {
  return `ocr:${attachmentName}`;
}

// Recognisers read speckles as stray punctuation; a line of only such marks carries no words.
const NOISE_LINE = /^[\s\p{P}\p{S}]{0,3}$/u;

/** What the recogniser returned, shaped as visible text: lines trimmed, runs of spaces collapsed, noise lines dropped. */
export function shapeOcrText(raw: string): string {
  return raw
    .split(/\r?\n/)
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '' && !NOISE_LINE.test(line))
    .join('\n');
}
