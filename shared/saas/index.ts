// Abused SaaS notifications: is it really the platform's mail, from whose instance, and does the content fit?
export { analyseSaas } from './analyse-saas.ts';
export { addPlatform, platformRules } from './registry.ts';
export type { Mismatch, PlatformMatch, PlatformRule, SaasFinding } from './types.ts';
