import lexicon from '../data/saas-autoreply.json' with { type: 'json' };
import type { MailMessage } from '../types.ts';
import type { Mismatch, PlatformMatch, SaasSignal } from './types.ts';
import { coded } from '../verdict/reason-codes.ts';
import { readerInstance } from './reader-instance.ts';

const SUBJECT = lexicon.subject.map((p) => new RegExp(p, 'i'));
const BODY = lexicon.body.map((p) => new RegExp(p, 'i'));
const HEAD_CHARS = 3_000;

/** A help desk's automatic "we received your request" reply, by its wording. */
export function isAutoAcknowledgement(message: MailMessage): boolean {
  const head = message.text.slice(0, HEAD_CHARS);
  return SUBJECT.some((p) => p.test(message.subject)) || BODY.some((p) => p.test(head));
}

/**
 * A help desk's automatic acknowledgement that repeats a lure back: anyone can file a request in another
 * person's name, so the repeated subject and description are that person's words, not the company's (and a
 * phone number in it may be the company's own). Raised even when the desk is trusted: the text is not.
 */
export function findEchoedRequest(
  message: MailMessage,
  match: PlatformMatch,
  platform: string,
  lures: readonly (Mismatch | SaasSignal)[],
): SaasSignal | undefined {
  if (match.kind !== 'notification' || lures.length === 0 || !isAutoAcknowledgement(message)) return undefined;
  const desk = match.instanceLabel || `a ${platform} help desk`;
  const evidence = lures.map((l) => l.evidence).filter(Boolean).slice(0, 2).join('; ');
  return {
    ...coded('saas-echoed-request', namedDesk(match, platform)),
    label: 'a request someone else wrote, repeated back',
    lure: true,
    weak: false,
    evenWhenTrusted: true,
    message:
      `This is an automatic reply from ${desk} to a request filed in your name. The text it repeats back ("${evidence}") was written ` +
      'by whoever filed it, not by the company: scammers use real help desks to deliver their words. Any phone number in it may be ' +
      "the company's own, but do not act on the repeated text.",
    evidence,
  };
}

/** The desk by its own name when it has a plain one, else the platform: "an automatic reply from a Zendesk help desk". */
function namedDesk(match: PlatformMatch, platform: string): { variant: 'named'; instance: string } | { platform: string } {
  const instance = match.instanceLabel ? readerInstance(match) : undefined;
  return instance ? { variant: 'named', instance } : { platform };
}
