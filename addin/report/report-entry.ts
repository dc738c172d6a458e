// Entry of report.js: one classic script (no modules), loaded by commands.html in browser-based Outlook and
// directly by classic Outlook on Windows' JavaScript-only runtime. Registers the Report button's function.
import { parseEml } from '../../shared/mime/parse-eml.ts';
import { scan } from '../../shared/scan.ts';
import { openOutbox } from '../../shared/browser/outbox.ts';
import { REPORT_FUNCTION_NAME } from '../manifest/report-function.ts';
import { loadHostedPolicy, localStoragePolicyCache } from '../policy/load-hosted-policy.ts';
import { PINNED_POLICY_URL } from '../policy/pinned-policy.ts';
import { policyUrlFor } from '../policy/policy-url.ts';
import type { OfficeLike } from '../outlook/office-like.ts';
import { ADDIN_VERSION } from '../version.ts';
import { openReputation } from '../feeds/open-reputation.ts';
import { handleSpamReport, type SpamReportingEvent } from './handle-spam-report.ts';
import { newId } from './new-id.ts';
import { parkReport } from './parked-reports.ts';
import { openParkedStore } from './parked-store.ts';

declare const __RINGFENCE_BASE_URL__: string;

/** The URL this script runs from: the page in browser runtimes, the script itself in the JS-only runtime. */
function ownUrl(): string {
  const runtimeUrl = (Office.context as { urls?: { javascriptRuntimeUrl?: string } } | undefined)?.urls?.javascriptRuntimeUrl;
  return globalThis.location?.href ?? runtimeUrl ?? `${__RINGFENCE_BASE_URL__}report.js`;
}

function onSpamReport(event: SpamReportingEvent): void {
  const office = Office as unknown as OfficeLike;
  const hasIndexedDb = typeof globalThis.indexedDB !== 'undefined';
  void handleSpamReport(office, event, {
    parseEml,
    scan,
    loadPolicy: () => {
      const cache = localStoragePolicyCache();
      const policyUrl = policyUrlFor(ownUrl(), PINNED_POLICY_URL);
      if (policyUrl.problem) console.error('Ringfence: the policy named in the add-in’s address was ignored', policyUrl.problem.params);
      return loadHostedPolicy(policyUrl.url, cache ? { cache } : {});
    },
    ...(hasIndexedDb ? { reputation: (policy) => openReputation(policy.feedTtlDays) } : {}),
    delivery: {
      ...(hasIndexedDb ? { openOutbox: () => openOutbox(), openParkedStore: () => openParkedStore() } : {}),
      fetchFn: globalThis.fetch.bind(globalThis),
      park: (payload) => parkReport(office, payload),
    },
    now: () => new Date(),
    newId,
    version: ADDIN_VERSION,
    log: (message) => console.error(message),
  });
}

Office.onReady(() => {});
Office.actions.associate(REPORT_FUNCTION_NAME, onSpamReport);
