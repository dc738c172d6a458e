import { describe, expect, it } from 'vitest';
import { MailParseError, parseEml } from '../../shared/mime/parse-eml.ts';
import type { MailMessage } from '../../shared/types.ts';

// Budgets are CPU time of this process: the test machine's cores are shared, so wall time here says more about
// the neighbours than about the parser. Wall time is printed alongside.
const BUDGET_MS = 2000;

async function timed(name: string, raw: string | Uint8Array): Promise<MailMessage | MailParseError> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  let result: MailMessage | MailParseError;
  try {
    result = await parseEml(raw);
  } catch (error) {
    if (!(error instanceof MailParseError)) throw error;
    result = error;
  }
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  console.log(`${name}: ${cpuMs.toFixed(0)} ms CPU, ${(performance.now() - started).toFixed(0)} ms wall`);
  expect(cpuMs).toBeLessThan(BUDGET_MS);
  return result;
}

function asMessage(result: MailMessage | MailParseError): MailMessage {
  if (result instanceof MailParseError) throw new Error(`expected a message, got: ${result.message}`);
  return result;
}

describe('parseEml rejects what is not an e-mail message', () => {
  it.each([
    ['empty string', ''],
    ['only blank lines', '\r\n\r\n  \n'],
    ['plain prose', 'Hello there, this is not an email.\nJust text.'],
    ['header-like text without any mail header', 'Note: buy milk\nTodo: call mum\n\nbody'],
    ['a continuation line first', ' folded: value\r\nSubject: x\r\n\r\nbody'],
  ])('%s', async (_, raw) => {
    const result = await timed('not mail', raw);
    expect(result).toBeInstanceOf(MailParseError);
    expect((result as MailParseError).message).toMatch(/^Not an e-mail message: /);
  });

  it('binary junk', async () => {
    const junk = new Uint8Array(5000).map((_, i) => (i * 7919) % 256);
    const result = await timed('binary junk', junk);
    expect(result).toBeInstanceOf(MailParseError);
    expect((result as MailParseError).name).toBe('MailParseError');
  });

  it('a PDF or a PNG passed as a message', async () => {
    expect(await timed('pdf', '%PDF-1.4\n1 0 obj\n<<>>\nendobj\n')).toBeInstanceOf(MailParseError);
    expect(await timed('png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBeInstanceOf(MailParseError);
  });
});

describe('parseEml keeps what is readable in damaged mail', () => {
  it('truncated in the middle of a base64 part', async () => {
    const raw =
      'Subject: t\r\nFrom: a@example.test\r\nContent-Type: multipart/mixed; boundary=M\r\n\r\n' +
      '--M\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n' +
      Buffer.from('<p>Call 804-713-4598</p>').toString('base64').slice(0, 30);
    const message = asMessage(await timed('truncated base64', raw));
    expect(message.subject).toBe('t');
    expect(message.text).toContain('Call 804-713');
  });

  it('headers only, no body', async () => {
    const message = asMessage(await timed('headers only', 'From: a@example.test\r\nSubject: only headers'));
    expect(message.subject).toBe('only headers');
    expect(message.text).toBe('');
  });

  it('a boundary that never comes, and an unknown charset', async () => {
    const raw = 'Subject: b\r\nFrom: a@example.test\r\nContent-Type: multipart/mixed; boundary=NEVER\r\n\r\nno parts here\r\n';
    asMessage(await timed('missing boundary', raw));
    const odd = 'Subject: c\r\nFrom: a@example.test\r\nContent-Type: text/plain; charset=x-no-such-charset\r\n\r\nplain ascii 555-0100\r\n';
    expect(asMessage(await timed('unknown charset', odd)).text).toBe('plain ascii 555-0100');
  });
});

describe('parseEml stays fast on hostile and huge input', () => {
  it('a 20 MB message (HTML body and a large attachment)', async () => {
    const attachmentLine = 'QUJD'.repeat(19) + '\r\n';
    const raw =
      'Subject: big\r\nFrom: a@example.test\r\nContent-Type: multipart/mixed; boundary=M\r\n\r\n' +
      '--M\r\nContent-Type: text/html; charset=utf-8\r\n\r\n' +
      '<p>Hello <b>world</b>, call <span>804</span>713-4598</p>\r\n'.repeat(20_000) +
      '--M\r\nContent-Type: application/pdf; name="big.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n' +
      attachmentLine.repeat(250_000) +
      '--M--\r\n';
    expect(raw.length).toBeGreaterThan(20_000_000);
    const message = asMessage(await timed('20 MB message', raw));
    expect(message.text.startsWith('Hello world, call 804713-4598')).toBe(true);
    expect(message.attachments[0]?.size).toBe(250_000 * 57);
  });

  it('a 20 MB plain-text body', async () => {
    const raw = 'Subject: big\r\nFrom: a@example.test\r\n\r\n' + 'Hello world call 804 713 4598 now please\r\n'.repeat(480_000);
    expect(raw.length).toBeGreaterThan(20_000_000);
    const message = asMessage(await timed('20 MB plain text', raw));
    expect(message.text.length).toBeGreaterThan(19_000_000);
  });

  it('multipart nested 1,000 deep: the levels above the limit are kept, nothing hangs', async () => {
    let raw = 'Subject: deep\r\nFrom: a@example.test\r\nContent-Type: multipart/mixed; boundary="b0"\r\n\r\n';
    raw += '--b0\r\nContent-Type: text/plain\r\n\r\ntop level text\r\n';
    for (let i = 0; i < 1000; i++) raw += `--b${i}\r\nContent-Type: multipart/mixed; boundary="b${i + 1}"\r\n\r\n`;
    raw += '--b1000\r\nContent-Type: text/plain\r\n\r\nleaf 555-0100\r\n';
    for (let i = 1000; i >= 0; i--) raw += `--b${i}--\r\n`;
    const message = asMessage(await timed('1,000-deep multipart', raw));
    expect(message.subject).toBe('deep');
    expect(message.text).toBe('top level text');
  });

  it('100,000 sibling parts: parsing stops at the part limit', async () => {
    const raw =
      'Subject: wide\r\nFrom: a@example.test\r\nContent-Type: multipart/mixed; boundary=M\r\n\r\n' +
      '--M\r\nContent-Type: text/plain\r\n\r\nx\r\n'.repeat(100_000) +
      '--M--\r\n';
    const message = asMessage(await timed('100k parts', raw));
    expect(message.text.startsWith('x\n\nx')).toBe(true);
  });

  it('a 1 MB line of digits, in plain text, HTML and a header', async () => {
    const digits = '7'.repeat(1_000_000);
    expect(asMessage(await timed('1 MB digits plain', `Subject: d\r\nFrom: a@example.test\r\n\r\n${digits}`)).text).toBe(digits);
    expect(asMessage(await timed('1 MB digits html', `Subject: d\r\nFrom: a@example.test\r\nContent-Type: text/html\r\n\r\n<p>${digits}</p>`)).text).toBe(digits);
    expect(asMessage(await timed('1 MB digits header', `Subject: ${digits}\r\nFrom: a@example.test\r\n\r\nx`)).subject).toBe(digits);
  });

  it('strings built to make regular expressions backtrack', async () => {
    const raw =
      'Subject: ' + '=?utf-8?q?'.repeat(50_000) + '\r\n' +
      'From: ' + '"<'.repeat(50_000) + '\r\n' +
      'Date: ' + '1 '.repeat(50_000) + '\r\n' +
      'Content-Type: text/plain; charset=' + '"'.repeat(50_000) + '\r\n\r\n' +
      'http://'.repeat(100_000) + ' http://x' + '.'.repeat(100_000) + 'a ' + '1 - '.repeat(100_000) + 'x' + ' '.repeat(200_000) + '1';
    asMessage(await timed('backtracking bait (plain)', raw));
    const alternative =
      'Subject: alt\r\nFrom: a@example.test\r\nContent-Type: multipart/alternative; boundary=A\r\n\r\n' +
      '--A\r\nContent-Type: text/plain\r\n\r\n' + '1 ('.repeat(100_000) + 'a'.repeat(100_000) + '\r\n' +
      '--A\r\nContent-Type: text/html\r\n\r\n' + '<p>' + '0'.repeat(500_000) + '</p>' + '<a href="'.repeat(10_000) + '\r\n--A--\r\n';
    asMessage(await timed('backtracking bait (alternative)', alternative));
    const calendar =
      'Subject: ics\r\nFrom: a@example.test\r\nContent-Type: text/calendar\r\n\r\nBEGIN:VEVENT\r\nDESCRIPTION;X="' + ':'.repeat(200_000) +
      '\r\nSUMMARY:' + '\\\\'.repeat(200_000) + '\r\n' + ' \r\n'.repeat(100_000) + 'END:VEVENT\r\n';
    asMessage(await timed('backtracking bait (calendar)', calendar));
  });

  it('attached messages nested 100 deep', async () => {
    let raw = 'From: leaf@example.test\r\nSubject: leaf\r\n\r\nleaf text\r\n';
    for (let i = 0; i < 100; i++) raw = `From: l${i}@example.test\r\nSubject: level ${i}\r\nContent-Type: message/rfc822\r\n\r\n${raw}`;
    const message = asMessage(await timed('100-deep message/rfc822', raw));
    expect(message.parts.length).toBeLessThanOrEqual(8);
  });
});
