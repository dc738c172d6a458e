// The effective policy: admin policy (storage.managed) wins, user options (storage.local) fill in what it
// leaves unset, defaults last. Re-read whenever either changes (storage.onChanged), so no restart is needed.
import browser from 'webextension-polyfill';
import { mergePolicy } from '../../shared/policy/merge-policy.ts';
import { validatePolicy } from '../../shared/policy/validate-policy.ts';
import type { Policy } from '../../shared/types.ts';
import type { Note } from '../../shared/i18n/note.ts';

export const USER_OPTIONS_KEY = 'userOptions';
/** The last policy read, for the first scans after a browser start (reading managed storage can take seconds). */
const POLICY_CACHE_KEY = 'policyCache';
const CACHE_WAIT_MS = 250;

export type EffectivePolicy = ReturnType<typeof mergePolicy>;

export interface PolicyState {
  effective: EffectivePolicy;
  admin: Policy;
  user: Policy;
  /** Keys the admin policy sets, malformed ones included: the user's value never applies to them. */
  managedKeys: (keyof Policy)[];
  /** Admin and user settings that were malformed and ignored, one line each (technical, English). */
  errors: string[];
  /** The same for a reader: the admin's (locked) and the user's own, a catalogue sentence each. */
  problems: { admin: Note[]; user: Note[] };
}

let current: Promise<PolicyState> | undefined;

export function getPolicy(): Promise<PolicyState> {
  current ??= readPolicy().catch((error: unknown) => {
    current = undefined;
    throw error;
  });
  return current;
}

/**
 * The policy for judging a message now: the fresh one if it is ready within a moment, else the last one
 * read (kept in storage.local), else wait for the fresh one.
 */
export async function getPolicyForScan(): Promise<PolicyState> {
  const fresh = getPolicy();
  const quick = await Promise.race([fresh, delay(CACHE_WAIT_MS)]);
  if (quick) return quick;
  const cached = (await browser.storage.local.get(POLICY_CACHE_KEY))[POLICY_CACHE_KEY] as PolicyState | undefined;
  return cached ?? fresh;
}

function delay(ms: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms));
}

/** Forgets the cached policy; the next getPolicy() reads storage again. */
export function invalidatePolicy(): void {
  current = undefined;
}

export function isPolicyChange(area: string, changes: Record<string, unknown>): boolean {
  return area === 'managed' || (area === 'local' && USER_OPTIONS_KEY in changes);
}

async function readPolicy(): Promise<PolicyState> {
  // Firefox rejects storage.managed.get() when no policy is installed; Chromium answers {}.
  const managed = await browser.storage.managed.get().catch(() => ({}));
  const stored = await browser.storage.local.get(USER_OPTIONS_KEY);
  const admin = validatePolicy(managed);
  const user = validatePolicy(stored[USER_OPTIONS_KEY] ?? {});
  // A key the admin set stays the admin's even when malformed: the default applies, not the user's value.
  const state: PolicyState = {
    effective: mergePolicy(admin.policy, user.policy, admin.setKeys),
    admin: admin.policy,
    user: user.policy,
    managedKeys: admin.setKeys,
    errors: [
      ...admin.errors.map((e) => `managed policy ${e} (the setting stays locked; ask your administrator)`),
      ...user.errors.map((e) => `options ${e}`),
    ],
    problems: { admin: admin.problems, user: user.problems },
  };
  await browser.storage.local.set({ [POLICY_CACHE_KEY]: state });
  return state;
}
