// A page script for the accessibility and layout tests: renders the shared banner (as the extension mounts
// it, in a shadow root above a message) or the add-in's task pane, with made-up verdicts, in real Chromium.
import { render } from 'preact';
import { mountBanner } from '../../../shared/browser/banner/mount-banner.tsx';
import { translatorFor } from '../../../shared/i18n/catalogues.ts';
import type { Verdict } from '../../../shared/types.ts';
import { TaskPane } from '../../../addin/taskpane/task-pane.tsx';
import type { PaneContext, PaneState } from '../../../addin/taskpane/pane-state.ts';
import { formatNumber } from '../../../shared/verdict/format-number.ts';

export const VERDICTS: Record<'danger' | 'warning' | 'caution', Verdict> = {
  danger: {
    level: 'danger',
    reasons: [
      { code: 'feed-number', message: '+1 804 713 4598 is on a scam-number list (Example Corp scam numbers).', evidence: 'Example Corp scam numbers, 12 reports', params: { list: 'Example Corp scam numbers' } },
      { code: 'brand-callback-lure', message: 'This message presents itself as PayPal (an invoice) and asks you to call +1 804 713 4598.', evidence: 'call 804[-]713[-]4598 to cancel', params: { brand: ['PayPal'] } },
    ],
    phones: [{ e164: '+18047134598', raw: '804[-]713[-]4598', part: 'body', start: 10, end: 26, inFeed: true, lineType: 'fixed-line-or-mobile' }],
    brands: ['PayPal', 'Norton'],
  },
  warning: {
    level: 'warning',
    reasons: [{ code: 'brand-callback-lure', message: 'This message presents itself as Geek Squad and asks you to call +1 844 901 2377.', evidence: 'call (844) 9O1-2377', params: { brand: ['Geek Squad'] } }],
    phones: [{ e164: '+18449012377', raw: '(844) 9O1-2377', part: 'body', start: 0, end: 14, lineType: 'toll-free' }],
    brands: ['Geek Squad'],
  },
  caution: {
    level: 'caution',
    reasons: [{ code: 'callback-lure', message: 'This message is about a payment you may not recognise and asks you to call +1 808 402 7719.', params: { topic: 'payment' } }],
    phones: [{ e164: '+18084027719', raw: '+1 (808) 402-7719', part: 'body', start: 0, end: 17 }],
    brands: [],
  },
};

declare global {
  interface Window {
    gallery: typeof gallery;
    reports: string[];
  }
}

const gallery = {
  /** The banner above a fake message, as the extension shows it. `outcome` is what Report answers. */
  banner(level: keyof typeof VERDICTS, locale = 'en', outcome: 'sent' | 'queued' = 'sent') {
    document.body.innerHTML = '<main><h1>Inbox</h1><div class="message"><p class="subject">Your invoice</p><div id="slot"></div><div class="body" id="body"><p>Dear customer, call 804[-]713[-]4598 to cancel.</p></div></div></main>';
    const host = document.createElement('ringfence-banner');
    document.getElementById('slot')!.replaceWith(host);
    const body = document.getElementById('body')!;
    window.reports = [];
    const report = (kind: string) => async () => {
      window.reports.push(kind);
      await new Promise((r) => setTimeout(r, 50));
      return outcome;
    };
    mountBanner(host.attachShadow({ mode: 'open' }), {
      verdict: VERDICTS[level],
      translator: translatorFor(locale),
      formatNumber: (p) => formatNumber(p.e164),
      onReport: report('number'),
      onReportMessage: report('message'),
      onDismiss: () => {
        body.tabIndex = -1;
        body.focus();
      },
    });
  },
  /** The add-in's task pane; `displayLanguage` is Outlook's, read by the pane as in Office. */
  pane(kind: 'danger' | 'none' | 'policy-problem', displayLanguage = 'en-US') {
    (window as unknown as { Office: unknown }).Office = { context: { displayLanguage } };
    document.documentElement.lang = displayLanguage;
    const verdict: Verdict = kind === 'danger' ? VERDICTS.danger : { level: 'none', reasons: [], phones: [], brands: [] };
    const state: PaneState = {
      status: 'done',
      verdict,
      message: { subject: kind === 'danger' ? 'Your PayPal invoice INV-20418 for Norton 360 Deluxe' : 'Lunch on Friday?', from: null, date: null },
      source: 'eml',
      warnings: [],
      notification: 'shown',
    };
    const context: PaneContext = {
      minimumBannerLevel: 'caution',
      policySource: kind === 'policy-problem' ? 'cached' : 'hosted',
      policyProblems: kind === 'policy-problem' ? [{ key: 'panePolicySettingIgnored', params: { setting: 'feedTtlDays' }, detail: 'feedTtlDays: expected a positive number of days' }] : [],
      feeds: [{ name: 'Example Corp scam numbers', entryCount: 1204 }],
      canReport: true,
      pinnedUpdates: true,
      pendingReports: kind === 'policy-problem' ? 1 : 0,
      parkedReports: 0,
    };
    document.body.innerHTML = '<div id="app"></div>';
    render(
      <TaskPane state={state} context={context} actions={{ reportNumbers: async () => 'queued' }} message={{ subject: state.message.subject, from: null, date: null, headers: [], text: '', attachments: [], links: [], to: [], replyTo: [] } as never} />,
      document.getElementById('app')!,
    );
  },
};

window.gallery = gallery;
