// An Outlook item's PR_RTF_COMPRESSED body (MS-OXRTFCP, LZFu or stored 'MELA'), decompressed with
// @kenjiuno/decompressrtf (pure JavaScript, BSD-2-Clause) and read by rtfBody.
import decompressModule from '@kenjiuno/decompressrtf';
import { rtfBody, type RtfBody } from './rtf-body.ts';

type Decompress = (input: number[]) => number[];
const decompressRTF: Decompress =
  (decompressModule as unknown as { decompressRTF?: Decompress; default?: { decompressRTF: Decompress } }).decompressRTF ??
  (decompressModule as unknown as { default: { decompressRTF: Decompress } }).default.decompressRTF;

/**
 * The header's RawSize (the decompressed length; the LZFu end marker may write past it), after checking that
 * CompSize fits the bytes there are and RawSize what they can hold: a corrupt header could have the
 * decompressor run on for gigabytes.
 */
function checkedRawSize(bytes: Uint8Array): number {
  if (bytes.length < 16) throw new Error('shorter than its 16-byte header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const compSize = view.getUint32(0, true);
  const raw = view.getUint32(4, true);
  if (compSize + 4 > bytes.length) throw new Error(`its header gives ${compSize + 4} bytes, the property holds ${bytes.length}`);
  // A control byte and eight 2-byte references (17 bytes) give at most 8 × 17 bytes: 8 per byte read.
  if (raw > bytes.length * 8 + 256) throw new Error(`its header gives an uncompressed size of ${raw} bytes, more than ${bytes.length} bytes can hold`);
  return raw;
}

/** HTML or text of a compressed RTF body; throws a readable Error when it cannot be read. */
export function rtfBodyOf(compressed: Uint8Array): RtfBody {
  let rtf: number[];
  try {
    const size = checkedRawSize(compressed);
    rtf = decompressRTF(Array.from(compressed)).slice(0, size);
  } catch (error) {
    throw new Error(`cannot read the message's compressed RTF body: ${(error as Error).message || String(error)}`);
  }
  try {
    return rtfBody(Uint8Array.from(rtf, (b) => b & 0xff));
  } catch (error) {
    throw new Error(`cannot read the message's RTF body: ${(error as Error).message}`);
  }
}
