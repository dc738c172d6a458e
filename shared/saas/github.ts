import type { MailMessage, Policy } from '../types.ts';
import { judgeAuthenticity, type Authenticity } from './authenticity.ts';
import { looksLikePlatform } from './domain-names.ts';
import { ALL_CLASSES } from './find-mismatches.ts';
import { domainOf, firstHeader, isWithin, isWithinAny, messageIdOf, senderAddresses } from '../mail-auth/headers.ts';
import { senderDomains } from './message-hosts.ts';
import { addPlatform } from './registry.ts';
import type { PlatformMatch } from './types.ts';

/** Domains GitHub sends or hosts its own mail from; anything else containing "github" is a look-alike. */
const OWNED = ['github.com', 'githubsupport.com', 'githubapp.com', 'github.blog', 'githubnext.com', 'githubstatus.com', 'githubusercontent.com', 'githubassets.com', 'ghe.com', 'github.io'];
/** GitHub's own mail (receipts, security notices) is not a place for these; users' content fits none of them. */
const ACCOUNT_UNFITTING = ['crypto', 'prize', 'phone-call'];

function match(message: MailMessage, policy: Policy): PlatformMatch | undefined {
  const from = senderAddresses(message).from;
  const fromDomain = domainOf(from);
  const domains = senderDomains(message);
  const fromGithub = domains.some((d) => isWithin(d, 'github.com'));
  const githubHeaders = message.headers.some((h) => /^x-github-(?:reason|sender|recipient)/i.test(h.name));
  const lookalike = fromDomain && !isWithinAny(fromDomain, OWNED) && looksLikePlatform(fromDomain, 'github') ? fromDomain : undefined;
  if (!fromGithub && !githubHeaders && !lookalike) return undefined;

  let auth: Authenticity;
  if (lookalike) {
    auth = { authentic: false, spoofed: true, evidence: `it was sent from ${lookalike}, which is not a GitHub domain` };
  } else if (fromGithub) {
    auth = judgeAuthenticity(message, { signingDomains: ['github.com'], trust: policy });
  } else if (claimsGithubIds(message)) {
    auth = { authentic: false, spoofed: true, evidence: `it carries GitHub's message ids but was sent from ${fromDomain ?? 'an unknown sender'}` };
  } else {
    // GitHub Enterprise Server, or a list that forwards notifications: GitHub's headers, someone else's domain.
    auth = { authentic: false, spoofed: false, evidence: `it was sent from ${fromDomain ?? 'an unknown sender'}, not by GitHub itself` };
  }

  const repo = repository(message);
  const org = repo?.owner ?? invitingOrganisation(message.subject);
  const trusted = org !== undefined && (policy.trustedGithubOrgs ?? []).some((o) => orgName(o) === org.toLowerCase());
  const actor = firstHeader(message, 'x-github-sender')?.trim() || undefined;
  const displayName = message.from?.name?.trim() ?? '';
  const names = [
    ...(repo ? [{ role: 'repository owner', value: repo.owner }, { role: 'repository', value: repo.name }] : org ? [{ role: 'organisation', value: org }] : []),
    ...(actor ? [{ role: 'account', value: actor }] : []),
    ...(displayName && !['github', actor?.toLowerCase()].includes(displayName.toLowerCase()) ? [{ role: 'sender name', value: displayName }] : []),
  ];
  const instance = repo ? `${repo.owner}/${repo.name}` : (org ?? (lookalike || 'github.com'));
  const result: PlatformMatch = {
    authentic: auth.authentic,
    spoofed: auth.spoofed,
    authEvidence: auth.evidence,
    instance,
    instanceLabel: repo ? `repo ${repo.owner}/${repo.name}` : org ? `organisation ${org}` : '',
    trusted,
    kind: repo ? 'notification' : 'account',
    unfitting: repo ? ALL_CLASSES : ACCOUNT_UNFITTING,
    names,
    outsider: 'it was written by an account outside your organisation',
  };
  if (actor) result.actor = `@${actor}`;
  return result;
}

/** owner/repo from List-ID `<repo.owner.github.com>`, else the Message-ID `<owner/repo/...@github.com>`, else the subject. */
function repository(message: MailMessage): { owner: string; name: string } | undefined {
  const listId = /<([^<>]+)>/.exec(firstHeader(message, 'list-id') ?? '')?.[1] ?? '';
  const list = /^(.+)\.([A-Za-z0-9-]+)\.github\.com$/i.exec(listId);
  if (list?.[1] && list[2]) return { owner: list[2], name: list[1] };
  const id = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)\/[^@]*@/.exec(messageIdOf(message) ?? '');
  if (id?.[1] && id[2]) return { owner: id[1], name: id[2] };
  const subject = /^\s*(?:(?:re|fwd?):\s*)*\[([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)\]/i.exec(message.subject);
  if (subject?.[1] && subject[2]) return { owner: subject[1], name: subject[2] };
  return undefined;
}

/** "@someone has invited you to join the @acme organization" */
function invitingOrganisation(subject: string): string | undefined {
  return /invited you to join the @?([A-Za-z0-9-]+) organi[sz]ation/i.exec(subject)?.[1];
}

/** "example-corp", "@Example-Corp", "https://github.com/example-corp" all name the same organisation. */
function orgName(entry: string): string {
  return entry.trim().toLowerCase().replace(/^https?:\/\/github\.com\//, '').replace(/^@/, '').replace(/\/.*$/, '');
}

/** List-ID `<repo.owner.github.com>` or Message-ID `<...@github.com>`: only github.com itself writes these. */
function claimsGithubIds(message: MailMessage): boolean {
  return /\.github\.com>\s*$/i.test(firstHeader(message, 'list-id') ?? '') || /@github\.com$/i.test(messageIdOf(message) ?? '');
}

addPlatform({ id: 'github', name: 'GitHub', match });

// Fixtures: test/fixtures/saas/github-pull-request-review, -issue-comment, -release, -dependabot-alert,
// -actions-failure (legitimate: test/saas/legitimate.test.ts); github-abuse-commit-invoice-callback,
// github-abuse-push-invoice, github-spoof-lookalike-domain, github-spoof-dkim-fail (test/saas/github.test.ts).
// Content evidence (shared/saas/content-signals.ts): github-abuse-issue-security-team (impersonation, look-alike
// link), github-abuse-discussion-airdrop-mentions (mass mentions, giveaway, shortener), and the quiet
// github-release-contributors and github-issue-comment-about-support (test/saas/content-signals.test.ts).
// Real mail: ../shared/corpus scam-saas GitHub mentions, ham 6835 (release) and the ASF GitBox relays
// (test/saas/corpus.test.ts).
// Where the user-written text sits and the platform's own paragraphs set aside: shared/data/saas-templates.json
// ("github"; test/saas/user-content.test.ts).
