import data from '../data/saas-platforms.json' with { type: 'json' };

/** What the content checks know about one platform (shared/data/saas-platforms.json). */
export interface PlatformProfile {
  id: string;
  /** Name for the reader: GitHub, Jira, Zendesk. */
  name: string;
  brandNames: readonly string[];
  ownedDomains: readonly string[];
  lookalikeTokens: readonly string[];
  mentions: boolean;
  ownInstances: readonly string[];
  /** Paths (regular expressions) on its own domains where the reader grants an app access to the account. */
  consentLinks: readonly string[];
}

const PROFILES: Record<string, Omit<PlatformProfile, 'id' | 'name'>> = data.platforms;

/** The profile of a platform rule; a rule the data does not list gets its own name as brand and token. */
export function platformProfile(id: string, name: string): PlatformProfile {
  const known = PROFILES[id];
  if (known) return { id, name, ...known };
  const token = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return { id, name, brandNames: [name], ownedDomains: [], lookalikeTokens: token.length >= 5 ? [token] : [], mentions: false, ownInstances: [], consentLinks: [] };
}
