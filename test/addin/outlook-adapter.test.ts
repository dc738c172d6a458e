import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEml } from '../../shared/mime/parse-eml.ts';
import { readMessage, NoItemError, NotAMessageError } from '../../addin/outlook/read-message.ts';
import { OfficeApiError } from '../../addin/outlook/office-async.ts';
import { watchItemChanges } from '../../addin/outlook/watch-item-changes.ts';
import { createFakeOffice, type FakeMessage } from './fake-office.ts';
import { fakeMessageFromEml } from './fixture-message.ts';

const scam = fakeMessageFromEml();
const pdf = readFileSync(new URL('../fixtures/addin/invoice.pdf', import.meta.url));
const read = (office: ReturnType<typeof createFakeOffice>, timeoutMs?: number) =>
  readMessage(office, { parseEml, ...(timeoutMs ? { timeoutMs } : {}) });

describe('readMessage on Mailbox 1.14 (whole .eml)', () => {
  it('reads the .eml through getAsFileAsync and parses it like the CLI does', async () => {
    const office = createFakeOffice({ mailboxVersion: '1.14', message: scam });
    const result = await read(office);
    expect(result.source).toBe('eml');
    expect(result.warnings).toEqual([]);
    expect(office.log.calls).toEqual(['getAsFileAsync']);
    expect(result.eml && new TextDecoder().decode(result.eml)).toContain('Message-ID: <20261116091358.7730912284@renewals-gs-support.com>');
    expect(result.message.subject).toBe('Your Geek Squad membership renewal - Invoice GS-7730-91-2284');
    expect(result.message.from?.address).toBe('billing-noreply@renewals-gs-support.com');
    expect(result.message.headers.map((h) => h.name.toLowerCase())).toContain('received');
    expect(result.message.text).toContain('call our billing');
    expect(result.message.hiddenText).toContain('bamboo cutting boards');
    expect(result.message.text).not.toContain('bamboo cutting boards');
  });

  it('falls back to body and headers when getAsFileAsync fails, and says so', async () => {
    const office = createFakeOffice({ mailboxVersion: '1.14', message: scam, failing: ['getAsFileAsync'] });
    const result = await read(office);
    expect(result.source).toBe('item');
    expect(result.warnings).toEqual([{ key: 'paneWarnWholeMessage', detail: expect.stringMatching(/getAsFileAsync failed/) }]);
    expect(office.log.calls).toEqual(['getAsFileAsync', 'body.getAsync', 'getAllInternetHeadersAsync']);
    expect(result.message.text).toContain('call our billing');
  });
});

describe('readMessage on Mailbox 1.8 (body + internet headers)', () => {
  it('rebuilds the message from the HTML body and the header block, keeping hidden text apart', async () => {
    const office = createFakeOffice({
      mailboxVersion: '1.8',
      message: { ...scam, attachments: [{ name: 'invoice.pdf', contentType: 'application/pdf', size: pdf.length, contentBase64: pdf.toString('base64') }, { name: 'logo.png', contentType: 'image/png', size: 900, isInline: true }, { name: 'notes.txt', contentType: 'text/plain', size: 12 }] },
    });
    const result = await read(office);
    expect(result.source).toBe('item');
    expect(result.eml).toBeUndefined();
    expect(office.log.calls).not.toContain('getAsFileAsync');
    expect(result.message.subject).toBe(scam.subject);
    expect(result.message.from?.address).toBe('billing-noreply@renewals-gs-support.com');
    expect(result.message.messageId).toContain('7730912284@renewals-gs-support.com');
    const received = result.message.headers.find((h) => h.name === 'Received');
    expect(received?.value).toMatch(/^from mail\.renewals-gs-support\.com .*\s+by mx\.example\.com .*\s+for <jane\.doe@example\.com>/);
    expect(result.message.headers.some((h) => /^content-type$/i.test(h.name))).toBe(true); // as received: multipart/alternative
    expect(result.message.headers.find((h) => /^content-type$/i.test(h.name))?.value).toMatch(/multipart\/alternative/);
    expect(result.message.text).toContain('call our billing');
    expect(result.message.hiddenText).toContain('bamboo cutting boards');
    expect(result.message.attachments).toEqual([
      { name: 'invoice.pdf', mediaType: 'application/pdf', size: pdf.length, content: new Uint8Array(pdf) },
      { name: 'notes.txt', mediaType: 'text/plain', size: 12 },
    ]);
    expect(office.log.calls.filter((c) => c === 'getAttachmentContentAsync')).toHaveLength(1); // PDFs only
  });

  it('keeps the attachment without its bytes when getAttachmentContentAsync fails', async () => {
    const office = createFakeOffice({ mailboxVersion: '1.8', message: { ...scam, attachments: [{ name: 'invoice.pdf', contentType: 'application/pdf', size: pdf.length, contentBase64: pdf.toString('base64') }] }, failing: ['getAttachmentContentAsync'] });
    const result = await read(office);
    expect(result.message.attachments).toEqual([{ name: 'invoice.pdf', mediaType: 'application/pdf', size: pdf.length }]);
    expect(result.warnings).toEqual([{ key: 'paneWarnAttachment', params: { name: 'invoice.pdf' }, detail: expect.any(String) }]);
  });

  it('scans without headers when getAllInternetHeadersAsync fails', async () => {
    const office = createFakeOffice({ mailboxVersion: '1.8', message: scam, failing: ['getAllInternetHeadersAsync'] });
    const result = await read(office);
    expect(result.message.headers).toEqual([]);
    expect(result.warnings.map((w) => w.key)).toEqual(['paneWarnHeaders']);
    expect(result.message.subject).toBe(scam.subject);
    expect(result.message.text).toContain('call our billing');
  });
});

describe('headers on both paths come from the MIME parser (postal-mime)', () => {
  const headerBlock = [
    'Received: from mail.evil.example (mail.evil.example [203.0.113.9])\r\n\tby mx.example.com with ESMTPS id 42;\r\n\tMon, 16 Nov 2026 09:13:58 +0000',
    'Authentication-Results: mx.example.com;\r\n\tspf=fail smtp.mailfrom=evil.example;\r\n\tdkim=none',
    'From: "noreply@github.com" <attacker@evil.example>',
    'Reply-To: =?utf-8?q?GitHub_Support?= <help@evil.example>,\r\n "Billing, Team" <billing@evil.example>',
    'To: jane.doe@example.com',
    'Subject: =?utf-8?q?Security_alert_for_your_account?=',
    'Date: Mon, 16 Nov 2026 09:13:58 +0000',
    'Message-ID: <spoof-1@evil.example>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    '',
  ].join('\r\n');
  const spoof: FakeMessage = {
    subject: 'Security alert for your account',
    from: { displayName: 'noreply@github.com', emailAddress: 'attacker@evil.example' },
    to: [{ displayName: '', emailAddress: 'jane.doe@example.com' }],
    dateTimeCreated: '2026-11-16T09:13:58.000Z',
    internetMessageId: '<spoof-1@evil.example>',
    emlBase64: Buffer.from(`${headerBlock}Please call GitHub support at +1 808 402 7719.\r\n`).toString('base64'),
    headers: headerBlock,
    text: 'Please call GitHub support at +1 808 402 7719.',
  };

  it('reads a spoofed display name as the real address on the .eml path and the header path', async () => {
    for (const mailboxVersion of ['1.14', '1.8']) {
      const result = await read(createFakeOffice({ mailboxVersion, message: spoof }));
      expect(result.source).toBe(mailboxVersion === '1.14' ? 'eml' : 'item');
      expect(result.message.from, mailboxVersion).toEqual({ address: 'attacker@evil.example', name: 'noreply@github.com' });
      expect(result.message.replyTo, mailboxVersion).toEqual([
        { address: 'help@evil.example', name: 'GitHub Support' },
        { address: 'billing@evil.example', name: 'Billing, Team' },
      ]);
      expect(result.message.subject, mailboxVersion).toBe('Security alert for your account');
    }
  });

  it('gives the header path exactly the headers the .eml path reads (folding, order, values)', async () => {
    for (const message of [spoof, scam]) {
      const whole = await read(createFakeOffice({ mailboxVersion: '1.14', message }));
      const fromBlock = await read(createFakeOffice({ mailboxVersion: '1.8', message }));
      expect(fromBlock.source).toBe('item');
      expect(fromBlock.message.headers).toEqual(whole.message.headers);
      expect(fromBlock.message.messageId).toBe(whole.message.messageId);
      expect(fromBlock.message.date).toBe(whole.message.date);
      expect(fromBlock.message.to).toEqual(whole.message.to);
    }
  });

  it('says so, and keeps the item’s own fields, when the header block is not a header block', async () => {
    const result = await read(createFakeOffice({ mailboxVersion: '1.8', message: { ...spoof, headers: '\tnot a header block\r\n' } }));
    expect(result.message.headers).toEqual([]);
    expect(result.warnings.map((w) => w.key)).toEqual(['paneWarnHeaders']);
    expect(result.message.from).toEqual({ address: 'attacker@evil.example', name: 'noreply@github.com' });
    expect(result.message.subject).toBe('Security alert for your account');
  });
});

describe('readMessage on Mailbox 1.3 (item properties only)', () => {
  it('uses subject, sender and date from the item, with no headers', async () => {
    const message: FakeMessage = { ...scam, subject: 'Facture n° 42 – renouvellement', from: { displayName: 'Dupont, "Support" Jean', emailAddress: 'jean@example.net' } };
    const office = createFakeOffice({ mailboxVersion: '1.3', message });
    const result = await read(office);
    expect(office.log.calls).toEqual(['body.getAsync']); // one call: the HTML body
    expect(result.message.headers).toEqual([]);
    expect(result.message.subject).toBe('Facture n° 42 – renouvellement');
    expect(result.message.from).toEqual({ name: 'Dupont, "Support" Jean', address: 'jean@example.net' });
    expect(result.message.date).toBe('2026-11-16T09:13:58.000Z');
    expect(result.message.text).toContain('call our billing');
  });

  it('reads the plain-text body when the HTML body fails', async () => {
    const office = createFakeOffice({ mailboxVersion: '1.3', message: { ...scam, html: undefined } });
    const result = await read(office);
    expect(result.message.text).toContain('Dear Customer');
  });

  it('rejects with an OfficeApiError when the body cannot be read at all', async () => {
    const office = createFakeOffice({ mailboxVersion: '1.3', message: scam, failing: ['body.getAsync'] });
    await expect(read(office)).rejects.toBeInstanceOf(OfficeApiError);
    await expect(read(office)).rejects.toThrow(/body\.getAsync/);
  });

  it('does not hang when the client never answers', async () => {
    const office = createFakeOffice({ mailboxVersion: '1.3', message: scam, silent: ['body.getAsync'] });
    await expect(read(office, 50)).rejects.toThrow(/no answer within 50 ms/);
  });
});

describe('items that are not one message', () => {
  it('throws NoItemError when nothing is selected', async () => {
    await expect(read(createFakeOffice({ mailboxVersion: '1.14', message: null }))).rejects.toBeInstanceOf(NoItemError);
  });

  it('throws NotAMessageError for an appointment, without calling any API', async () => {
    const office = createFakeOffice({ mailboxVersion: '1.14', message: { ...scam, itemType: 'appointment' } });
    await expect(read(office)).rejects.toBeInstanceOf(NotAMessageError);
    expect(office.log.calls).toEqual([]);
  });
});

describe('watchItemChanges', () => {
  it('calls back on ItemChanged (Mailbox 1.5) and stops when disposed', async () => {
    const office = createFakeOffice({ mailboxVersion: '1.5', message: scam });
    let changes = 0;
    const stop = await watchItemChanges(office, () => changes++);
    office.selectItem({ ...scam, subject: 'next' });
    expect(changes).toBe(1);
    await stop?.();
    office.selectItem(scam);
    expect(changes).toBe(1);
  });

  it('is a no-op before Mailbox 1.5', async () => {
    expect(await watchItemChanges(createFakeOffice({ mailboxVersion: '1.3', message: scam }), () => {})).toBeNull();
  });

  it('rejects when the handler cannot be added', async () => {
    const office = createFakeOffice({ mailboxVersion: '1.5', message: scam, failing: ['addHandlerAsync'] });
    await expect(watchItemChanges(office, () => {})).rejects.toBeInstanceOf(OfficeApiError);
  });
});
