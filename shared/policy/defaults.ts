import type { Policy } from '../types.ts';

export const DEFAULT_POLICY: Required<Omit<Policy, 'reportEndpoint' | 'reportMailbox' | 'reportToken'>> &
  Pick<Policy, 'reportEndpoint' | 'reportMailbox' | 'reportToken'> = {
  feeds: [],
  trustedNumbers: [],
  trustedGithubOrgs: [],
  trustedJiraSites: [],
  trustedZendeskTenants: [],
  trustedSenders: [],
  defaultRegion: 'US',
  feedTtlDays: 30,
  updateIntervalMinutes: 60,
  useBundledFeed: true,
  minimumBannerLevel: 'caution',
  extraBrands: [],
  // Empty: the topmost Authentication-Results header's authserv-id; the built-in ARC sealers only.
  trustedAuthservIds: [],
  trustedArcSealers: [],
  ocr: true,
};
