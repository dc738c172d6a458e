// The warning as people meet it, in real Chromium: axe-core (WCAG 2.2 AA rules) on the banner at each level,
// light and dark, and on the add-in pane (danger, none, policy problem); the height of the danger banner at
// 320 px (the Outlook pane's width); keyboard only: report, details, dismiss, show again, focus never lost.
// RINGFENCE_SCREENSHOTS=1 also writes the README's screenshots (English and German) to docs/screenshots/.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchBrowser } from '../support/chromium.ts';

const REPO = join(import.meta.dirname, '../..');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PANE_CSS = readFileSync(join(REPO, 'addin/taskpane/taskpane.css'), 'utf8');
const PAGE_CSS = ':root { color-scheme: light dark; font: 14px/1.4 system-ui, sans-serif; } body { margin: 0; padding: 8px; } h1 { font-size: 16px; margin: 0 0 8px; }';
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const writeScreenshots = process.env.RINGFENCE_SCREENSHOTS === '1';

let browser: Browser;
let script: string;

beforeAll(async () => {
  if (!hasChromium) return;
  const bundle = await build({
    entryPoints: [join(REPO, 'test/e2e/support/banner-gallery.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    platform: 'browser',
    logLevel: 'warning',
  });
  script = bundle.outputFiles[0]!.text;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

async function open(width: number, colorScheme: 'light' | 'dark', css: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
  await page.setContent(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ringfence test page</title><style>${css}</style></head><body></body></html>`);
  await page.addScriptTag({ content: script });
  await page.addScriptTag({ content: AXE });
  return page;
}

async function axeViolations(page: Page): Promise<string[]> {
  const result = await page.evaluate(async (tags) => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: { target: unknown; failureSummary?: string }[] }[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
  }, WCAG_22_AA);
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`));
}

const shadow = (selector: string) => `ringfence-banner >> ${selector}`;

/** What has focus, through shadow roots; "BODY" when focus fell to the page. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let element: Element | null = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element) return 'none';
    return `${element.tagName}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''}${element.id === 'body' ? '#body' : ''}`;
  });
}

describe.skipIf(!hasChromium)('the banner in real Chromium', () => {
  for (const level of ['danger', 'warning', 'caution'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`${level}, ${scheme}: no WCAG 2.2 AA violations, closed and with Details open, and as the chip`, async () => {
        const page = await open(800, scheme, PAGE_CSS);
        await page.evaluate((l) => window.gallery.banner(l), level);
        await page.locator(shadow('.banner')).waitFor();
        expect(await axeViolations(page)).toEqual([]);
        await page.locator(shadow('button.details-toggle')).click();
        expect(await axeViolations(page)).toEqual([]);
        await page.locator(shadow('button.dismiss')).click();
        await page.locator(shadow('.chip')).waitFor();
        expect(await axeViolations(page)).toEqual([]);
        await page.close();
      });
    }
  }

  for (const locale of ['en', 'de'] as const) {
    it(`${locale}: at 320 px the danger banner is at most 300 px tall and shows the number once outside Details`, async () => {
      const page = await open(320, 'light', PAGE_CSS);
      await page.evaluate((l) => window.gallery.banner('danger', l), locale);
      const banner = page.locator(shadow('.banner'));
      const box = (await banner.boundingBox())!;
      console.log(`danger banner at 320 px (${locale}): ${Math.round(box.height)} px tall`);
      expect(box.height).toBeLessThanOrEqual(300);
      // What the reader sees outside Details (the visually hidden live region and Details left out).
      const text = await page.locator('ringfence-banner').evaluate((host) =>
        [...host.shadowRoot!.querySelector('.banner')!.children].filter((c) => !c.matches('.live, .details')).map((c) => (c as HTMLElement).innerText).join('\n'),
      );
      expect(text.split('+1 804 713 4598').length - 1).toBe(1);
      if (locale === 'de') expect(text).toContain('auf der Betrugsliste Ihres Unternehmens');
      if (writeScreenshots) await banner.screenshot({ path: join(REPO, `docs/screenshots/banner-320-${locale}.png`) });
      await page.close();
    });
  }

  it('by keyboard only: report, details, dismiss to the chip, show again; focus never falls to the page', async () => {
    const page = await open(800, 'light', PAGE_CSS);
    await page.evaluate(() => window.gallery.banner('danger', 'en', 'queued'));
    await page.locator(shadow('.banner')).waitFor();
    // The live region carries one short summary, not the banner.
    await expect.poll(() => page.locator(shadow('.live')).textContent()).toBe(
      "Danger: +1 804 713 4598, on your company's scam list. This number is on your security team's scam list “Example Corp scam numbers”.",
    );

    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('BUTTON.action.report'); // × is not the first stop
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('P.status');
    expect(await page.locator(shadow('.status')).textContent()).toBe("Saved; it will be sent when your security team's server answers.");
    expect(await page.evaluate(() => window.reports)).toEqual(['number']);

    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('BUTTON.dismiss');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('BUTTON.action.details-toggle');
    await page.keyboard.press('Enter');
    expect(await page.locator(shadow('button.details-toggle')).getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator(shadow('.details')).innerText()).toContain('For your security team (codes)');

    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('BUTTON.dismiss');
    await page.keyboard.press('Enter');
    await page.locator(shadow('.chip')).waitFor();
    expect(await page.locator(shadow('.chip')).innerText()).toMatch(/Ringfence warning hidden\s*·\s*Show/);
    expect(await focused(page)).toBe('DIV.body#body'); // back to the message

    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('BUTTON.action.show');
    await page.keyboard.press('Enter');
    await page.locator(shadow('.number-line')).waitFor();
    expect(await focused(page)).toBe('P.title');
    await page.close();
  });

  it('after "Report", says "Sent" when the server took it, with focus on the status line', async () => {
    const page = await open(800, 'dark', PAGE_CSS);
    await page.evaluate(() => window.gallery.banner('warning', 'en', 'sent'));
    await page.locator(shadow('button.report')).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('P.status');
    expect(await page.locator(shadow('.status')).textContent()).toMatch(/^Sent\./);
    await page.close();
  });
});

describe.skipIf(!hasChromium)('the add-in pane in real Chromium', () => {
  for (const kind of ['danger', 'none', 'policy-problem'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`${kind}, ${scheme}: no WCAG 2.2 AA violations at 320 px`, async () => {
        const page = await open(320, scheme, PANE_CSS);
        await page.evaluate((k) => window.gallery.pane(k), kind);
        await page.locator('main.pane').waitFor();
        expect(await axeViolations(page)).toEqual([]);
        if (kind === 'danger') {
          const box = (await page.locator('.banner-host .banner').boundingBox())!;
          console.log(`danger banner in the 320 px pane (${scheme}): ${Math.round(box.height)} px tall`);
          expect(box.height).toBeLessThanOrEqual(300);
        }
        await page.close();
      });
    }
  }

  it('speaks German when Outlook\'s display language is de-DE', async () => {
    const page = await open(320, 'light', PANE_CSS);
    await page.evaluate(() => window.gallery.pane('danger', 'de-DE'));
    expect(await page.locator('.banner-host .title').innerText()).toMatch(/Betrugsalarm: nicht anrufen/);
    expect(await page.locator('.banner-host .reason').innerText()).toBe('Diese Nummer steht auf der Betrugsliste „Example Corp scam numbers“ Ihres Sicherheitsteams.');
    expect(await page.locator('table.phones th').first().innerText()).toMatch(/Nummer/i);
    expect(await page.locator('.feeds').innerText()).toBe('Example Corp scam numbers: 1.204 Nummern');
    if (writeScreenshots) await page.locator('main.pane').screenshot({ path: join(REPO, 'docs/screenshots/pane-320-de.png') });
    await page.evaluate(() => window.gallery.pane('danger', 'en-US'));
    if (writeScreenshots) await page.locator('main.pane').screenshot({ path: join(REPO, 'docs/screenshots/pane-320-en.png') });
    await page.close();
  });
});
