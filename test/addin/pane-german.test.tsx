// @vitest-environment happy-dom
// The pane in a de-DE Outlook says nothing in English: every state it can be in (loading steps, each error,
// a verdict with read warnings, the footer with feed errors, policy problems of every kind, the report
// dialog) is rendered in German and searched for English catalogue text. Technical details (an error from
// Outlook or a server, a policy line) are shown as they came and are left out of the search.
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { TaskPane } from '../../addin/taskpane/task-pane.tsx';
import type { PaneContext, PaneState } from '../../addin/taskpane/pane-state.ts';
import { completionOptions, type DeliveryOutcome } from '../../addin/report/completion.ts';
import { policyUrlFor } from '../../addin/policy/policy-url.ts';
import { loadHostedPolicy } from '../../addin/policy/load-hosted-policy.ts';
import { CATALOGUES, translatorFor } from '../../shared/i18n/catalogues.ts';
import { note, type Note } from '../../shared/i18n/note.ts';
import type { Verdict } from '../../shared/types.ts';

import { expectGerman, readerText } from '../i18n/support/expect-german.ts';

const de = translatorFor('de-DE');

/** Words no German sentence of the pane has (the pane shows policy addresses such as policy.json). */
const ENGLISH_WORDS_IN_PANE = /\b(the|and|could|not|your|this|from|with|found|number|numbers|message|messages|report|reports|settings|checked|reading|failed|cannot)\b/i;

const scam: Verdict = {
  level: 'danger',
  reasons: [
    { code: 'feed-number', message: '+18047134598 is on a scam-number list.', params: { list: 'Liste A' }, evidence: '+1 804 713 4598' },
    { code: 'brand-callback-lure', message: 'Presents itself as PayPal and asks you to call.', params: { brand: ['PayPal'] } },
  ],
  phones: [
    { e164: '+18047134598', raw: '804 713 4598', part: 'body', start: 0, end: 12, inFeed: true, lineType: 'toll-free' },
    { e164: '+18005550100', raw: '800 555 0100', part: 'ocr:rechnung.png', start: 0, end: 12, trusted: true },
  ],
  brands: ['PayPal'],
  saas: { platform: 'github', authentic: false, instance: '', trusted: false },
};
const quiet: Verdict = { level: 'none', reasons: [], phones: [], brands: [] };
const subject = { subject: 'Rechnung', from: null, date: null };

/** Read warnings and policy problems, made by the code that makes them where it can be called here. */
const WARNINGS: Note[] = [
  note('paneWarnWholeMessage', undefined, 'getAsFileAsync failed: 5001'),
  note('paneWarnHeaders', undefined, 'getAllInternetHeadersAsync failed'),
  note('paneWarnAttachment', { name: 'rechnung.pdf' }, 'HTTP 500'),
];
/** An organisation's policy.json with a malformed value of every kind, read by the pane's own loader. */
const HOSTED = await loadHostedPolicy('https://addins.example.com/policy.json', {
  fetchFn: (async () =>
    new Response(
      JSON.stringify({
        feedTtlDays: -1,
        defaultRegion: 'UK',
        reportEndpoint: 'http://reports.example/r',
        trustedNumbers: '+18005550100',
        ocr: 'ja',
        minimumBannerLevel: 'loud',
        feeds: [{ url: 'ftp://lists.example/a' }, { url: 'https://lists.example/b', format: 'xml' }],
        reportMoveTo: 'archive',
      }),
    )) as typeof fetch,
});
const PROBLEMS: Note[] = [
  ...HOSTED.problems,
  policyUrlFor('https://addins.example.com/taskpane.html?policy=https://evil.example/p.json').problem!,
  policyUrlFor('https://addins.example.com/taskpane.html?policy=http://[bad').problem!,
  note('panePolicyUnreadCached', { url: 'https://addins.example.com/policy.json' }, 'HTTP 503'),
  note('panePolicyUnreadDefaults', { url: 'https://addins.example.com/policy.json' }, 'not JSON'),
  note('paneProblemOutbox', undefined, 'QuotaExceededError'),
  note('paneProblemParkedRead', undefined, 'blocked'),
  note('paneProblemParkedQueue', undefined, 'blocked'),
  note('paneProblemFeedsOpen', undefined, 'IndexedDB is blocked'),
];

const busyContext: PaneContext = {
  minimumBannerLevel: 'caution',
  policySource: 'cached',
  policyProblems: PROBLEMS,
  feeds: [{ name: 'Liste A', entryCount: 1204, lastError: 'HTTP 503 Service Unavailable', lastProblem: { key: 'feedProblemServer', detail: 'HTTP 503 Service Unavailable' } }, { name: 'Liste B', entryCount: 1 }],
  canReport: true,
  pinnedUpdates: true,
  pendingReports: 2,
  parkedReports: 1,
};
const emptyContext: PaneContext = { ...busyContext, policySource: 'defaults', policyProblems: [], feeds: [], pendingReports: 1, parkedReports: 3 };

const STATES: [string, PaneState, PaneContext][] = [
  ['reading the policy', { status: 'loading', step: note('paneStepPolicy') }, emptyContext],
  ['checking', { status: 'loading', step: note('paneStepChecking') }, emptyContext],
  ['reading attachments', { status: 'loading', step: note('paneStepAttachments') }, emptyContext],
  ['no message', { status: 'error', title: note('paneNoItem'), explanation: note('paneNoItemHelp') }, busyContext],
  ['not a message', { status: 'error', title: note('paneNotAMessage'), explanation: note('paneNotAMessageHelp', undefined, 'appointment') }, busyContext],
  ['could not check', { status: 'error', title: note('paneCouldNotCheck'), explanation: note('paneCouldNotCheckHelp', undefined, 'Internal Error') }, busyContext],
  ['danger, read by its body, with warnings', { status: 'done', verdict: scam, message: subject, source: 'item', warnings: WARNINGS, notification: 'shown' }, busyContext],
  ['nothing found', { status: 'done', verdict: quiet, message: { ...subject, subject: '' }, source: 'eml', warnings: [], notification: 'removed' }, emptyContext],
  ['below the minimum level', { status: 'done', verdict: { ...scam, level: 'caution' }, message: subject, source: 'eml', warnings: [], notification: 'below-minimum' }, { ...emptyContext, minimumBannerLevel: 'warning' }],
];

const rendered = () => new Promise((resolve) => setTimeout(resolve, 0));

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
});

describe('the pane in a de-DE Outlook', () => {
  for (const [name, state, context] of STATES) {
    it(`says nothing in English: ${name}`, async () => {
      root = document.createElement('div');
      document.body.append(root);
      render(<TaskPane state={state} context={context} actions={{ reportNumbers: async () => 'sent' }} translator={de} />, root);
      // Every part of the banner: its details open, then hidden to the chip.
      const banner = root.querySelector('.banner-host')?.shadowRoot;
      banner?.querySelector<HTMLButtonElement>('button.details-toggle')?.click();
      await rendered();
      if (banner) expect(banner.querySelector('.details'), name).not.toBeNull();
      expectGerman(readerText(root), name, ENGLISH_WORDS_IN_PANE);
      banner?.querySelector<HTMLButtonElement>('button.dismiss')?.click();
      await rendered();
      if (banner) {
        expect(banner.querySelector('.chip'), name).not.toBeNull();
        expectGerman(readerText(banner), `${name}, hidden`, ENGLISH_WORDS_IN_PANE);
      }
    });
  }

  it('shows each technical detail as it came, marked as such', () => {
    root = document.createElement('div');
    document.body.append(root);
    render(<TaskPane state={STATES[6]![1]} context={busyContext} actions={{ reportNumbers: async () => 'sent' }} translator={de} />, root);
    const details = [...root.querySelectorAll('.detail')].map((d) => d.textContent);
    expect(details).toContain('Technische Angabe: HTTP 503 Service Unavailable');
    expect(details).toContain('Technische Angabe: feedTtlDays: expected a positive number');
    expect(root.querySelector('.warnings')?.textContent).toContain('Der Anhang „rechnung.pdf“ konnte nicht gelesen werden.');
     const feed = root.querySelector('.feeds .feed')!.textContent!;
    expect(feed).toContain(de.t('feedProblemServer'));
  });

  it('names each of the organisation\'s malformed settings in plain German, its key only in the technical detail', () => {
    expect(HOSTED.problems).toHaveLength(9);
    root = document.createElement('div');
    document.body.append(root);
    render(<TaskPane state={STATES[7]![1]} context={{ ...busyContext, policyProblems: HOSTED.problems }} actions={{ reportNumbers: async () => 'sent' }} translator={de} />, root);
    const problems = root.querySelector('.policy-problems')!;
    const sentences = readerText(problems);
    expect(sentences).toContain('„Tage, die eine Betrugsmeldung gilt“ wurde nicht verwendet: Der Wert muss eine Zahl größer als 0 sein.');
    expect(sentences).toContain('„Was mit einer gemeldeten Nachricht geschieht“ wurde nicht verwendet');
    expect(sentences).toContain('Betrugsliste 2 wurde nicht verwendet');
    for (const key of ['feedTtlDays', 'defaultRegion', 'reportEndpoint', 'trustedNumbers', 'ocr', 'minimumBannerLevel', 'feeds', 'reportMoveTo']) {
      expect(sentences, key).not.toContain(key);
    }
    expect([...problems.querySelectorAll('.detail-text')].map((d) => d.textContent)).toContain('feedTtlDays: expected a positive number');
  });

  it('gives the report dialog in German for every outcome', () => {
    const outcomes: DeliveryOutcome[] = ['delivered', 'queued', 'parked', 'policy-unavailable', 'not-configured', 'failed'];
    for (const outcome of outcomes) {
      const dialog = completionOptions(outcome, { to: 'junk' }, de.t).showPostProcessingDialog as { title: string; description: string };
      expectGerman(`${dialog.title} ${dialog.description}`, outcome, ENGLISH_WORDS_IN_PANE);
    }
    expect(completionOptions('delivered', { to: 'junk' }, translatorFor('en-US').t).showPostProcessingDialog).toEqual({
      title: 'Reported',
      description: 'Thank you. Your security team has the phone numbers and warning signs from this message.',
    });
  });
});
