import type { Policy } from '../types.ts';
import { DEFAULT_POLICY } from './defaults.ts';

/** Admin policy wins over user options; user options fill in what policy leaves unset; defaults last. */
export function mergePolicy(admin: Policy | undefined, user: Policy | undefined): Policy & typeof DEFAULT_POLICY {
  const merged: Record<string, unknown> = { ...DEFAULT_POLICY };
  for (const layer of [user, admin]) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer)) {
      if (value !== undefined && value !== null) merged[key] = value;
    }
  }
  return merged as unknown as Policy & typeof DEFAULT_POLICY;
}
