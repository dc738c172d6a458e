// The policy URL fixed when the add-in was built (RINGFENCE_POLICY_URL; build/addin.config.ts defines it).
import { DEFAULT_POLICY_FILE } from './policy-url.ts';

declare const __RINGFENCE_POLICY_URL__: string | undefined;

/** Relative to the add-in's own URL, or absolute; `policy.json` beside the add-in when the build sets none. */
export const PINNED_POLICY_URL: string = typeof __RINGFENCE_POLICY_URL__ === 'string' && __RINGFENCE_POLICY_URL__ ? __RINGFENCE_POLICY_URL__ : DEFAULT_POLICY_FILE;
