import type { Policy } from '../types.ts';
import { DEFAULT_POLICY } from './defaults.ts';

/**
 * Admin policy wins over user options; user options fill in what policy leaves unset; defaults last.
 * `locked` keys (every key the admin set, even malformed and dropped) never take the user's value.
 */
export function mergePolicy(
  admin: Policy | undefined,
  user: Policy | undefined,
  locked: readonly (keyof Policy)[] = [],
): Policy & typeof DEFAULT_POLICY {
  const merged: Record<string, unknown> = { ...DEFAULT_POLICY };
  for (const layer of [user, admin]) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer)) {
      if (layer === user && locked.includes(key as keyof Policy)) continue;
      if (value !== undefined && value !== null) merged[key] = value;
    }
  }
  return merged as unknown as Policy & typeof DEFAULT_POLICY;
}
