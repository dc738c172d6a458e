// Checks RINGFENCE_POLICY_URL, the policy URL built into the add-in's scripts.
import { DEFAULT_POLICY_FILE } from '../policy/policy-url.ts';

/** Returns the value to build in (kept relative when relative); throws for anything but https. */
export function pinnedPolicySetting(raw: string | undefined, baseUrl: string): string {
  const value = raw?.trim() || DEFAULT_POLICY_FILE;
  let url: URL;
  try {
    url = new URL(value, baseUrl);
  } catch {
    throw new Error(`RINGFENCE_POLICY_URL "${value}" is not a URL`);
  }
  if (url.protocol !== 'https:') throw new Error(`RINGFENCE_POLICY_URL must be https, got ${url.href}`);
  if (url.hash) throw new Error(`RINGFENCE_POLICY_URL must not carry a fragment: ${value}`);
  return value;
}
