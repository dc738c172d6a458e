import type { PlatformRule } from './types.ts';

const rules = new Map<string, PlatformRule>();

/** Each platform file calls this once when imported; a new platform is one more file (see platforms.ts). */
export function addPlatform(rule: PlatformRule): void {
  if (rules.has(rule.id)) throw new Error(`SaaS platform rule "${rule.id}" is registered twice`);
  rules.set(rule.id, rule);
}

export function platformRules(): readonly PlatformRule[] {
  return [...rules.values()];
}
