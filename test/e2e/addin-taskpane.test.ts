// The built add-in in real Chromium: dist/addin served on 127.0.0.1, the CDN office.js answered by a typed
// fake of the Mailbox API that serves a scam .eml, feeds and reports over real HTTP, IndexedDB for real.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parseEml } from '../../shared/mime/parse-eml.ts';
import { scan } from '../../shared/scan.ts';
import { checkManifest } from '../../addin/manifest/check-manifest.ts';
import { DEFAULT_BASE_URL } from '../../addin/build/fill-manifest.ts';
import { hasChromium, launchBrowser } from '../support/chromium.ts';
import { startHttpServer, type TestServer } from '../support/http-server.ts';
import { buildAddin, bundleOfficeDouble, eventually, installOfficeDouble, serveDir } from '../addin/e2e-support.ts';
import type { FakeLog, FakeMessage, FakeOfficeOptions } from '../addin/fake-office.ts';
import { fakeMessageFromEml } from '../addin/fixture-message.ts';

const SCAM_NUMBER = '+18084027719';
const scam = fakeMessageFromEml();
const benignEml = [
  'From: "Priya Natarajan" <priya@example.com>',
  'To: jane.doe@example.com',
  'Subject: Lunch on Friday?',
  'Date: Tue, 17 Nov 2026 12:00:00 +0000',
  'Message-ID: <lunch-42@example.com>',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Shall we try the new noodle place on Friday at noon?',
  '',
].join('\r\n');
const benign: FakeMessage = {
  subject: 'Lunch on Friday?',
  from: { displayName: 'Priya Natarajan', emailAddress: 'priya@example.com' },
  to: [{ displayName: '', emailAddress: 'jane.doe@example.com' }],
  dateTimeCreated: '2026-11-17T12:00:00.000Z',
  internetMessageId: '<lunch-42@example.com>',
  emlBase64: Buffer.from(benignEml).toString('base64'),
  text: 'Shall we try the new noodle place on Friday at noon?',
};

const today = new Date().toISOString().slice(0, 10);
const feed = JSON.stringify({
  format: 'ringfence-feed/1',
  name: 'E2E scam numbers',
  published: `${today}T00:00:00Z`,
  entries: [{ number: SCAM_NUMBER, verdict: 'scam', brands: ['Geek Squad'], firstSeen: today, lastSeen: today, reports: 12 }],
});

let outDir: string;
let officeDouble: string;
let server: TestServer;
let browser: Browser;

describe.skipIf(!hasChromium)('Outlook add-in task pane in Chromium', () => {
  beforeAll(async () => {
    [outDir, officeDouble] = await Promise.all([buildAddin(), bundleOfficeDouble()]);
    server = await startHttpServer();
    await serveDir(server, outDir);
    server.route('/reports', { status: 202, body: '{}' });
    server.route('/feeds/numbers.json', { status: 200, body: feed, etag: '"feed-v1"', headers: { 'content-type': 'application/json' } });
    server.route('/policy-e2e.json', {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reportEndpoint: server.url('/reports'), feeds: [{ url: server.url('/feeds/numbers.json'), format: 'ringfence' }] }),
    });
    server.route('/policy-nofeeds.json', { status: 200, body: JSON.stringify({ reportEndpoint: server.url('/reports'), useBundledFeed: false }) });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  async function openPane(options: FakeOfficeOptions, path = '/taskpane.html?policy=policy-e2e.json', context?: BrowserContext): Promise<{ page: Page; context: BrowserContext }> {
    const ctx = context ?? (await browser.newContext());
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const requestLog: { method: string; url: string }[] = [];
    page.on('request', (request) => requestLog.push({ method: request.method(), url: request.url() }));
    (page as Page & { requestLog?: unknown }).requestLog = requestLog;
    await installOfficeDouble(page, officeDouble, options);
    await page.goto(server.url(path));
    (page as Page & { errors?: string[] }).errors = errors;
    return { page, context: ctx };
  }

  const officeLog = (page: Page) => page.evaluate(() => (globalThis as unknown as { __officeLog: FakeLog }).__officeLog);
  const reports = () => server.requestsTo('/reports').map((r) => JSON.parse(r.body.toString('utf8')) as Record<string, unknown>);

  it('builds dist/addin with a valid manifest whose every URL has its file', () => {
    const manifest = readFileSync(`${outDir}/manifest.xml`, 'utf8');
    const { problems, facts } = checkManifest(manifest, DEFAULT_BASE_URL);
    expect(problems).toEqual([]);
    for (const url of facts!.urls) expect(existsSync(`${outDir}/${new URL(url).pathname}`), url).toBe(true);
    expect(facts!.urls).toContain(`${DEFAULT_BASE_URL}report.js`); // no policy= variant: the pinned policy applies
    expect(readFileSync(`${outDir}/report.js`, 'utf8')).not.toMatch(/^\s*(import|export)\s/m); // a classic script
  });

  it('builds /.well-known/microsoft-officeaddins-allowed.json naming report.js (classic Outlook’s JS-only runtime)', () => {
    const allowed = JSON.parse(readFileSync(`${outDir}/.well-known/microsoft-officeaddins-allowed.json`, 'utf8')) as { allowed: string[] };
    expect(allowed.allowed).toContain(`${DEFAULT_BASE_URL}report.js`);
    for (const url of allowed.allowed) expect(new URL(url).pathname).toMatch(/\/report\.js$/);
  });

  it('refuses a policy= on another origin, says so in the pane, and reads the pinned policy beside the add-in', async () => {
    const { page, context } = await openPane({ mailboxVersion: '1.14', message: scam }, '/taskpane.html?policy=https://evil.example/p.json');
    const requests = (page as Page & { requestLog: { method: string; url: string }[] }).requestLog;
    await page.waitForSelector('main[data-status="done"]', { timeout: 30_000 });
    expect(await page.locator('.policy-problems').innerText()).toContain(
      `The settings address in the add-in's link (https://evil.example/p.json) was not used: only settings on the add-in's own site (${server.origin}) are accepted. The add-in uses ${server.url('/policy.json')}.`,
    );
    expect(requests.filter((r) => new URL(r.url).hostname.endsWith('evil.example'))).toEqual([]);
    expect(requests.some((r) => r.url === server.url('/policy.json'))).toBe(true);
    await context.close();
  });

  it('shows the verdict from the synced feed, notifies within 150 characters, reports a number, follows ItemChanged', async () => {
    const { page, context } = await openPane({ mailboxVersion: '1.14', message: scam });
    const requests = (page as Page & { requestLog: { method: string; url: string }[] }).requestLog;
    await page.waitForSelector('main[data-status="done"][data-level="danger"]', { timeout: 30_000 });

    const banner = page.locator('.banner[data-level="danger"]'); // inside the banner's shadow root
    expect(await banner.innerText()).toContain('+1 808 402 7719');
    expect(await page.locator('.how').getAttribute('data-source')).toBe('eml');
    expect(await page.locator('table.phones').innerText()).toContain("on your company's scam list");
    const pageText = await page.locator('main').innerText();
    expect(pageText).not.toMatch(/555.?0147/); // the hidden decoy is never presented as a number to call

    const log = await officeLog(page);
    const last = log.notifications.at(-1)!;
    expect(last.details.type).toBe('errorMessage');
    expect(last.details.message.length).toBeLessThanOrEqual(150);
    expect(last.details.message).toContain('+1 808 402 7719');
    expect(server.requestsTo('/feeds/numbers.json')).toHaveLength(1);

    // Privacy: until the reader reports, nothing but the add-in's own files, its policy and feeds is fetched.
    expect(requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(requests.length).toBeGreaterThan(3);
    for (const r of requests) expect(r.url.startsWith(server.origin) || r.url.startsWith('https://appsforoffice.microsoft.com/'), r.url).toBe(true);

    const before = reports().length;
    await banner.locator('button.report').click();
    const sent = await eventually(() => (reports().length > before ? reports()[before] : undefined), 'the number report');
    expect(sent).toMatchObject({ kind: 'number', numbers: [SCAM_NUMBER], level: 'danger', client: { surface: 'outlook-addin' } });
    expect(sent.message).toMatchObject({ subject: scam.subject, from: 'billing-noreply@renewals-gs-support.com' });
    await page.locator('.banner .status', { hasText: /^(Sent\.|Saved; it will be sent)/ }).waitFor();

    // Pinned: the reader opens another message.
    await page.evaluate((next) => (globalThis as unknown as { Office: { selectItem(m: unknown): void } }).Office.selectItem(next), benign);
    await page.waitForSelector('main[data-status="done"][data-level="none"]');
    expect(await page.locator('h1.subject').innerText()).toBe('Lunch on Friday?');
    expect(await page.locator('.no-findings').innerText()).toMatch(/does not make it safe/);
    expect((await officeLog(page)).removedNotifications).toContain('ringfence-verdict');

    // Opened again: the feed comes from IndexedDB and is revalidated with a conditional GET.
    await page.reload();
    await page.waitForSelector('main[data-status="done"][data-level="danger"]', { timeout: 30_000 });
    const feedRequests = await eventually(() => (server.requestsTo('/feeds/numbers.json').length >= 2 ? server.requestsTo('/feeds/numbers.json') : undefined), 'the second feed request');
    expect(feedRequests[1]!.headers['if-none-match']).toBe('"feed-v1"');
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await context.close();
  });

  it('reads body and headers on a Mailbox 1.8 client, with the same verdict', async () => {
    const { page, context } = await openPane({ mailboxVersion: '1.8', message: scam });
    await page.waitForSelector('main[data-status="done"][data-level="danger"]', { timeout: 30_000 });
    expect(await page.locator('.how').getAttribute('data-source')).toBe('item');
    expect((await officeLog(page)).calls).not.toContain('getAsFileAsync');
    await context.close();
  });

  it('explains itself when the selected item is not a message', async () => {
    const { page, context } = await openPane({ mailboxVersion: '1.14', message: { ...scam, itemType: 'appointment' } });
    await page.waitForSelector('main[data-status="error"]');
    expect(await page.locator('.problem').innerText()).toMatch(/Not an email/);
    await context.close();
  });

  it('handles the Report button in commands.html with the bundled report.js', async () => {
    const { page, context } = await openPane({ mailboxVersion: '1.14', message: scam }, '/commands.html?policy=policy-e2e.json');
    await page.waitForFunction(() => (globalThis as unknown as { Office: { actions: { registered: Map<string, unknown> } } }).Office.actions.registered.has('onSpamReport'));
    const before = reports().length;
    const completed = await page.evaluate(
      () =>
        new Promise<unknown>((resolve) => {
          const office = (globalThis as unknown as { Office: { actions: { registered: Map<string, (e: unknown) => void> } } }).Office;
          office.actions.registered.get('onSpamReport')!({ type: 'SpamReporting', options: [true, false, true], freeText: 'Called me twice today', completed: resolve });
        }),
    );
    expect(completed).toMatchObject({ moveItemTo: 'junkFolder', onErrorDeleteItem: false, showPostProcessingDialog: { title: 'Reported' } });
    const sent = reports().slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ kind: 'message', numbers: [SCAM_NUMBER], userReport: { categories: ['scam-number', 'other-phishing'], comment: 'Called me twice today' } });
    await context.close();
  });

  it('reads the number from a PDF attachment in the pane (pdfjs, loaded on demand)', async () => {
    const pdf = readFileSync(new URL('../fixtures/addin/invoice.pdf', import.meta.url)).toString('base64');
    const eml = [
      'From: "Geek Squad" <billing@renewals-gs-support.com>',
      'To: jane.doe@example.com',
      'Subject: Your invoice',
      'Date: Mon, 16 Nov 2026 09:13:58 +0000',
      'Message-ID: <pdf-only-1@renewals-gs-support.com>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Please find your invoice attached.',
      '--b1',
      'Content-Type: application/pdf; name="invoice.pdf"',
      'Content-Disposition: attachment; filename="invoice.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      pdf.replace(/.{1,76}/g, '$&\r\n').trimEnd(),
      '--b1--',
      '',
    ].join('\r\n');
    const ctx = await browser.newContext();
    const workers: string[] = [];
    ctx.on('page', (p) => p.on('worker', (worker) => workers.push(worker.url())));
    const { page, context } = await openPane({ mailboxVersion: '1.14', message: { ...scam, subject: 'Your invoice', emlBase64: Buffer.from(eml).toString('base64') } }, '/taskpane.html?policy=policy-nofeeds.json', ctx);
    await page.waitForSelector('main[data-status="done"]', { timeout: 30_000 });
    const row = page.locator(`table.phones tr[data-e164="${SCAM_NUMBER}"]`);
    expect(await row.innerText()).toContain('attachment:invoice.pdf');
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    // pdfjs parsed it in a real worker whose script is the add-in's own file, never on the pane's thread.
    const pdfWorkers = workers.filter((url) => /\/assets\/pdf\.worker-[\w-]+\.js$/.test(url));
    expect(pdfWorkers.length).toBeGreaterThanOrEqual(1);
    for (const url of pdfWorkers) expect(url.startsWith(`${server.origin}/assets/`), url).toBe(true);
    expect(server.requestsTo(new URL(pdfWorkers[0]!).pathname).length).toBeGreaterThanOrEqual(1);
    expect(await page.evaluate(() => 'pdfjsWorker' in globalThis)).toBe(false);
    const requests = (page as Page & { requestLog: { method: string; url: string }[] }).requestLog;
    for (const r of requests) expect(r.url.startsWith(server.origin) || r.url.startsWith('https://appsforoffice.microsoft.com/'), r.url).toBe(true);

    // The time cap: past it the extraction gives up (its worker is terminated) and the next PDF still reads.
    const pdfTextModule = `/assets/${readdirSync(`${outDir}/assets`).find((f) => /^pdf-text-[\w-]+\.js$/.test(f))}`;
    // A string, so vitest leaves the page's own dynamic import() alone.
    const capped = (await page.evaluate(`(async () => {
      const { pdfAttachmentText } = await import(${JSON.stringify(pdfTextModule)});
      const content = Uint8Array.from(atob(${JSON.stringify(pdf)}), (c) => c.charCodeAt(0));
      const attachment = { name: 'invoice.pdf', mediaType: 'application/pdf', size: content.length, content };
      const error = await pdfAttachmentText(attachment, { timeoutMs: 1 }).then(() => 'no error', (e) => e.message);
      return { error, text: await pdfAttachmentText(attachment) };
    })()`)) as { error: string; text: string | undefined };
    expect(capped.error).toBe('PDF text extraction took longer than 1 ms');
    expect(capped.text).toMatch(/808/);
    await context.close();
  });

  it('reads a PDF fetched with getAttachmentContentAsync on a Mailbox 1.8 client', async () => {
    const pdf = readFileSync(new URL('../fixtures/addin/invoice.pdf', import.meta.url));
    const message: FakeMessage = {
      ...scam,
      subject: 'Your invoice',
      emlBase64: undefined,
      headers: 'From: billing@renewals-gs-support.com\r\nSubject: Your invoice\r\n',
      html: '<p>Please find your invoice attached.</p>',
      attachments: [{ name: 'invoice.pdf', contentType: 'application/pdf', size: pdf.length, contentBase64: pdf.toString('base64') }],
    };
    const { page, context } = await openPane({ mailboxVersion: '1.8', message }, '/taskpane.html?policy=policy-nofeeds.json');
    await page.waitForSelector('main[data-status="done"]', { timeout: 30_000 });
    expect(await page.locator(`table.phones tr[data-e164="${SCAM_NUMBER}"]`).innerText()).toContain('attachment:invoice.pdf');
    expect(await page.locator('.how').getAttribute('data-source')).toBe('item');
    await context.close();
  });

  const corpusFile = new URL('../../../shared/corpus/scam-toad/phishing_pot__sample-1255.eml', import.meta.url);
  it.skipIf(!existsSync(corpusFile))('judges a corpus callback scam as the CLI path does (read from ../shared/corpus at test time)', async () => {
    const raw = readFileSync(corpusFile);
    const expected = await scan(await parseEml(raw), { policy: { useBundledFeed: false }, now: new Date() });
    const message: FakeMessage = { ...scam, emlBase64: raw.toString('base64') };
    const { page, context } = await openPane({ mailboxVersion: '1.14', message }, '/taskpane.html?policy=policy-nofeeds.json');
    await page.waitForSelector('main[data-status="done"]', { timeout: 30_000 });
    expect(await page.locator('main').getAttribute('data-level')).toBe(expected.level);
    const shown = await page.locator('table.phones tr[data-e164]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-e164')));
    expect(shown).toEqual(expected.phones.map((p) => p.e164));
    await context.close();
  });
});
