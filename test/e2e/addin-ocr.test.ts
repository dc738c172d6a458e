// The built add-in in real Chromium reads an image-only lure: the pane shows the text verdict at once, reads
// the picture in its OCR web worker from the add-in's own ocr/ files, and updates the verdict with the number.
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchBrowser } from '../support/chromium.ts';
import { startHttpServer, type TestServer } from '../support/http-server.ts';
import { buildAddin, bundleOfficeDouble, installOfficeDouble, serveDir } from '../addin/e2e-support.ts';
import type { FakeMessage } from '../addin/fake-office.ts';
import { attachedEml } from '../ocr/support/lure-eml.ts';
import { drawLure, imageOnlyPdf, lurePng, randomUsNumber, type LureNumber } from '../ocr/support/lure-images.ts';

function fakeMessage(eml: string): FakeMessage {
  return {
    subject: 'Your document',
    from: { displayName: 'Billing Center', emailAddress: 'billing.center.notice@gmail.com' },
    to: [{ displayName: '', emailAddress: 'reader@example.com' }],
    dateTimeCreated: '2026-11-30T10:00:00.000Z',
    internetMessageId: '<ocr-fixture@example.com>',
    emlBase64: Buffer.from(eml).toString('base64'),
    text: 'Please see the attached document.',
  };
}

let outDir: string;
let officeDouble: string;
let server: TestServer;
let browser: Browser;

describe.skipIf(!hasChromium)('Outlook add-in: OCR in the task pane', () => {
  beforeAll(async () => {
    [outDir, officeDouble] = await Promise.all([buildAddin(), bundleOfficeDouble()]);
    server = await startHttpServer();
    await serveDir(server, outDir);
    server.route('/policy-ocr.json', { status: 200, body: JSON.stringify({ useBundledFeed: false }) });
    server.route('/policy-no-ocr.json', { status: 200, body: JSON.stringify({ useBundledFeed: false, ocr: false }) });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  async function openPane(message: FakeMessage, policy: string) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    const levels: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.exposeFunction('__level', (level: string) => levels.push(level));
    await page.addInitScript(() => {
      new MutationObserver(() => {
        const main = document.querySelector('main[data-status="done"]');
        const level = main?.getAttribute('data-level');
        const seen = (globalThis as { __seen?: string }).__seen;
        if (level && level !== seen) {
          (globalThis as { __seen?: string }).__seen = level;
          void (globalThis as unknown as { __level(l: string): void }).__level(level);
        }
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    await installOfficeDouble(page, officeDouble, { mailboxVersion: '1.14', message });
    await page.goto(server.url(`/taskpane.html?policy=${policy}`));
    return { page, context, requests, levels };
  }

  async function expectNumber(page: Page, number: LureNumber) {
    const national = number.e164.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, '+1 $1 $2 $3');
    await page.waitForSelector('main[data-status="done"][data-level="warning"]', { timeout: 60_000 });
    expect(await page.locator('main').innerText()).toContain(national);
  }

  it('shows the text verdict at once, then the number read from an attached PNG', async () => {
    const number = randomUsNumber();
    const { page, context, requests, levels } = await openPane(fakeMessage(attachedEml({ name: 'invoice.png', mediaType: 'image/png', bytes: lurePng(number) })), 'policy-ocr.json');
    const opened = Date.now();
    await expectNumber(page, number);
    console.log(`add-in: OCR update ${Date.now() - opened} ms after the pane loaded`);
    expect(levels[0]).toBe('none'); // the text verdict came first
    expect(levels.at(-1)).toBe('warning');
    expect(requests.some((url) => url.endsWith('/ocr/lang/eng.traineddata.gz'))).toBe(true);
    for (const url of requests) expect(url.startsWith(server.origin) || url.startsWith('https://appsforoffice.microsoft.com/'), url).toBe(true);
    await context.close();
  });

  it('reads an image-only PDF page in the worker', async () => {
    const number = randomUsNumber();
    const canvas = drawLure(number, { fontPx: 30 });
    const pdf = imageOnlyPdf(new Uint8Array(canvas.toBuffer('image/jpeg', 85)), canvas.width, canvas.height);
    const { page, context } = await openPane(fakeMessage(attachedEml({ name: 'statement.pdf', mediaType: 'application/pdf', bytes: pdf })), 'policy-ocr.json');
    await expectNumber(page, number);
    await context.close();
  });

  it('reads no picture when the policy says ocr: false', async () => {
    const number = randomUsNumber();
    const { page, context, requests } = await openPane(fakeMessage(attachedEml({ name: 'invoice.png', mediaType: 'image/png', bytes: lurePng(number) })), 'policy-no-ocr.json');
    await page.waitForSelector('main[data-status="done"][data-level="none"]', { timeout: 30_000 });
    await page.waitForTimeout(1_500);
    expect(await page.locator('main').getAttribute('data-level')).toBe('none');
    expect(requests.filter((url) => url.includes('/ocr/'))).toEqual([]);
    await context.close();
  });
});
