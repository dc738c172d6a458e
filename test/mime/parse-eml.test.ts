import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MailParseError, parseEml } from '../../shared/mime/parse-eml.ts';
import { message, multipart, textPart } from './support/build-mime.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/mime/${name}`, import.meta.url)));

describe('parseEml charsets and transfer encodings', () => {
  it.each([
    ['windows-1252-qp.eml', 'Café invoice: € 399.99 “paid” – call 804-713-4598'],
    ['iso-8859-1-8bit.eml', 'Grüße aus Köln, Straße 5 · Tel. 0221 555 0199'],
    ['utf-8-qp.eml', 'Your renewal — © Norton™. To cancel call 1-804-713-4598 today.'],
    ['koi8-r-base64.eml', 'Привет! Позвоните: 8 800 555 35 35'],
    ['shift_jis-base64.eml', 'お問い合わせ：0120-123-456 です'],
    ['gb2312-base64.eml', '请致电 400-123-4567 谢谢'],
  ])('%s', async (name, text) => {
    const parsed = await parseEml(fixture(name));
    expect(parsed.text).toBe(text);
    expect(parsed.hiddenText).toBe('');
    expect(parsed.html).toBeUndefined();
  });

  it('utf-8 base64 HTML is rendered to text and kept as html', async () => {
    const parsed = await parseEml(fixture('utf-8-base64.eml'));
    expect(parsed.text).toBe('Stornierung: ☎ +1 (888) 596-1028\n\nGrüße');
    expect(parsed.html).toContain('<b>+1 (888) 596-1028</b>');
  });

  it('decodes encoded-word headers (utf-8 B, iso-8859-1 Q, koi8-r, iso-2022-jp)', async () => {
    const parsed = await parseEml(fixture('encoded-word-headers.eml'));
    expect(parsed.subject).toBe('Rechnung über €399 für Sie');
    expect(parsed.from).toEqual({ name: 'Служба', address: 'support@example.test' });
    expect(parsed.to).toEqual([{ name: 'Jörg', address: 'jorg@example.test' }]);
    expect(parsed.replyTo).toEqual([{ name: '担当', address: 'desk@example.test' }]);
    // Headers stay as received: raw, unfolded.
    expect(parsed.headers.find((h) => h.name === 'Subject')?.value).toMatch(/^=\?UTF-8\?B\?/);
  });

  it('reads windows-1252 in encoded words and 8-bit parts with its €, quotes and dashes', async () => {
    const raw = message(['Subject: =?windows-1252?Q?=80399_=93renewal=94_=96_now?='], '');
    expect((await parseEml(raw)).subject).toBe('€399 “renewal” – now');
  });

  it('accepts a string, an ArrayBuffer and a Uint8Array alike', async () => {
    const bytes = fixture('koi8-r-base64.eml');
    const fromBuffer = await parseEml(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const fromString = await parseEml(new TextDecoder().decode(bytes));
    expect(fromBuffer.text).toBe('Привет! Позвоните: 8 800 555 35 35');
    expect(fromString.text).toBe(fromBuffer.text);
  });
});

describe('parseEml headers and addresses', () => {
  it('keeps headers in order with unfolded values, and reads From, Sender, To, Date, Message-ID', async () => {
    const raw = message(
      [
        'Received: from a.example by b.example;\r\n\tTue, 04 Mar 2025 10:15:00 +0000',
        'From: "Billing, Team" <billing@example.test>',
        'Sender: calendar-notification@google.com',
        'To: a@example.test, Group: b@example.test, c@example.test;',
        'Reply-To: reply@example.test',
        'Date: Tue, 04 Mar 2025 12:15:00 +0200',
        'Message-ID: <abc@example.test>',
        'Subject: Folded\r\n subject',
      ],
      'body',
    );
    const parsed = await parseEml(raw);
    expect(parsed.headers.map((h) => h.name)).toEqual(['MIME-Version', 'Received', 'From', 'Sender', 'To', 'Reply-To', 'Date', 'Message-ID', 'Subject']);
    expect(parsed.headers.find((h) => h.name === 'Received')?.value).toBe('from a.example by b.example;\tTue, 04 Mar 2025 10:15:00 +0000');
    expect(parsed.from).toEqual({ name: 'Billing, Team', address: 'billing@example.test' });
    expect(parsed.sender).toEqual({ name: '', address: 'calendar-notification@google.com' });
    expect(parsed.to.map((a) => a.address)).toEqual(['a@example.test', 'b@example.test', 'c@example.test']);
    expect(parsed.replyTo).toEqual([{ name: '', address: 'reply@example.test' }]);
    expect(parsed.date).toBe('2025-03-04T10:15:00.000Z');
    expect(parsed.messageId).toBe('<abc@example.test>');
    expect(parsed.subject).toBe('Folded subject');
  });

  it('gives date null for a missing or unusable Date, and no sender when it equals From', async () => {
    const parsed = await parseEml(message(['Date: not a date', 'Subject: x', 'Sender: sender@example.test'], 'b'));
    expect(parsed.date).toBeNull();
    expect(parsed.sender).toBeUndefined();
    expect((await parseEml('Subject: no date\r\n\r\nbody')).date).toBeNull();
  });

  it('skips an mbox "From " separator line', async () => {
    const parsed = await parseEml('From someone@example.test Sat Jan  5 10:00:00 2002\nSubject: mbox\nFrom: a@example.test\n\nbody\n');
    expect(parsed.subject).toBe('mbox');
    expect(parsed.headers[0]?.name).toBe('Subject');
  });
});

describe('parseEml multipart', () => {
  it('alternative: renders the HTML (hidden preheader apart), drops the stub plain part', async () => {
    const parsed = await parseEml(fixture('multipart-alternative.eml'));
    expect(parsed.text).toBe('Your order of $499.00 was processed.\n\nTo cancel call 8047134598 & speak to an agent.\n\nCancel order');
    expect(parsed.hiddenText).toBe('Preheader decoy 555-0100');
    expect(parsed.links).toEqual([{ href: 'https://paypal.example/cancel?a=1&b=2', text: 'Cancel order' }]);
    expect(parsed.parts).toEqual([]);
    expect(parsed.html).toContain('<span>804</span>');
  });

  it('alternative: a plain part that says more than its HTML is kept as the "body:plain" part', async () => {
    const raw = message(
      ['Subject: alt', 'Content-Type: multipart/alternative; boundary=B'],
      multipart('B', [textPart('Call us on 1-888-555-0175 to cancel.'), textPart('<p><img src="cid:lure">Call us to cancel.</p>', 'text/html')]),
    );
    const parsed = await parseEml(raw);
    expect(parsed.text).toBe('Call us to cancel.');
    expect(parsed.parts).toEqual([{ id: 'body:plain', text: 'Call us on 1-888-555-0175 to cancel.' }]);
  });

  it('alternative: an HTML part with no visible text falls back to the plain part', async () => {
    const raw = message(
      ['Subject: alt', 'Content-Type: multipart/alternative; boundary=B'],
      multipart('B', [textPart('Plain lure 1-888-555-0175'), textPart('<div><img src="x.png"></div>', 'text/html')]),
    );
    expect((await parseEml(raw)).text).toBe('Plain lure 1-888-555-0175');
  });

  it('related: HTML body with an inline image kept as an attachment', async () => {
    const parsed = await parseEml(fixture('multipart-related.eml'));
    expect(parsed.text).toBe('Auto-renewal charged. Help line: (888) 555-0142');
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0]).toMatchObject({ name: 'logo.png', mediaType: 'image/png', size: 70 });
    expect(parsed.attachments[0]?.content).toBeInstanceOf(Uint8Array);
  });

  it('mixed: text parts in order, attachments with content bytes', async () => {
    const raw = message(
      ['Subject: mixed', 'Content-Type: multipart/mixed; boundary=M'],
      multipart('M', [
        textPart('First part.'),
        { headers: ['Content-Type: application/zip; name="a.zip"', 'Content-Transfer-Encoding: base64'], body: 'UEsDBA==' },
        textPart('<p>Second <b>part</b>.</p>', 'text/html'),
        { headers: ['Content-Type: application/octet-stream', 'Content-Transfer-Encoding: base64'], body: 'AAEC' },
      ]),
    );
    const parsed = await parseEml(raw);
    expect(parsed.text).toBe('First part.\n\nSecond part.');
    expect(parsed.attachments.map((a) => [a.name, a.mediaType, a.size])).toEqual([
      ['a.zip', 'application/zip', 4],
      ['attachment-2', 'application/octet-stream', 3],
    ]);
    expect(Array.from(parsed.attachments[1]?.content ?? [])).toEqual([0, 1, 2]);
  });

  it('gives attached HTML pages and text files their visible text', async () => {
    const raw = message(
      ['Subject: attached invoice', 'Content-Type: multipart/mixed; boundary=M'],
      multipart('M', [
        textPart('Invoice attached.'),
        {
          headers: ['Content-Type: text/html; name="invoice.html"', 'Content-Disposition: attachment; filename="invoice.html"'],
          body: '<html><body><p>Call <span>888</span>-555-0147</p><p style="display:none">noise</p></body></html>',
        },
        { headers: ['Content-Type: text/plain; name="note.txt"', 'Content-Disposition: attachment; filename="note.txt"'], body: 'Ref 1234' },
      ]),
    );
    const parsed = await parseEml(raw);
    expect(parsed.text).toBe('Invoice attached.');
    expect(parsed.attachments.map((a) => [a.name, a.text])).toEqual([
      ['invoice.html', 'Call 888-555-0147'],
      ['note.txt', 'Ref 1234'],
    ]);
  });

  it('plain-only body: URLs become links', async () => {
    const parsed = await parseEml(message(['Subject: p'], 'Visit https://example.test/renew?id=1. Or http://x.test).'));
    expect(parsed.links).toEqual([
      { href: 'https://example.test/renew?id=1', text: 'https://example.test/renew?id=1' },
      { href: 'http://x.test', text: 'http://x.test' },
    ]);
  });
});

describe('parseEml calendar invitations', () => {
  it('unfolds RFC 5545 lines, unescapes TEXT and joins distinct calendar parts into "calendar"', async () => {
    const parsed = await parseEml(fixture('calendar-invite.eml'));
    const calendar = parsed.parts.find((p) => p.id === 'calendar');
    expect(calendar?.text).toContain('call (859) 489-9247 today.');
    expect(calendar?.text).toContain('Your subscription was renewed for $399.99; if you did not authorize it');
    expect(calendar?.text).toContain('Order Confirmation, Norton 360');
    expect(calendar?.text).toContain('Support desk, 2nd floor');
    expect(calendar?.text).toContain('Invoice: NT-2025-0310\\A');
    expect(calendar?.text).toContain('Call (859) 489-9247'); // X-ALT-DESC rendered
    expect(calendar?.text).toContain('Second calendar entry'); // invite.ics attachment
    expect(parsed.hiddenText).toContain('decoy 555 0199');
    expect(calendar?.text).not.toContain('decoy');
    expect(parsed.sender?.address).toBe('calendar-notification@google.com');
    expect(parsed.parts.filter((p) => p.id === 'calendar')).toHaveLength(1);
  });

  it('reads an .ics attachment sent as application/octet-stream by its name', async () => {
    const ics = 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDESCRIPTION:Refund line 1-80\r\n\t0-555-0123\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    const raw = message(
      ['Subject: ics', 'Content-Type: multipart/mixed; boundary=M'],
      multipart('M', [
        textPart('see invite'),
        { headers: ['Content-Type: application/octet-stream; name="meeting.ics"', 'Content-Transfer-Encoding: base64'], body: Buffer.from(ics).toString('base64') },
      ]),
    );
    expect((await parseEml(raw)).parts).toEqual([{ id: 'calendar', text: 'Refund line 1-800-555-0123' }]);
  });
});

describe('parseEml attached messages', () => {
  it('turns each attached message/rfc822 into a text part and flattens its attachments', async () => {
    const parsed = await parseEml(fixture('attached-rfc822.eml'));
    expect(parsed.text).toBe('See the attached message.');
    expect(parsed.parts).toEqual([
      { id: 'message/rfc822:1', text: 'McAfee renewal\n\nRenewed. Call 866-955-9506' },
      { id: 'message/rfc822:2', text: 'Deeper message\n\nDeep text 212-555-0188' },
    ]);
    expect(parsed.hiddenText).toBe('hidden noise');
    expect(parsed.attachments.map((a) => [a.name, a.mediaType])).toEqual([
      ['original.eml', 'message/rfc822'],
      ['receipt.txt', 'text/plain'],
      ['attachment-2.eml', 'message/rfc822'],
    ]);
  });

  it('stops parsing attached messages at the depth limit and keeps the rest as an attachment', async () => {
    let raw = 'From: leaf@example.test\r\nSubject: leaf\r\n\r\nleaf text\r\n';
    for (let i = 0; i < 30; i++) {
      raw = `From: l${i}@example.test\r\nSubject: level ${i}\r\nContent-Type: message/rfc822\r\n\r\n${raw}`;
    }
    const started = performance.now();
    const parsed = await parseEml(raw);
    expect(performance.now() - started).toBeLessThan(2000);
    const ids = parsed.parts.map((p) => p.id);
    expect(ids.length).toBeGreaterThan(3);
    expect(ids.length).toBeLessThanOrEqual(8);
    expect(ids.every((id, i) => id === `message/rfc822:${i + 1}`)).toBe(true);
  });
});
