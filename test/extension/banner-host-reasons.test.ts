// @vitest-environment happy-dom
// The page's banner shows the reasons' sentences its worker wrote (in the reader's language, with the feed's
// facts in Details): the sentence registry and its formatting stay out of the content script.
import { describe, expect, it, vi } from 'vitest';
import { CATALOGUES } from '../../shared/i18n/catalogues.ts';
import { reasonText } from '../../shared/i18n/reason-text.ts';
import { translatorFor } from '../../shared/i18n/catalogues.ts';
import type { Verdict } from '../../shared/types.ts';
import type { ScanResponse } from '../../extension/lib/messages.ts';

vi.mock('../../extension/lib/browser-api.ts', () => ({
  browser: {
    runtime: { id: 'test' },
    i18n: { getUILanguage: () => 'de', getMessage: (key: string) => CATALOGUES.de![key]?.message ?? CATALOGUES.en![key]?.message ?? '' },
  },
}));

// content/banner.js, as the worker injects it with a frame's first banner (see load-banner.test.ts).
await import('../../extension/content/banner-entry.ts');
const { createBannerHost } = await import('../../extension/content/banner-host.ts');
const { reasonTextsOf } = await import('../../extension/background/reason-texts.ts');

const verdict: Verdict = {
  level: 'danger',
  reasons: [
    { code: 'feed-number', message: 'listed', params: { list: 'Example feed', reports: 117 } },
    { code: 'brand-callback-lure', message: 'PayPal asks you to call', params: { brand: ['PayPal'] } },
  ],
  phones: [{ e164: '+18047134598', raw: '804 713 4598', part: 'body', start: 0, end: 12, inFeed: true }],
  brands: ['PayPal'],
};

function shown(response: ScanResponse) {
  const { host } = createBannerHost(response, { onDismiss() {} });
  document.body.append(host);
  const root = host.shadowRoot!;
  (root.querySelector('.details-toggle') as HTMLButtonElement).click();
  return root;
}

describe('banner in the page', () => {
  it('shows the sentences the worker wrote: the first alone, each with its facts in Details', async () => {
    const reasonTexts = { compact: ['Worker: listed.', 'Worker: PayPal.'], details: ['Worker: listed, reported 117 times.', 'Worker: PayPal, in full.'] };
    const root = shown({ verdict, show: true, canReport: false, formatted: {}, reasonTexts });
    await vi.waitFor(() => expect(root.querySelectorAll('.reasons li')).toHaveLength(2));
    expect(root.querySelector('.reason')!.textContent).toBe('Worker: listed.');
    expect([...root.querySelectorAll('.reasons li')].map((li) => li.textContent)).toEqual(reasonTexts.details);
  });

  it('shows the core message of a reason the worker wrote no sentence for', async () => {
    const root = shown({ verdict, show: true, canReport: false, formatted: {} });
    await vi.waitFor(() => expect(root.querySelectorAll('.reasons li')).toHaveLength(2));
    expect(root.querySelector('.reason')!.textContent).toBe('listed');
  });

  it('the worker writes them in the reader\'s language, as the shared reason texts do', () => {
    const german = translatorFor('de');
    expect(reasonTextsOf(verdict)).toEqual({
      compact: verdict.reasons.map((r) => reasonText(r, verdict, german.t, german.locale)),
      details: verdict.reasons.map((r) => reasonText(r, verdict, german.t, german.locale, { facts: true })),
    });
    expect(reasonTextsOf(verdict).details[0]).not.toBe(reasonTextsOf(verdict).compact[0]);
  });
});
