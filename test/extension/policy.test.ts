// The extension's effective policy: a key the admin set stays locked even when its value is malformed (the
// default applies, not the user's own value), and the problem is reported for the options page and popup.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const storage = vi.hoisted(() => ({ managed: {} as Record<string, unknown>, local: {} as Record<string, unknown> }));
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      managed: { get: async () => structuredClone(storage.managed) },
      local: {
        get: async (key: string) => (key in storage.local ? { [key]: structuredClone(storage.local[key]) } : {}),
        set: async (items: Record<string, unknown>) => void Object.assign(storage.local, structuredClone(items)),
      },
    },
  },
}));

const { getPolicy, invalidatePolicy, USER_OPTIONS_KEY } = await import('../../extension/background/policy.ts');

describe('extension policy', () => {
  beforeEach(() => {
    invalidatePolicy();
    storage.managed = {};
    storage.local = {};
  });

  it("keeps a malformed admin key locked: the user's value is ignored and the problem is reported", async () => {
    storage.managed = { feedTtlDays: -3, trustedNumbers: '+18005550100', minimumBannerLevel: 'loud', reportEndpoint: 'https://reports.example/r' };
    storage.local[USER_OPTIONS_KEY] = { feedTtlDays: 1, trustedNumbers: ['+18047134598'], minimumBannerLevel: 'danger', updateIntervalMinutes: 15 };
    const state = await getPolicy();
    expect(state.effective.feedTtlDays).toBe(30);
    expect(state.effective.trustedNumbers).toEqual([]);
    expect(state.effective.minimumBannerLevel).toBe('caution');
    // Keys the admin left unset still take the user's value.
    expect(state.effective.updateIntervalMinutes).toBe(15);
    expect(state.managedKeys.sort()).toEqual(['feedTtlDays', 'minimumBannerLevel', 'reportEndpoint', 'trustedNumbers']);
    expect(state.errors).toHaveLength(3);
    expect(state.errors.join('\n')).toMatch(/managed policy feedTtlDays: .*locked/);
  });

  it('lets the user fill in keys the admin does not set', async () => {
    storage.managed = { reportEndpoint: 'https://reports.example/r' };
    storage.local[USER_OPTIONS_KEY] = { trustedNumbers: ['+18005550100'] };
    const state = await getPolicy();
    expect(state.effective.trustedNumbers).toEqual(['+18005550100']);
    expect(state.errors).toEqual([]);
  });
});
