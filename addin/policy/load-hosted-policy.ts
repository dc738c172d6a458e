// Reads the hosted policy.json, checks it, and keeps the last good copy for when the server cannot be reached.
import { mergePolicy } from '../../shared/policy/merge-policy.ts';
import { validatePolicy } from '../../shared/policy/validate-policy.ts';
import { readReportMove, type ReportMove } from './report-move.ts';
import { withTimeout } from '../outlook/timeout-signal.ts';
import { errorDetail, note, type Note } from '../../shared/i18n/note.ts';

export type EffectivePolicy = ReturnType<typeof mergePolicy>;

export interface HostedPolicy {
  policy: EffectivePolicy;
  reportMove: ReportMove;
  /** Where it came from: the server now, the last good copy, or built-in defaults. */
  source: 'hosted' | 'cached' | 'defaults';
  /** Keys that were malformed and ignored, and why the hosted copy was not used (the checker's line as detail). */
  problems: Note[];
}

/** Where the last good policy text is kept (localStorage in the task pane; absent in the JS-only runtime). */
export interface PolicyCache {
  get(): string | null;
  set(text: string): void;
}

export const POLICY_MAX_BYTES = 1_000_000;

export async function loadHostedPolicy(
  url: string,
  options: { fetchFn?: typeof fetch; cache?: PolicyCache; timeoutMs?: number } = {},
): Promise<HostedPolicy> {
  const fetchFn = options.fetchFn ?? globalThis.fetch.bind(globalThis);
  let failure: string;
  try {
    const response = await fetchFn(url, { cache: 'no-cache', credentials: 'omit', ...withTimeout(options.timeoutMs ?? 10_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const text = await response.text();
    if (text.length > POLICY_MAX_BYTES) throw new Error(`larger than ${POLICY_MAX_BYTES} bytes`);
    const parsed = fromText(text, 'hosted');
    if (parsed) {
      options.cache?.set(text);
      return parsed;
    }
    failure = 'not JSON';
  } catch (error) {
    failure = errorDetail(error);
  }
  const cached = options.cache?.get();
  const fromCache = cached ? fromText(cached, 'cached') : null;
  if (fromCache) return { ...fromCache, problems: [note('panePolicyUnreadCached', { url }, failure), ...fromCache.problems] };
  return { policy: mergePolicy({}, {}), reportMove: readReportMove({}).move, source: 'defaults', problems: [note('panePolicyUnreadDefaults', { url }, failure)] };
}

function fromText(text: string, source: 'hosted' | 'cached'): HostedPolicy | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const checked = validatePolicy(raw);
  const move = readReportMove(raw);
  return { policy: mergePolicy(checked.policy, {}), reportMove: move.move, source, problems: [...checked.problems, ...move.errors.map(reportMoveProblem)] };
}

/** The add-in's own settings' names in plain words (the shared ones are named by validatePolicy's notes). */
const REPORT_MOVE_LABELS: Record<string, string> = { reportMoveTo: 'policy_reportMoveTo', reportFolderName: 'policy_reportFolderName' };

/** readReportMove's line ("reportMoveTo: expected …") as a sentence naming the setting, the line as detail. */
function reportMoveProblem(line: string): Note {
  const label = REPORT_MOVE_LABELS[/^(\w+):/.exec(line)?.[1] ?? ''] ?? 'policy_reportMoveTo';
  return { ...note('panePolicySettingIgnored', undefined, line), terms: { setting: label } };
}

/** True when neither the hosted policy nor a saved copy could be read: the defaults stand in for an unknown policy. */
export function policyUnavailable(hosted: Pick<HostedPolicy, 'source'>): boolean {
  return hosted.source === 'defaults';
}

/** localStorage-backed cache, or undefined where there is no localStorage (the JS-only report runtime). */
export function localStoragePolicyCache(key = 'ringfence-policy'): PolicyCache | undefined {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return undefined;
    return {
      get: () => storage.getItem(key),
      set: (text) => storage.setItem(key, text),
    };
  } catch {
    return undefined;
  }
}
