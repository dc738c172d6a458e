import { isSupportedCountry } from 'libphonenumber-js/max';
import type { Policy } from '../types.ts';

/** The policy's default region when it has a numbering plan, else US (so a bad option never stops a scan). */
export function defaultRegion(policy: Policy): string {
  const region = policy.defaultRegion?.toUpperCase();
  return region && isSupportedCountry(region) ? region : 'US';
}
