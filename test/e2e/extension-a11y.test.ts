// The extension's own pages and its banner in real Chromium: axe-core (WCAG 2.2 AA rules) on the popup and
// the options page, with and without an admin policy, light and dark; and the whole extension in German
// when Chromium runs with --lang=de.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium } from '../support/chromium.ts';
import { basePolicy, startHarness, type Harness } from '../extension/support/harness.ts';
import { WEBMAIL_START } from '../extension/support/webmail-routes.ts';
import { EXTENSION_ID } from '../extension/support/extension-under-test.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated, not injected as a <script>: the extension's pages forbid inline scripts (CSP).
  await page.evaluate(AXE);
  const result = await page.evaluate(async (tags) => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: { target: unknown; failureSummary?: string }[] }[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
  }, WCAG_22_AA);
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`));
}

describe.skipIf(!hasChromium)('extension pages, accessibility', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('a11y');
    await h.waitForFeed(h.feeds.url('/feed-a.json'));
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  async function openPage(path: string, scheme: 'light' | 'dark', ready: string): Promise<Page> {
    const page = await h.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${EXTENSION_ID}/${path}`);
    await page.locator(ready).first().waitFor({ timeout: 10_000 });
    return page;
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`popup and options page under policy, ${scheme}: no WCAG 2.2 AA violations`, async () => {
      const popup = await openPage('popup/popup.html', scheme, '.status .feeds');
      expect(await axeViolations(popup)).toEqual([]);
      await popup.close();
      const options = await openPage('options/options.html', scheme, '#managed-feeds');
      expect(await axeViolations(options)).toEqual([]);
      // A refused number, marked inline, is accessible too.
      await options.fill('#trusted', 'call me on 0800 123');
      await options.click('button[type="submit"]');
      await options.locator('#trusted-problems').waitFor();
      expect(await axeViolations(options)).toEqual([]);
      await options.close();
    });
  }

  it('options page without policy: says nothing is set by the organisation, both fields editable, no violations', async () => {
    await h.policy.write({});
    try {
      const options = await h.context.newPage();
      await expect
        .poll(
          async () => {
            await options.goto(`chrome-extension://${EXTENSION_ID}/options/options.html`);
            await options.locator('.managed-settings p, .managed-setting').first().waitFor({ timeout: 5_000 });
            return options.locator('.managed-settings').innerText();
          },
          { timeout: 30_000, interval: 1_000 },
        )
        .toContain('Your organisation has not set any Ringfence settings.');
      expect(await options.locator('#feeds').isEditable()).toBe(true);
      expect(await options.locator('#trusted').isEditable()).toBe(true);
      expect(await axeViolations(options)).toEqual([]);
      await options.emulateMedia({ colorScheme: 'dark' });
      expect(await axeViolations(options)).toEqual([]);
      await options.close();
    } finally {
      await h.policy.write(basePolicy(h.feeds, h.reports));
    }
  });
});

describe.skipIf(!hasChromium)('extension in German (--lang=de)', () => {
  let h: Harness;
  const language = process.env.LANGUAGE;
  beforeAll(async () => {
    process.env.LANGUAGE = 'de'; // Chromium on Linux takes its UI language from LANGUAGE as well as --lang
    h = await startHarness('lang-de', { args: ['--lang=de'] });
    await h.waitForFeed(h.feeds.url('/feed-a.json'));
  }, 120_000);
  afterAll(async () => {
    if (language === undefined) delete process.env.LANGUAGE;
    else process.env.LANGUAGE = language;
    await h?.close();
  });

  it('shows the banner, the popup and the options page in German', async () => {
    const page = await h.context.newPage();
    await page.goto(WEBMAIL_START.gmail);
    await page.click('tr[data-thread="invoice"]');
    const banner = page.locator('div.adn.ads ringfence-banner').first();
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.locator('.title').innerText()).toMatch(/Betrugsalarm: nicht anrufen/);
    expect(await banner.locator('.number-line').innerText()).toContain('auf der Betrugsliste Ihres Unternehmens');
    // The feed's own facts (reports, brands, last seen) follow the sentence (shared/i18n/reason-text.ts).
    expect(await banner.locator('.reason').innerText()).toMatch(/^Diese Nummer steht auf der Betrugsliste „Test feed A“ Ihres Sicherheitsteams\./);
    expect(await banner.locator('button.report-message').innerText()).toBe('Nachricht melden');
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${EXTENSION_ID}/popup/popup.html`);
    await expect.poll(() => popup.locator('.status .feeds').innerText(), { timeout: 10_000 }).toContain('2 Nummern');
    expect(await popup.locator('html').getAttribute('lang')).toMatch(/^de/);
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${EXTENSION_ID}/options/options.html`);
    await options.locator('.managed-setting').first().waitFor();
    expect(await options.locator('.managed-settings h2').innerText()).toBe('Von Ihrer Organisation festgelegt');
    expect(await options.locator('label[for="managed-feeds"]').innerText()).toContain('Betrugslisten');
    await Promise.all([page.close(), popup.close(), options.close()]);
  });
});
