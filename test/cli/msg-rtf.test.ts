// Outlook items whose only body is PR_RTF_COMPRESSED: the RTF is decompressed and read (encapsulated HTML,
// or the text of plain RTF), so the number in it is found and judged; a corrupt one is that message's error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { msgToEml } from '../../cli/input/msg-to-eml.ts';
import { rtfBody } from '../../cli/input/rtf-body.ts';
import { parseEml } from '../../shared/mime/parse-eml.ts';
import { main } from '../../cli/main.ts';
import { captureOutput } from '../feed/capture-output.ts';
import { buildMsg } from './support/build-msg.ts';
import { compressRtf, storeRtf } from './support/compress-rtf.ts';

/** Plain RTF as Word writes it: tables, a picture and a starred destination holding digits no reader sees. */
const PLAIN_RTF =
  '{\\rtf1\\ansi\\ansicpg1252\\deff0\\fromtext{\\fonttbl{\\f0\\fswiss\\fcharset0 Arial 2125550143;}{\\f1\\fnil\\fcharset204 Tahoma;}}' +
  '{\\colortbl;\\red255\\green0\\blue0;}{\\*\\generator Riched20 6175551234;}{\\*\\unknowndest 3125550199}' +
  '\\viewkind4\\uc1\\pard\\f0\\fs20 Dear customer,\\par\r\nYour Norton 360 subscription renewed for $399.99 at the Caf\\\'e9 desk.\\par\r\n' +
  'To cancel and get a refund, call Norton billing at +1 (804) 713\\u8209?4598 within 24 hours.\\par\r\n' +
  '{\\pict\\pngblip 89504e470d0a1a0a8047134599}\\f1\\\'cf\\\'f0\\\'e8\\\'e2\\\'e5\\\'f2 \\u-3913?\\tab done\\line}';

/** HTML encapsulated in RTF (\\fromhtml1): tags in \\*\\htmltag groups, RTF-only runs marked \\htmlrtf. */
const HTML_RTF =
  '{\\rtf1\\ansi\\ansicpg1252\\fromhtml1 \\fbidis \\deff0{\\fonttbl{\\f0\\fswiss Arial;}{\\f1\\fmodern Courier New;}}' +
  '{\\colortbl\\red0\\green0\\blue255;}\\uc1\\pard\\plain\r\n{\\*\\htmltag19 <html>}{\\*\\htmltag34 <body>}\r\n' +
  '{\\*\\htmltag64 <p>}\\htmlrtf {\\htmlrtf0 Your McAfee Total Protection renewed for $499.99. To cancel and get a refund, call \r\n' +
  '{\\*\\htmltag84 <b>}\\htmlrtf {\\b \\htmlrtf0 1\\\'2d888\\\'2d441\\\'2d4083\\htmlrtf }\\htmlrtf0 {\\*\\htmltag92 </b>} within 24 hours.\\htmlrtf\\par}\\htmlrtf0\r\n' +
  '{\\*\\htmltag72 </p>}\\htmlrtf {RTF-only 2125550143\\par}\\htmlrtf0 {\\*\\htmltag42 </body>}{\\*\\htmltag27 </html>}}';

const lureMsg = (compressedRtf: Uint8Array, subject = 'Your renewal') =>
  buildMsg({ subject, senderName: 'Billing', senderAddress: 'billing@renewals.example', body: '', compressedRtf });

describe('rtfBody', () => {
  it('reads the text of plain RTF: paragraphs, \\\'hh bytes in the font\'s code page, \\u with its fallback skipped, no tables or pictures', () => {
    const { text, html } = rtfBody(Buffer.from(PLAIN_RTF, 'latin1'));
    expect(html).toBeUndefined();
    expect(text).toBe(
      'Dear customer,\nYour Norton 360 subscription renewed for $399.99 at the Café desk.\n' +
        'To cancel and get a refund, call Norton billing at +1 (804) 713\u20114598 within 24 hours.\nПривет \uf0b7\tdone',
    );
  });

  it('de-encapsulates HTML: tags and HTML text kept, \\htmlrtf runs left out', () => {
    const { html } = rtfBody(Buffer.from(HTML_RTF, 'latin1'));
    expect(html).toBe('<html><body><p>Your McAfee Total Protection renewed for $499.99. To cancel and get a refund, call <b>1-888-441-4083</b> within 24 hours.</p></body></html>');
  });

  it('reads Shift-JIS bytes under \\ansicpg932 and refuses what is not RTF', () => {
    expect(rtfBody(Buffer.from("{\\rtf1\\ansi\\ansicpg932 \\'93\\'fa\\'96\\'7b}", 'latin1')).text).toBe('日本');
    expect(() => rtfBody(Buffer.from('not rtf'))).toThrow(/does not start with/);
  });
});

describe('.msg with only a compressed RTF body', () => {
  it('turns LZFu-compressed plain RTF into the message text', async () => {
    const message = await parseEml(msgToEml(lureMsg(compressRtf(PLAIN_RTF))));
    expect(message.text).toContain('call Norton billing at +1 (804) 713\u20114598 within 24 hours');
    expect(message.text).not.toMatch(/2125550143|6175551234|3125550199|8047134599/);
  });

  it('turns stored (MELA) and compressed encapsulated HTML into the HTML part', async () => {
    for (const rtf of [storeRtf(HTML_RTF), compressRtf(HTML_RTF)]) {
      const message = await parseEml(msgToEml(lureMsg(rtf)));
      expect(message.text).toContain('To cancel and get a refund, call 1-888-441-4083 within 24 hours.');
      expect(message.text).not.toContain('RTF-only');
    }
  });

  it('makes a corrupt compressed RTF a readable error', () => {
    const good = compressRtf(PLAIN_RTF);
    const wrongType = Uint8Array.from(good);
    wrongType[8] = 0x41;
    expect(() => msgToEml(lureMsg(wrongType))).toThrow(/compressed RTF body: Either COMPRESSED or UNCOMPRESSED/);
    const hugeSize = Uint8Array.from(good);
    new DataView(hugeSize.buffer).setUint32(4, 0x7fffffff, true);
    expect(() => msgToEml(lureMsg(hugeSize))).toThrow(/uncompressed size of 2147483647 bytes/);
    expect(() => msgToEml(lureMsg(storeRtf('garbage, not RTF')))).toThrow(/RTF body: the RTF body does not start/);
  });

  describe('ringfence scan', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'ringfence-msg-rtf-'));
      await writeFile(join(dir, 'a-text.msg'), lureMsg(compressRtf(PLAIN_RTF), 'Norton 360 renewal'));
      await writeFile(join(dir, 'b-html.msg'), lureMsg(compressRtf(HTML_RTF), 'McAfee renewal'));
      const corrupt = compressRtf(PLAIN_RTF);
      new DataView(corrupt.buffer).setUint32(0, 0x7ffffff0, true);
      await writeFile(join(dir, 'c-corrupt.msg'), lureMsg(corrupt));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('finds and flags the number in each RTF body; the corrupt one is an error line and the run goes on', async () => {
      const { result, stdout } = await captureOutput(() => main(['scan', '--json', '--no-ocr', '--jobs', '1', dir]));
      const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as { file: string; level?: string; phones?: { e164: string }[]; error?: string });
      expect(result).toBe(1);
      expect(lines.map((l) => l.file.split('/').pop())).toEqual(['a-text.msg', 'b-html.msg', 'c-corrupt.msg']);
      expect(lines[0]).toMatchObject({ level: 'warning', phones: [expect.objectContaining({ e164: '+18047134598' })] });
      expect(lines[1]).toMatchObject({ level: 'warning', phones: [expect.objectContaining({ e164: '+18884414083' })] });
      expect(lines[2]?.error).toMatch(/compressed RTF body: its header gives/);
    }, 120_000);
  });
});
