// Everything the CLI prints passes through here: message and feed text is hostile, and a terminal obeys
// escape sequences (window title, clear screen, cursor moves) and bidi overrides (text shown reversed).

/**
 * ESC and 8-bit C1 sequences, removed whole: CSI (ESC [ or 0x9B … final byte), OSC, DCS, SOS, PM and APC
 * (ESC ] P X ^ _ or 0x9D 0x90 0x98 0x9E 0x9F … up to BEL or ST, never past a line end), and two-byte ESC
 * sequences. Each part is a single character class, so matching is linear.
 */
const ESCAPE_SEQUENCE =
  /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?|\x1b[\x20-\x2f]*[\x30-\x7e]?/g;

/** C0 controls but tab and newline, DEL, C1 controls, bidi embeddings, overrides and isolates. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/** Text for a terminal, line breaks kept: escape sequences and other control characters removed. */
export function terminalText(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(CONTROL, '');
}

/** One field within a line (a file name, a sender, a reason): as terminalText, and line breaks become spaces. */
export function terminalLine(text: string): string {
  return terminalText(text).replace(/[\n\t]/g, ' ');
}

/** Characters JSON.stringify leaves raw that a terminal acts on or that reorder text. */
const JSON_UNSAFE = /[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/**
 * JSON text safe for a terminal and still the same data: JSON.stringify escapes C0 controls itself; DEL, C1
 * and bidi controls and the line separators are written as \uXXXX escapes too.
 */
export function terminalJson(value: unknown, space?: number): string {
  return escapeJsonText(JSON.stringify(value, null, space));
}

/** The same escaping for JSON text made elsewhere (a serialised feed). */
export function escapeJsonText(json: string): string {
  return json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Prints a line on standard output / standard error, made safe for the terminal. */
export function printOut(text: string): void {
  process.stdout.write(`${terminalText(text)}\n`);
}

export function printErr(text: string): void {
  process.stderr.write(`${terminalText(text)}\n`);
}
