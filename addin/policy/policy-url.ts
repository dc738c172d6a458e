// Which policy.json the add-in reads. The policy decides where reports (and .eml copies) go, so it comes only
// from the add-in's own site or from the build:
//   - the policy pinned at build time (RINGFENCE_POLICY_URL, default `policy.json` beside the add-in's files);
//   - or a `policy` query parameter of the add-in's own URL (a variant set in the manifest, ADDIN_POLICY),
//     accepted only when it resolves to the add-in's own origin.

import { note, type Note } from '../../shared/i18n/note.ts';

export const DEFAULT_POLICY_FILE = 'policy.json';

/**
 * `pageUrl` is the task pane's or the report handler's own URL; `pinned` the build's policy URL (relative to
 * the add-in, or absolute). A `policy` parameter on another origin, or not a URL, is refused with a reason.
 */
export function policyUrlFor(pageUrl: string, pinned: string = DEFAULT_POLICY_FILE): { url: string; problem?: Note } {
  const page = new URL(pageUrl);
  const fallback = new URL(pinned, page).href;
  const requested = page.searchParams.get('policy');
  if (!requested) return { url: fallback };
  let url: URL;
  try {
    url = new URL(requested, page);
  } catch {
    return { url: fallback, problem: note('panePolicyAddressInvalid', { requested, fallback }) };
  }
  if (url.origin !== page.origin) {
    return { url: fallback, problem: note('panePolicyAddressIgnored', { requested: url.href, origin: page.origin, fallback }) };
  }
  return { url: url.href };
}
