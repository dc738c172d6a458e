// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { mountBanner } from '../../shared/browser/banner/mount-banner.tsx';
import { translatorFor } from '../../shared/i18n/catalogues.ts';
import type { Verdict } from '../../shared/types.ts';

const translator = translatorFor('en');

const verdict: Verdict = {
  level: 'warning',
  reasons: [{ code: 'brand-callback-lure', message: '<img src=x onerror=alert(1)> asks you to call', evidence: '<b>call</b> now', params: { brand: ['Geek Squad'] } }],
  phones: [
    { e164: '+18449012377', raw: '(844) 9O1-2377', part: 'body', start: 0, end: 14, lineType: 'fixed-line-or-mobile' },
    { e164: '+18005550100', raw: '800 555 0100', part: 'body', start: 20, end: 32, trusted: true },
  ],
  brands: ['Geek Squad'],
};

const danger: Verdict = {
  level: 'danger',
  reasons: [
    { code: 'feed-number', message: '+18047134598 is on a scam-number list (Example feed).', params: { list: 'Example feed' } },
    { code: 'brand-callback-lure', message: 'This message presents itself as PayPal and asks you to call +1 804 713 4598.', params: { brand: ['PayPal'] } },
  ],
  // The number itself and its block are both listed: the exact listing is what the reader is told.
  phones: [{ e164: '+18047134598', raw: '804[-]713[-]4598', part: 'body', start: 0, end: 16, inFeed: true, block: '+1804713' }],
  brands: ['PayPal'],
};

type Action = () => Promise<'sent' | 'queued' | void>;

function mount(onReport?: Action, onReportMessage?: Action, shown: Verdict = verdict, extra: { dismissed?: boolean; locale?: string } = {}) {
  const host = document.createElement('ringfence-banner');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const onDismiss = vi.fn();
  const onShow = vi.fn();
  mountBanner(root, {
    verdict: shown,
    translator: extra.locale ? translatorFor(extra.locale) : translator,
    formatNumber: (p) => p.e164,
    ...(onReport ? { onReport } : {}),
    ...(onReportMessage ? { onReportMessage } : {}),
    onDismiss,
    onShow,
    ...(extra.dismissed ? { dismissed: true } : {}),
  });
  return { root, onDismiss, onShow };
}

const locked = (root: ShadowRoot, selector: string) => root.querySelector(selector)!.getAttribute('aria-disabled') === 'true';

/** An abused GitHub notification: no phone number, only the platform rules speak. */
const noNumber: Verdict = {
  level: 'warning',
  reasons: [{ code: 'saas-semantic-mismatch', message: 'An invoice in a GitHub notification', params: { platform: 'GitHub', misfits: ['invoice', 'phone-call'] } }],
  phones: [],
  brands: ['PayPal'],
  saas: { platform: 'github', authentic: true, instance: 'someone', trusted: false },
};

describe('banner', () => {
  it('is a labelled region with the level, the untrusted number with its status label, one plain reason, as text', () => {
    const { root } = mount();
    const section = root.querySelector('section')!;
    expect(section.getAttribute('role')).toBeNull();
    expect(section.getAttribute('aria-labelledby')).toBeTruthy();
    expect(section.dataset.level).toBe('warning');
    expect([...root.querySelectorAll('.number')].map((n) => n.textContent)).toEqual(['+18449012377']);
    expect(root.querySelector('.number-line')!.textContent).toBe('+18449012377, not known: check before you call');
    expect(root.querySelector('.reason')!.textContent).toBe(
      'It presents itself as Geek Squad and asks you to call. Scammers send fake invoices and alerts so that you phone them.',
    );
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('button.report')).toBeNull();
    expect(root.querySelector('button.report-message')).toBeNull();
  });

  it('labels a number on the feed "on your company\'s scam list" and shows it once outside Details', () => {
    const { root } = mount(undefined, undefined, danger);
    expect(root.querySelector('.title')!.textContent).toBe('Danger Scam alert: do not call');
    expect(root.querySelector('.number-line')!.textContent).toBe("+18047134598, on your company's scam list");
    const outside = [...root.querySelector('section')!.children].filter((c) => !c.classList.contains('details') && !c.classList.contains('live'));
    expect(outside.map((c) => c.textContent).join(' ').split('+18047134598').length - 1).toBe(1);
  });

  it('Details add what the scam list knows of the number; the one reason above stays short', async () => {
    const withFacts: Verdict = { ...danger, reasons: [{ ...danger.reasons[0]!, params: { list: 'Example feed', reports: 1234 } }, danger.reasons[1]!] };
    const { root } = mount(undefined, undefined, withFacts);
    const outside = () => [...root.querySelector('section')!.children].filter((c) => !c.classList.contains('details')).map((c) => c.textContent).join(' ');
    expect(outside()).not.toContain('1,234');
    root.querySelector<HTMLButtonElement>('button.details-toggle')!.click();
    await vi.waitFor(() => expect(root.querySelector('.details ul.reasons')).not.toBeNull());
    expect(root.querySelector('.details ul.reasons')!.textContent).toContain('1,234');
  });

  it('uses no codes or E.164 jargon outside Details; codes sit in Details under a label for analysts', async () => {
    const { root } = mount(undefined, undefined, verdict);
    const visible = () => [...root.querySelector('section')!.children].filter((c) => !c.classList.contains('details')).map((c) => c.textContent).join(' ');
    expect(visible()).not.toMatch(/brand-callback-lure|E\.164|fixed-line/);
    root.querySelector<HTMLButtonElement>('button.details-toggle')!.click();
    await vi.waitFor(() => expect(root.querySelector('.details dl.codes')).not.toBeNull());
    const details = root.querySelector('.details')!.textContent!;
    expect(details).toContain('For your security team (codes)');
    expect(details).toContain('brand-callback-lure');
    expect(details).toContain('landline or mobile');
    expect(details).not.toContain('fixed-line-or-mobile');
    expect(details).toContain('<b>call</b> now');
  });

  it('announces one short summary (level, number, one sentence) in a live region, not the whole banner', async () => {
    const { root } = mount(undefined, undefined, danger);
    const live = root.querySelector('.live')!;
    expect(live.getAttribute('role')).toBe('status');
    await vi.waitFor(() => expect(live.textContent).not.toBe(''));
    expect(live.textContent).toBe("Danger: +18047134598, on your company's scam list. This number is on your security team's scam list “Example feed”.");
    expect(root.querySelectorAll('[role="alert"]').length).toBe(0);
  });

  it('reports with one click, moves focus to the status line and says "Sent" when delivered', async () => {
    const onReport = vi.fn(async () => 'sent' as const);
    const { root } = mount(onReport);
    const button = root.querySelector<HTMLButtonElement>('button.report')!;
    expect(button.textContent).toBe('Report this number');
    button.focus();
    button.click();
    await vi.waitFor(() => expect(root.querySelector('.status')!.textContent).toMatch(/^Sent/));
    await vi.waitFor(() => expect(root.activeElement).toBe(root.querySelector('.status')));
    expect(locked(root, 'button.report')).toBe(true);
    root.querySelector<HTMLButtonElement>('button.report')!.click();
    expect(onReport).toHaveBeenCalledTimes(1);
  });

  it('says the report is saved and will be sent later when it is only queued', async () => {
    const { root } = mount(vi.fn(async () => 'queued' as const));
    root.querySelector<HTMLButtonElement>('button.report')!.click();
    await vi.waitFor(() => expect(root.querySelector('.status')!.textContent).toBe("Saved; it will be sent when your security team's server answers."));
    expect(root.querySelector('.status')!.textContent).not.toMatch(/Sent/);
  });

  it('"Report message" reports once and locks only itself', async () => {
    const onReport = vi.fn(async () => {});
    const onReportMessage = vi.fn(async () => {});
    const { root } = mount(onReport, onReportMessage);
    const button = root.querySelector<HTMLButtonElement>('button.report-message')!;
    expect(button.textContent).toBe('Report message');
    expect(root.querySelector('.status')!.textContent).toBe('');
    button.click();
    button.click();
    await vi.waitFor(() => expect(root.querySelector('.status')!.textContent).toMatch(/Sent/));
    expect(locked(root, 'button.report-message')).toBe(true);
    root.querySelector<HTMLButtonElement>('button.report-message')!.click();
    expect(onReportMessage).toHaveBeenCalledTimes(1);
    expect(onReport).not.toHaveBeenCalled();
    expect(locked(root, 'button.report')).toBe(false);
  });

  it('offers "Report message" for a message without any phone number, and "Report this number" not', () => {
    const { root } = mount(vi.fn(async () => {}), vi.fn(async () => {}), noNumber);
    expect(root.querySelector('button.report')).toBeNull();
    expect(root.querySelector('button.report-message')!.textContent).toBe('Report message');
    expect(root.querySelector('.reason')!.textContent).toBe('GitHub notifications are not used for invoices and phone numbers to call; this one contains them.');
  });

  it('lets the reader try again after a failure, and says it failed', async () => {
    const onReportMessage = vi.fn().mockRejectedValueOnce(new Error('no')).mockResolvedValueOnce('sent');
    const { root } = mount(undefined, onReportMessage);
    root.querySelector<HTMLButtonElement>('button.report-message')!.click();
    await vi.waitFor(() => expect(root.querySelector('.status')!.textContent).toMatch(/could not/));
    expect(locked(root, 'button.report-message')).toBe(false);
    root.querySelector<HTMLButtonElement>('button.report-message')!.click();
    await vi.waitFor(() => expect(root.querySelector('.status')!.textContent).toMatch(/Sent/));
    expect(onReportMessage).toHaveBeenCalledTimes(2);
  });

  it('says plainly when a report was refused because the outbox is full', async () => {
    const full = new Error('Outbox full: 200 reports are waiting to be sent and the outbox is full; this report was not saved.');
    const { root } = mount(vi.fn().mockRejectedValueOnce(full));
    root.querySelector<HTMLButtonElement>('button.report')!.click();
    await vi.waitFor(() => expect(root.querySelector('.status')!.textContent).toMatch(/Not reported: too many earlier reports/));
    expect(locked(root, 'button.report')).toBe(false);
  });

  it('shows no report button at all without a report endpoint (no callbacks)', () => {
    const { root } = mount(undefined, undefined, noNumber);
    expect(root.querySelectorAll('button.action').length).toBe(1);
    expect(root.querySelector('button.details-toggle')).not.toBeNull();
  });

  it('puts × after the actions in tab order, not first', () => {
    const { root } = mount(vi.fn(async () => {}), vi.fn(async () => {}));
    const buttons = [...root.querySelectorAll('button')];
    expect(buttons[0]!.classList.contains('report')).toBe(true);
    expect(buttons.at(-1)!.classList.contains('dismiss')).toBe(true);
  });

  it('collapses to a one-line chip on dismiss, and Show brings the banner back with focus on its title', async () => {
    const { root, onDismiss, onShow } = mount();
    root.querySelector<HTMLButtonElement>('button.details-toggle')!.click();
    root.querySelector<HTMLButtonElement>('button.dismiss')!.click();
    expect(onDismiss).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(root.querySelector('.chip')).not.toBeNull());
    expect(root.querySelector('.chip')!.textContent).toBe('Warning Ringfence warning hidden · Show');
    expect(root.querySelector('.number')).toBeNull();
    root.querySelector<HTMLButtonElement>('button.show')!.click();
    await vi.waitFor(() => expect(root.querySelector('.title')).not.toBeNull());
    expect(onShow).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(root.activeElement).toBe(root.querySelector('.title')));
  });

  it('starts as the chip when the reader hid this message\'s warning before, and announces nothing', async () => {
    const { root } = mount(undefined, undefined, danger, { dismissed: true });
    expect(root.querySelector('.chip')).not.toBeNull();
    expect(root.querySelector('.live')).toBeNull();
  });

  it('speaks German with a German translator, reasons included', async () => {
    const { root } = mount(undefined, undefined, danger, { locale: 'de-DE' });
    expect(root.querySelector('.title')!.textContent).toBe('Gefahr Betrugsalarm: nicht anrufen');
    expect(root.querySelector('.number-line')!.textContent).toContain('auf der Betrugsliste Ihres Unternehmens');
    expect(root.querySelector('.reason')!.textContent).toBe('Diese Nummer steht auf der Betrugsliste „Example feed“ Ihres Sicherheitsteams.');
    expect(root.querySelector('button.details-toggle')!.textContent).toBe('Details');
  });

  it('falls back to the core\'s English message for a reason code the catalogue does not know', () => {
    const { root } = mount(undefined, undefined, { ...verdict, reasons: [{ code: 'brand-new-rule', message: 'A brand-new rule fired.' }] });
    expect(root.querySelector('.reason')!.textContent).toBe('A brand-new rule fired.');
  });
});
