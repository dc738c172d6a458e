// PR_RTF_COMPRESSED writers for tests (MS-OXRTFCP): LZFu with a greedy search of the 4096-byte dictionary
// (pre-filled with the spec's 207 bytes), and the stored 'MELA' form the spec also allows.

const INITIAL = Buffer.from(
  '{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx',
  'latin1',
);
const LZFU = 0x75465a4c;
const MELA = 0x414c454d;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The spec's CRC-32: initial value 0, no final inversion. */
function crc32(bytes: Uint8Array): number {
  let crc = 0;
  for (const b of bytes) crc = (CRC_TABLE[(crc ^ b) & 0xff]! ^ (crc >>> 8)) >>> 0;
  return crc;
}

function withHeader(type: number, rawSize: number, data: Uint8Array, crc: number): Uint8Array {
  const out = Buffer.alloc(16 + data.length);
  out.writeUInt32LE(12 + data.length, 0);
  out.writeUInt32LE(rawSize, 4);
  out.writeUInt32LE(type, 8);
  out.writeUInt32LE(crc, 12);
  out.set(data, 16);
  return new Uint8Array(out);
}

/** LZFu: literals, and references (up to 17 bytes) to earlier bytes within the dictionary window; an end marker last. */
export function compressRtf(rtf: string): Uint8Array {
  const data = Buffer.from(rtf, 'latin1');
  const full = Buffer.concat([INITIAL, data]);
  const tokens: (number | { ref: number })[] = [];
  for (let at = INITIAL.length; at < full.length; ) {
    let bestLength = 0;
    let bestFrom = 0;
    for (let from = Math.max(0, at - 4095); from < at; from++) {
      let length = 0;
      while (length < 17 && at + length < full.length && full[from + length] === full[at + length]) length++;
      if (length > bestLength) [bestLength, bestFrom] = [length, from];
    }
    if (bestLength >= 2) {
      tokens.push({ ref: ((bestFrom % 4096) << 4) | (bestLength - 2) });
      at += bestLength;
    } else tokens.push(full[at++]!);
  }
  tokens.push({ ref: (full.length % 4096) << 4 }); // end: a reference to where the next byte would go
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i += 8) {
    const run = tokens.slice(i, i + 8);
    out.push(run.reduce<number>((control, token, bit) => (typeof token === 'number' ? control : control | (1 << bit)), 0));
    for (const token of run) {
      if (typeof token === 'number') out.push(token);
      else out.push(token.ref >> 8, token.ref & 0xff);
    }
  }
  const compressed = new Uint8Array(out);
  return withHeader(LZFU, data.length, compressed, crc32(compressed));
}

/** The stored form: the RTF as it is behind the header ('MELA', CRC 0). */
export function storeRtf(rtf: string): Uint8Array {
  const data = new Uint8Array(Buffer.from(rtf, 'latin1'));
  return withHeader(MELA, data.length, data, 0);
}
