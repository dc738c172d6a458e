import data from '../data/saas-platforms.json' with { type: 'json' };
import type { MailMessage } from '../types.ts';
import { messageIdOf } from '../mail-auth/headers.ts';
import type { PlatformProfile } from './platform-profile.ts';
import type { SaasSignal } from './types.ts';
import { coded } from '../verdict/reason-codes.ts';

const { minDistinct, skipKinds } = data.mentions;
/** @login or @org/team, not an e-mail address (a word character or dot before the @ rules those out). */
const HANDLE = /(?<![\w.@/+-])@([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})(?:\/[A-Za-z0-9_.-]+)?(?![\w@.-]*\.[a-z]{2,}\b)/g;
const MAX_CHARS = 200_000;

/**
 * An issue, discussion or comment that @-mentions dozens of different accounts: each mention e-mails the
 * account, so spammers list strangers in bulk to deliver an announcement (often a token "airdrop").
 */
export function findMassMentions(message: MailMessage, profile: PlatformProfile): SaasSignal | undefined {
  if (!profile.mentions || isSkippedKind(message)) return undefined;
  const handles = new Set<string>();
  for (const m of message.text.slice(0, MAX_CHARS).matchAll(HANDLE)) handles.add((m[1] ?? '').toLowerCase());
  if (handles.size < minDistinct) return undefined;
  const sample = [...handles].slice(0, 5).map((h) => `@${h}`).join(', ');
  return {
    ...coded('saas-mass-mentions', { platform: profile.name, count: handles.size }),
    label: `mentions of ${handles.size} accounts`,
    lure: false,
    weak: false,
    evenWhenTrusted: false,
    message:
      `It mentions ${handles.size} different accounts (${sample}, …). Mentioning dozens of strangers at once is how spammers get ` +
      `${profile.name} to e-mail their announcement to many people; you were probably one of them, not someone it was meant for.`,
    evidence: `${handles.size} accounts: ${sample}, …`,
  };
}

/** Releases and pushes credit contributors by @name; the Message-ID says which kind a notification is. */
function isSkippedKind(message: MailMessage): boolean {
  const path = (messageIdOf(message) ?? '').split('@')[0]?.split('/') ?? [];
  return skipKinds.some((kind) => path[2] === kind);
}
