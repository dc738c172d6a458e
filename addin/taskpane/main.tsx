// Entry of the task pane page (taskpane.html). office.js comes from Microsoft's CDN as a classic script.
import { render } from 'preact';
import { openOutbox } from '../../shared/browser/outbox.ts';
import { parseEml } from '../../shared/mime/parse-eml.ts';
import { scan } from '../../shared/scan.ts';
import { openPaneFeeds } from '../feeds/open-pane-feeds.ts';
import type { OfficeLike } from '../outlook/office-like.ts';
import { loadHostedPolicy, localStoragePolicyCache } from '../policy/load-hosted-policy.ts';
import { PINNED_POLICY_URL } from '../policy/pinned-policy.ts';
import { policyUrlFor } from '../policy/policy-url.ts';
import { openParkedStore } from '../report/parked-store.ts';
import { ADDIN_VERSION } from '../version.ts';
import { runPane } from './run-pane.ts';
import { openIdbSendersStore } from '../../shared/browser/idb-senders-store.ts';
import { TaskPane } from './task-pane.tsx';
import { paneTranslator } from './translate.ts';
import { TechnicalDetail } from './note-text.tsx';
import { errorDetail } from '../../shared/i18n/note.ts';

const root = document.getElementById('app')!;
root.textContent = ''; // the static "Loading" text; Preact renders into an empty container

Office.onReady(async () => {
  const office = Office as unknown as OfficeLike;
  const policyUrl = policyUrlFor(location.href, PINNED_POLICY_URL);
  try {
    const pane = await runPane({
      office,
      loadPolicy: async () => {
        const cache = localStoragePolicyCache();
        const hosted = await loadHostedPolicy(policyUrl.url, cache ? { cache } : {});
        return policyUrl.problem ? { ...hosted, problems: [policyUrl.problem, ...hosted.problems] } : hosted;
      },
      parseEml,
      scan,
      openFeeds: (policy) => openPaneFeeds(policy),
      openOutbox: () => openOutbox(),
      openParkedStore: () => openParkedStore(),
      openSenders: () => openIdbSendersStore(),
      attachmentText: async (attachment) => (await import('./pdf-text.ts')).pdfAttachmentText(attachment),
      ocr: async (request) => (await import('./ocr-client.ts')).paneRecogniser(request),
      render: (state, context, actions, message) => render(<TaskPane state={state} context={context} actions={actions} message={message} />, root),
      now: () => new Date(),
      version: ADDIN_VERSION,
    });
    (globalThis as { ringfencePane?: unknown }).ringfencePane = pane;
  } catch (error) {
    const translator = paneTranslator();
    render(
      <main class="pane" lang={translator.locale} data-status="error">
        <section class="problem" role="alert">
          <h1>{translator.t('paneCouldNotStart')}</h1>
          <p>
            {translator.t('paneCouldNotStartHelp')} <TechnicalDetail detail={errorDetail(error)} translator={translator} />
          </p>
        </section>
      </main>,
      root,
    );
  }
});
