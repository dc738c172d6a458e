import type { Level, MailMessage, Policy, Reason } from '../types.ts';
import type { InstanceName } from './instance-lookalike.ts';

export interface Mismatch {
  /** Content class: invoice, billing, renewal, refund, payment, crypto, prize, account-lock, phone-call. */
  kind: string;
  /** The words in the message that show it, quoted as written. */
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
