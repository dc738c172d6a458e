// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Verdict } from '../../shared/types.ts';
import { TaskPane } from '../../addin/taskpane/task-pane.tsx';
import type { PaneContext, PaneState } from '../../addin/taskpane/pane-state.ts';
import { translatorFor } from '../../shared/i18n/catalogues.ts';

const context: PaneContext = { minimumBannerLevel: 'caution', policySource: 'hosted', policyProblems: [], feeds: [], canReport: true, pinnedUpdates: true, pendingReports: 0, parkedReports: 0 };
const actions = { reportNumbers: async () => 'sent' as const };
const verdict = (level: Verdict['level']): Verdict => ({
  level,
  reasons: level === 'none' ? [] : [{ code: 'brand-callback-lure', message: 'Presents itself as Geek Squad and asks you to call.', params: { brand: ['Geek Squad'] }, evidence: '<b>call</b> +1 (808) 4O2-7719' }],
  phones: level === 'none' ? [] : [{ e164: '+18084027719', raw: '+1 (808) 4O2-7719', part: 'body', start: 0, end: 17 }],
  brands: level === 'none' ? [] : ['Geek Squad'],
});
const done = (level: Verdict['level'], subject = '<img src=x onerror=alert(1)>'): PaneState => ({
  status: 'done',
  verdict: verdict(level),
  message: { subject, from: null, date: null },
  source: 'eml',
  warnings: [],
  notification: 'shown',
});

let root: HTMLElement;
function show(state: PaneState, ctx: Partial<PaneContext> = {}, locale = 'en-US') {
  root = document.createElement('div');
  document.body.append(root);
  render(<TaskPane state={state} context={{ ...context, ...ctx }} actions={actions} translator={translatorFor(locale)} />, root);
  const banner = root.querySelector('.banner-host')?.shadowRoot?.querySelector('.banner');
  return { root, banner };
}
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('TaskPane', () => {
  it('shows the shared banner and the full findings, rendering message text as text', () => {
    const { root, banner } = show(done('warning'));
    expect(banner?.getAttribute('data-level')).toBe('warning');
    expect(root.querySelector('h1.subject')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('table.phones')?.textContent).toContain('+1 808 402 7719');
    expect(root.querySelector('.evidence')?.textContent).toBe('<b>call</b> +1 (808) 4O2-7719');
    expect(root.querySelector('.evidence b')).toBeNull();
  });

  it('never calls a message safe', () => {
    const { root, banner } = show(done('none', 'Lunch'));
    expect(banner).toBeUndefined();
    expect(root.querySelector('.no-findings')?.textContent).toMatch(/does not make\s+it safe/);
    expect(root.textContent).not.toMatch(/\bis safe\b/i);
  });

  it('leaves out the banner below the policy’s minimum level, still listing the findings', () => {
    const { root, banner } = show(done('caution'), { minimumBannerLevel: 'warning' });
    expect(banner).toBeUndefined();
    expect(root.querySelector('.no-findings')?.textContent).toMatch(/minor signs/);
    expect(root.querySelector('table.phones')).not.toBeNull();
  });

  it('explains errors and policy problems', () => {
    const { root } = show(
      { status: 'error', title: { key: 'paneNotAMessage' }, explanation: { key: 'paneNotAMessageHelp', detail: 'appointment' } },
      { policySource: 'cached', policyProblems: [{ key: 'panePolicySettingIgnored', params: { setting: 'feedTtlDays' }, detail: 'feedTtlDays: expected a positive number' }] },
    );
    expect(root.querySelector('.problem h1')?.textContent).toBe('Not an email');
    expect(root.querySelector('.problem p')?.textContent).toBe('Ringfence checks email messages; the selected item is not one. Technical detail: appointment');
    expect(root.querySelector('.policy-source')?.textContent).toMatch(/last saved/);
    expect(root.querySelector('.policy-problems li')?.textContent).toBe(
      'The setting “feedTtlDays” was not used: its value is not in the expected form. Technical detail: feedTtlDays: expected a positive number',
    );
    expect(root.querySelector('.policy-problems .detail-text')?.textContent).toBe('feedTtlDays: expected a positive number');
  });

  it('says what a policy problem means in plain words, with the technical detail for the IT team', () => {
    const { root } = show(done('none', 'Lunch'), { policyProblems: [{ key: 'panePolicySettingIgnored', params: { setting: 'feedTtlDays' }, detail: 'feedTtlDays: expected a positive number' }] });
    expect(root.querySelector('.policy-problems p')?.textContent).toBe("Some of your organisation's settings could not be used. Tell your IT team:");
  });

  it('speaks German in a de-DE Outlook: banner, findings and footer', () => {
    const { root, banner } = show(done('warning'), { feeds: [{ name: 'Liste', entryCount: 1200 }], pendingReports: 2 }, 'de-DE');
    expect(root.querySelector('main')?.getAttribute('lang')).toBe('de-DE');
    expect(banner?.querySelector('.title')?.textContent).toBe('Warnung Sieht nach Rückruf-Betrug aus');
    expect(banner?.querySelector('.reason')?.textContent).toMatch(/^Sie gibt sich als Geek Squad aus/);
    expect(root.querySelector('table.phones th')?.textContent).toBe('Nummer');
    expect(root.querySelector('.feeds')?.textContent).toBe('Liste: 1.200 Nummern');
    expect(root.querySelector('.pending')?.textContent).toBe('2 Meldungen warten auf den Versand.');
  });

  it('keeps a hidden warning as a chip when the same message is shown again', async () => {
    const { root, banner } = show(done('danger', 'Invoice'));
    banner!.querySelector<HTMLButtonElement>('button.dismiss')!.click();
    expect(document.activeElement).toBe(root.querySelector('h1.subject'));
    render(null, root);
    const again = show(done('danger', 'Invoice'));
    expect(again.banner?.classList.contains('chip')).toBe(true);
  });

  it('shows the loading step and error title in the reader\'s language', () => {
    const { root } = show({ status: 'error', title: { key: 'paneNotAMessage' }, explanation: { key: 'paneNotAMessageHelp', detail: 'x' } }, {}, 'de-DE');
    expect(root.querySelector('.problem h1')?.textContent).toBe('Keine E-Mail');
    render(null, root);
    const loading = show({ status: 'loading', step: { key: 'paneStepChecking' } }, {}, 'de-DE');
    expect(loading.root.querySelector('.loading')?.textContent).toBe('Diese Nachricht wird geprüft…');
  });
});
