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

function mount(onReport?: () => Promise<void>) {
  const host = document.createElement('ringfence-banner');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const onDismiss = vi.fn();
  mountBanner(root, { verdict, translate, formatNumber: (p) => p.e164, ...(onReport ? { onReport } : {}), onDismiss });
  return { root, onDismiss };
}

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
