import type { Level, Reason } from '../types.ts';
import { describeClass } from './find-mismatches.ts';
import type { LookalikeEvidence } from './instance-lookalike.ts';
import type { Mismatch, PlatformMatch, SaasSignal } from './types.ts';
import { coded, MISFITS } from '../verdict/reason-codes.ts';
import { readerInstance } from './reader-instance.ts';

type LeveledReason = Reason & { level: Level };

/**
 * An invitation from an instance the organisation does not own, with nothing else wrong: the first step of the
 * help-desk abuse (the attacker signs the reader up so that later lures come from a real platform address).
 * A vendor's real service desk sends the same after you contact it, so the reason says "if you did not ask for
 * it"; admins list the desks their people use in the policy's trusted instances.
 */
export const UNTRUSTED_INVITE_LEVEL: Level = 'warning';
export const DRESSED_UP_INVITE_LEVEL: Level = 'warning';

/**
 * The reader-facing reasons, by the issue's rules: an authentic notification from a trusted instance raises
 * nothing; content that does not fit the platform is a warning; with a lure (a call to act, or several
 * misfits, or an instance dressed up as a billing desk or brand) from an untrusted instance it is a danger;
 * a forgery says so.
 */
export function saasReasons(
  platform: string,
  match: PlatformMatch,
  mismatches: readonly Mismatch[],
  lookalike: readonly LookalikeEvidence[],
  signals: readonly SaasSignal[] = [],
): LeveledReason[] {
  if (match.authentic && match.trusted) return signals.filter((s) => s.evenWhenTrusted).map((s) => signalReason(s, 'warning'));
  const reasons: LeveledReason[] = [];
  const evidence = [...new Set(mismatches.map((m) => m.evidence))].map((e) => `"${e}"`).join('; ');
  const strong = signals.filter((s) => !s.weak);
  const talk = talksAbout(mismatches, signals);
  const dressedUp = lookalike.some((l) => l.strong);
  // Content that does not fit: a misfit class, or a content signal that is more than a hint.
  const misfit = mismatches.length > 0 || strong.length > 0;
  const kinds = new Set([...mismatches.map((m) => m.kind), ...signals.map((s) => s.code)]);
  const lure =
    mismatches.some((m) => describeClass(m.kind).lure) ||
    strong.some((s) => s.lure) ||
    (misfit && kinds.size >= 2) ||
    (misfit && dressedUp);

  if (match.spoofed) {
    reasons.push({
      ...coded('saas-spoofed-notification', talk ? { variant: 'lure', platform } : { platform }),
      level: misfit ? 'danger' : 'warning',
      message:
        `This message claims to be from ${platform}${match.instanceLabel ? ` (${match.instanceLabel})` : ''}, but ${platform} did not send it: ${match.authEvidence}.` +
        (talk ? ` It talks about ${talk}: a forged notification is a common way to deliver such a lure.` : ' Do not trust its links or instructions.'),
      ...(evidence ? { evidence } : {}),
    });
  } else if (misfit && match.authentic && lure) {
    reasons.push({
      ...coded('saas-untrusted-instance', { platform }),
      level: 'danger',
      message: `This is a real ${platform} notification, but ${match.outsider}${where(match)}, and it talks about ${talk}. ${notSent(platform, mismatches)}`.trim(),
      evidence: evidence || strong.map((s) => s.evidence).join('; '),
    });
    if (mismatches.length) {
      reasons.push({
        ...coded('saas-semantic-mismatch', { platform, misfits: misfitsOf(mismatches) }),
        level: 'warning',
        message: `${platform} notifications are not used for ${[...new Set(mismatches.map((m) => describeClass(m.kind).notSent))].join(', ')}; this one contains ${evidence}.`,
        evidence,
      });
    }
  } else if (mismatches.length) {
    const opening = match.authentic
      ? `This is a real ${platform} notification, but ${match.outsider}${where(match)}`
      : `This looks like a ${platform} notification${where(match)}, though its sender could not be checked`;
    reasons.push({
      ...coded('saas-semantic-mismatch', { variant: match.authentic ? 'real' : 'unchecked', platform, misfits: misfitsOf(mismatches) }),
      level: 'warning',
      message: `${opening}, and it talks about ${talk}. ${notSent(platform, mismatches)}`,
      evidence,
    });
  } else if (match.kind === 'invite') {
    reasons.push({
      ...coded('saas-untrusted-instance', invitedFrom(match, platform)),
      level: dressedUp ? DRESSED_UP_INVITE_LEVEL : UNTRUSTED_INVITE_LEVEL,
      message:
        `${platform} sent you an invitation from ${match.instanceLabel || 'an outside instance'}, which is not one your organisation uses. ` +
        `Scammers sign people up this way so that their later messages come from a real ${platform} address. ` +
        'If you did not ask for it, ignore it and distrust later messages from there.',
    });
  }
  for (const signal of signals) {
    // Each piece of content evidence says what it is; a weak hint (a shortened link) only as a caution.
    reasons.push(signalReason(signal, signal.weak ? 'caution' : 'warning'));
  }
  if (lookalike.length && reasons.length) {
    reasons.push({
      ...coded('saas-lookalike-instance', { names: [...new Set(lookalike.map((l) => l.name))] }),
      level: 'caution',
      message: `Its names look chosen to seem official: ${lookalike.map((l) => l.text).join('; ')}.`,
      evidence: lookalike.map((l) => l.text).join('; '),
    });
  }
  return reasons;
}

/** The misfit classes as catalogue words for the surfaces, in the order found. */
function misfitsOf(mismatches: readonly Mismatch[]): string[] {
  return [...new Set(mismatches.map((m) => m.kind))].filter((kind) => (MISFITS as readonly string[]).includes(kind));
}

/** The inviting instance by its own name when it has a plain one (the English names it as the label does). */
function invitedFrom(match: PlatformMatch, platform: string): { variant: 'invite'; platform: string; instance: string } | { variant: 'invite-unnamed'; platform: string } {
  const instance = match.instanceLabel ? readerInstance(match) : undefined;
  return instance ? { variant: 'invite', platform, instance } : { variant: 'invite-unnamed', platform };
}

function notSent(platform: string, mismatches: readonly Mismatch[]): string {
  const first = mismatches[0];
  return first ? `${platform} does not send ${describeClass(first.kind).notSent} this way.` : '';
}

/** " (repo owner/name, by @actor)", or less when the platform names less. */
function where(match: PlatformMatch): string {
  const actor = !match.actor ? '' : match.actor.startsWith('@') ? `by ${match.actor}` : `signed "${match.actor}"`;
  const parts = [match.instanceLabel, actor].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function signalReason(signal: SaasSignal, level: Level): LeveledReason {
  return { code: signal.code, level, message: signal.message, evidence: signal.evidence, params: signal.params };
}

function talksAbout(mismatches: readonly Mismatch[], signals: readonly SaasSignal[] = []): string {
  const labels = [...new Set([...mismatches.map((m) => describeClass(m.kind).label), ...signals.map((s) => s.label)])];
  if (labels.length <= 1) return labels[0] ?? '';
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}
