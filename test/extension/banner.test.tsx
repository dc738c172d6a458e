// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { mountBanner } from '../../shared/browser/banner/mount-banner.tsx';
import type { Verdict } from '../../shared/types.ts';
import en from '../../extension/_locales/en/messages.json' with { type: 'json' };

const translate = (key: string, subs?: string[]) =>
  (en as Record<string, { message: string }>)[key]!.message.replace(/\$1/g, subs?.[0] ?? '');

const verdict: Verdict = {
  level: 'warning',
  reasons: [{ code: 'brand-callback-lure', message: '<img src=x onerror=alert(1)> asks you to call', evidence: '<b>call</b> now' }],
  phones: [
    { e164: '+18449012377', raw: '(844) 9O1-2377', part: 'body', start: 0, end: 14 },
    { e164: '+18005550100', raw: '800 555 0100', part: 'body', start: 20, end: 32, trusted: true },
  ],
  brands: ['Geek Squad'],
};

function mount(onReport?: () => Promise<void>, onReportMessage?: () => Promise<void>, shown: Verdict = verdict) {
  const host = document.createElement('ringfence-banner');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const onDismiss = vi.fn();
  mountBanner(root, {
    verdict: shown,
    translate,
    formatNumber: (p) => p.e164,
    ...(onReport ? { onReport } : {}),
    ...(onReportMessage ? { onReportMessage } : {}),
    onDismiss,
  });
  return { root, onDismiss };
}

/** An abused GitHub notification: no phone number, only the platform rules speak. */
const noNumber: Verdict = {
  level: 'warning',
  reasons: [{ code: 'saas-semantic-mismatch', message: 'An invoice in a GitHub notification' }],
  phones: [],
  brands: ['PayPal'],
};

describe('banner', () => {
  it('is an alert with the level, the untrusted numbers and plain-language reasons, as text', () => {
    const { root } = mount();
    const section = root.querySelector('section')!;
    expect(section.getAttribute('role')).toBe('alert');
    expect(section.dataset.level).toBe('warning');
    expect([...root.querySelectorAll('.number')].map((n) => n.textContent)).toEqual(['+18449012377']);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('[data-code="brand-callback-lure"]')!.textContent).toContain('<img src=x');
    expect(root.querySelector('button.report')).toBeNull();
    expect(root.querySelector('button.report-message')).toBeNull();
  });

  it('reports with one click, then confirms and disables the button', async () => {
    const onReport = vi.fn(async () => {});
    const { root } = mount(onReport);
    const button = root.querySelector<HTMLButtonElement>('button.report')!;
    expect(button.textContent).toBe('Report this number');
    button.click();
    await vi.waitFor(() => expect(root.querySelector('.status')!.textContent).toMatch(/Reported/));
    expect(root.querySelector<HTMLButtonElement>('button.report')!.disabled).toBe(true);
    root.querySelector<HTMLButtonElement>('button.report')!.click();
    expect(onReport).toHaveBeenCalledTimes(1);
  });

  it('"Report message" reports with one click, then confirms and disables only itself', async () => {
    const onReport = vi.fn(async () => {});
    const onReportMessage = vi.fn(async () => {});
    const { root } = mount(onReport, onReportMessage);
    const button = root.querySelector<HTMLButtonElement>('button.report-message')!;
    expect(button.textContent).toBe('Report message');
    expect(button.type).toBe('button');
    expect(root.querySelector('.status')!.textContent).toBe('');
    button.click();
    // A second click before the button re-renders as disabled does not report again.
    button.click();
    await vi.waitFor(() => expect(root.querySelector('.status')!.textContent).toMatch(/Reported/));
    expect(root.querySelector('.status')!.getAttribute('role')).toBe('status');
    expect(root.querySelector<HTMLButtonElement>('button.report-message')!.disabled).toBe(true);
    root.querySelector<HTMLButtonElement>('button.report-message')!.click();
    expect(onReportMessage).toHaveBeenCalledTimes(1);
    expect(onReport).not.toHaveBeenCalled();
    expect(root.querySelector<HTMLButtonElement>('button.report')!.disabled).toBe(false);
  });

  it('offers "Report message" for a message without any phone number, and "Report this number" not', () => {
    const { root } = mount(vi.fn(async () => {}), vi.fn(async () => {}), noNumber);
    expect(root.querySelector('button.report')).toBeNull();
    expect(root.querySelector('button.report-message')!.textContent).toBe('Report message');
  });

  it('lets the reader try "Report message" again after a failure, and says it failed', async () => {
    const onReportMessage = vi.fn().mockRejectedValueOnce(new Error('no')).mockResolvedValueOnce(undefined);
    const { root } = mount(undefined, onReportMessage);
    root.querySelector<HTMLButtonElement>('button.report-message')!.click();
    await vi.waitFor(() => expect(root.querySelector('.status')!.textContent).toMatch(/could not/));
    expect(root.querySelector<HTMLButtonElement>('button.report-message')!.disabled).toBe(false);
    root.querySelector<HTMLButtonElement>('button.report-message')!.click();
    await vi.waitFor(() => expect(root.querySelector('.status')!.textContent).toMatch(/Reported/));
    expect(onReportMessage).toHaveBeenCalledTimes(2);
  });

  it('says plainly when a report was refused because the outbox is full, and lets the reader retry', async () => {
    // As it arrives from the worker: the OutboxFullError's message, as text.
    const full = new Error('Outbox full: 200 reports are waiting to be sent and the outbox is full; this report was not saved.');
    const onReport = vi.fn().mockRejectedValueOnce(full).mockResolvedValueOnce(undefined);
    const { root } = mount(onReport);
    root.querySelector<HTMLButtonElement>('button.report')!.click();
    await vi.waitFor(() => expect(root.querySelector('.status')!.textContent).toMatch(/Not reported: too many earlier reports/));
    expect(root.querySelector<HTMLButtonElement>('button.report')!.disabled).toBe(false);
  });

  it('shows no report button at all without a report endpoint (no callbacks)', () => {
    const { root } = mount(undefined, undefined, noNumber);
    expect(root.querySelectorAll('button.action').length).toBe(1);
    expect(root.querySelector('button.details-toggle')).not.toBeNull();
  });

  it('says so when the report could not be queued', async () => {
    const { root } = mount(() => Promise.reject(new Error('no')));
    root.querySelector<HTMLButtonElement>('button.report')!.click();
    await vi.waitFor(() => expect(root.querySelector('.status')!.textContent).toMatch(/could not/));
  });

  it('expands details (aria-expanded) with evidence as text, and dismisses', async () => {
    const { root, onDismiss } = mount();
    const toggle = root.querySelector<HTMLButtonElement>('button.details-toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await vi.waitFor(() => expect(root.querySelector('dl.details')).not.toBeNull());
    expect(root.querySelector('button.details-toggle')!.getAttribute('aria-expanded')).toBe('true');
    expect(root.querySelector('dl.details')!.textContent).toContain('<b>call</b> now');
    root.querySelector<HTMLButtonElement>('button.dismiss')!.click();
    expect(onDismiss).toHaveBeenCalled();
  });
});
