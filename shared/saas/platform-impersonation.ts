import lexicon from '../data/saas-impersonation.json' with { type: 'json' };
import { foldText } from '../lure/fold-text.ts';
import type { PlatformProfile } from './platform-profile.ts';
import { quoteFolded } from './quote-folded.ts';
import type { SaasSignal } from './types.ts';
import { coded } from '../verdict/reason-codes.ts';

export interface ImpersonationInput {
  profile: PlatformProfile;
  /** Names the content's author chose: display name, account, help desk or project name. */
  names: readonly string[];
  /** Subject and body as the reader sees them. */
  texts: readonly string[];
}

/** Notifications are short; read at most this much of each text. */
const MAX_CHARS = 100_000;
const compiled = new Map<string, { names: RegExp[]; texts: RegExp[] }>();

/** "G.i.t.H.u.b" and "Git Hub" as well as "GitHub": a separator may sit between any two letters. */
function brandPattern(brand: string): string {
  return [...foldText(brand).text.replace(/[^a-z0-9]/g, '')].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s.\\-_]?');
}

function patternsFor(profile: PlatformProfile): { names: RegExp[]; texts: RegExp[] } {
  const key = profile.brandNames.join('|');
  let found = compiled.get(key);
  if (!found) {
    const brand = `(?:${profile.brandNames.map(brandPattern).join('|')})`;
    const fill = (p: string) => p.replaceAll('{staff}', lexicon.staff).replaceAll('{team}', lexicon.team).replaceAll('{brand}', brand);
    found = { names: lexicon.names.map((p) => new RegExp(fill(p), 'i')), texts: lexicon.text.map((p) => new RegExp(fill(p), 'im')) };
    compiled.set(key, found);
  }
  return found;
}

/**
 * User-written content that speaks as the platform itself: an author named "GitHub Security Team", an issue
 * signed "Atlassian Support", a ticket "from Zendesk Trust & Safety". Names count whole; in the subject and
 * body only self-identifying frames count (a signature line, "this is the …", "on behalf of …"), since people
 * also write about the platform ("I asked GitHub Support").
 */
export function findPlatformImpersonation(input: ImpersonationInput): SaasSignal | undefined {
  const { names, texts } = patternsFor(input.profile);
  const hit = firstHit(input.names, names) ?? firstHit(input.texts, texts);
  if (!hit) return undefined;
  const platform = input.profile.name;
  return {
    ...coded('saas-platform-impersonation', { platform, quote: hit }),
    label: `a claim to speak for ${platform} itself`,
    lure: false,
    weak: false,
    evenWhenTrusted: false,
    message:
      `Someone who uses ${platform} wrote this, but presents it as coming from ${platform} itself ("${hit}"). ` +
      `${platform}'s own staff do not write to you through content its users post; treat its links and requests as the sender's, not ${platform}'s.`,
    evidence: hit,
  };
}

function firstHit(sources: readonly string[], patterns: readonly RegExp[]): string | undefined {
  for (const source of sources) {
    if (!source.trim()) continue;
    const text = source.slice(0, MAX_CHARS);
    const folded = foldText(text);
    for (const pattern of patterns) {
      const m = pattern.exec(folded.text);
      if (m) return quoteFolded(text, folded, m.index, m.index + m[0].length);
    }
  }
  return undefined;
}
