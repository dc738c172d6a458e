import type { Level, MailMessage, Policy, Reason } from '../types.ts';
import type { InstanceName } from './instance-lookalike.ts';
import type { ReasonCode } from '../verdict/reason-codes.ts';

export interface Mismatch {
  /** Content class: invoice, billing, renewal, refund, payment, crypto, prize, account-lock, phone-call. */
  kind: string;
  /** The words in the message that show it, quoted as written. */
  evidence: string;
}

/**
 * One piece of evidence about a notification's user-written content (platform impersonation, look-alike or
 * redirecting links, mass mentions, a crypto giveaway, an echoed request), each found by its own file.
 */
export interface SaasSignal {
  /** Reason code shown for it: saas-platform-impersonation, saas-lookalike-link … */
  code: ReasonCode;
  /** The values its catalogue sentence is written with (shared/verdict/reason-codes.ts). */
  params: NonNullable<Reason['params']>;
  /** Completes "it talks about …": "a claim to be GitHub's own staff". */
  label: string;
  /** A pretext or a request to act: from an instance the organisation does not own it makes a danger. */
  lure: boolean;
  /** Alone only worth a caution (a shortened link); it still counts with other evidence. */
  weak: boolean;
  /** Raised even from a trusted instance: the words are a third party's (a request someone filed). */
  evenWhenTrusted: boolean;
  /** The reason text for the reader. */
  message: string;
  /** The words or links that show it, quoted. */
  evidence: string;
}

export interface SaasFinding {
  platform: string;
  /** The receiving side recorded that the platform itself sent it. */
  authentic: boolean;
  /** It claims to be the platform's mail, but the platform did not send it. */
  spoofed: boolean;
  /** owner/repo, SITE.atlassian.net, TENANT.zendesk.com, or the help desk's own domain. */
  instance: string;
  /** The account that wrote the content, where the platform names it. */
  actor?: string;
  trusted: boolean;
  mismatches: Mismatch[];
  lookalike: string[];
  /** Codes of the content signals found (saas-platform-impersonation, saas-mass-mentions …). */
  signals: string[];
  reasons: (Reason & { level: Level })[];
}

/** What one platform rule recognised in a message. */
export interface PlatformMatch {
  authentic: boolean;
  spoofed: boolean;
  /** Why it is (not) authentic, in plain words. */
  authEvidence: string;
  instance: string;
  /** How to name the instance to a reader: "repo Invoice-Info/billing", "help desk kandypens.zendesk.com"; empty when none. */
  instanceLabel: string;
  actor?: string;
  trusted: boolean;
  /**
   * notification: content written by users of the instance (comments, commits, tickets);
   * invite: an account invitation that the instance's owner can trigger for any address;
   * account: the platform's own mail about the reader's account (receipts, security notices).
   */
  kind: 'notification' | 'invite' | 'account';
  /** Content classes that do not belong in this kind of mail from this platform. */
  unfitting: readonly string[];
  /** Classes among `unfitting` that count only next to another misfit (an invoice may well give a number to call). */
  supporting?: readonly string[];
  /** Names the instance's owner chose, checked for billing/support words and brand names. */
  names: InstanceName[];
  /** Completes "This is a real GitHub notification, but …": "it was written by an account outside your organisation". */
  outsider: string;
}

export interface PlatformRule {
  /** Stable id used in the verdict: github, jira, zendesk. */
  id: string;
  /** Name for the reader: GitHub, Jira, Zendesk. */
  name: string;
  /** undefined when the message neither is nor claims to be this platform's mail. */
  match(message: MailMessage, policy: Policy): PlatformMatch | undefined;
}
