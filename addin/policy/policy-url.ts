// Which policy.json the add-in reads: the `policy` query parameter of its own URL (set in the manifest),
// resolved against that URL; `policy.json` beside the add-in's files when absent.

export const DEFAULT_POLICY_FILE = 'policy.json';

/**
 * `pageUrl` is the task pane's or the report handler's own URL. Only https URLs are accepted, except
 * loopback http (development and tests); anything else falls back to the default file, with a reason.
 */
export function policyUrlFor(pageUrl: string): { url: string; problem?: string } {
  const page = new URL(pageUrl);
  const fallback = new URL(DEFAULT_POLICY_FILE, page).href;
  const requested = page.searchParams.get('policy');
  if (!requested) return { url: fallback };
  let url: URL;
  try {
    url = new URL(requested, page);
  } catch {
    return { url: fallback, problem: `policy parameter "${requested}" is not a URL; using ${DEFAULT_POLICY_FILE}` };
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname))) return { url: url.href };
  return { url: fallback, problem: `policy URL ${url.href} is not https; using ${DEFAULT_POLICY_FILE}` };
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}
