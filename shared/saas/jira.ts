import type { MailMessage, Policy } from '../types.ts';
import { judgeAuthenticity, type Authenticity } from './authenticity.ts';
import { looksLikePlatform } from './domain-names.ts';
import { ALL_CLASSES } from './find-mismatches.ts';
import { domainOf, hasHeader, isWithinAny, messageIdOf, senderAddresses } from '../mail-auth/headers.ts';
import { linkHosts, replyDomains, senderDomains, tenantLabel } from './message-hosts.ts';
import { addPlatform } from './registry.ts';
import type { PlatformMatch } from './types.ts';

/** Atlassian Cloud sends Jira mail as jira@SITE.atlassian.net, signed by Atlassian. */
const SIGNING = ['atlassian.net', 'atlassian.com'];
const OWNED = ['atlassian.net', 'atlassian.com', 'atlassian.io', 'atl-paas.net', 'jira.com'];
/** Customer invitations: "Welcome to X" / "You've been invited to X" subjects, or the invitation's own words. */
const INVITE_SUBJECT = /\b(?:invit\w+|welcome to|verify your email)\b/i;
const INVITE_BODY = /\b(?:you(?:'ve|’ve| have) been invited|invited you to)\b/i;
/** A service desk answers customers about orders, bills and refunds: in its request updates only these misfit. */
const REQUEST_UNFITTING = ['crypto', 'prize', 'account-lock'];
const REQUEST_UPDATE = /\/servicedesk\/customer\/portal\/|reply above this line/i;

function match(message: MailMessage, policy: Policy): PlatformMatch | undefined {
  const fromDomain = domainOf(senderAddresses(message).from);
  const domains = senderDomains(message);
  const fromAtlassian = domains.some((d) => isWithinAny(d, SIGNING));
  const jiraHeaders = hasHeader(message, 'x-jira-fingerprint') || /@Atlassian\.JIRA$/i.test(messageIdOf(message) ?? '');
  const lookalike = fromDomain && !isWithinAny(fromDomain, OWNED) && looksLikePlatform(fromDomain, 'atlassian') ? fromDomain : undefined;
  if (!fromAtlassian && !jiraHeaders && !lookalike) return undefined;

  let auth: Authenticity;
  if (lookalike) auth = { authentic: false, spoofed: true, evidence: `it was sent from ${lookalike}, which is not an Atlassian domain` };
  else if (fromAtlassian) auth = judgeAuthenticity(message, { trust: policy, signingDomains: SIGNING });
  // Jira Data Center, or a service project with its own address: Jira headers, the organisation's own domain.
  else auth = judgeAuthenticity(message, fromDomain ? { trust: policy, signingDomains: SIGNING, alignedFromDomain: fromDomain } : { trust: policy, signingDomains: SIGNING });

  const siteLabel = tenantLabel([...domains, ...replyDomains(message), ...linkHosts(message)], 'atlassian.net', ['id', 'api', 'admin']);
  const site = siteLabel ? `${siteLabel}.atlassian.net` : (lookalike ?? fromDomain ?? 'unknown site');
  const sender = (message.from?.name ?? '').replace(/\s*\((?:jira|jira service management)\)\s*$/i, '').trim();
  const project = projectName(message.subject) ?? (sender || undefined);
  const invite = INVITE_SUBJECT.test(message.subject) || INVITE_BODY.test(message.text.slice(0, 600));
  const trusted = (policy.trustedJiraSites ?? []).some((s) => sameSite(s, site));
  const names = [
    ...(siteLabel ? [{ role: 'site', value: siteLabel, account: true }] : []),
    ...(project ? [{ role: invite ? 'service project' : 'project', value: project }] : []),
    ...(sender && sender !== project ? [{ role: 'sender name', value: sender }] : []),
  ];
  const result: PlatformMatch = {
    authentic: auth.authentic,
    spoofed: auth.spoofed,
    authEvidence: auth.evidence,
    instance: site,
    instanceLabel: lookalike ? '' : `site ${site}${project ? `, project "${project}"` : ''}`,
    trusted,
    kind: invite ? 'invite' : 'notification',
    unfitting: !invite && isRequestUpdate(message) ? REQUEST_UNFITTING : ALL_CLASSES,
    names,
    outsider: 'it comes from a Jira site your organisation does not own',
  };
  if (sender && !invite) result.actor = sender;
  return result;
}

/** "[JIRA] (KEY-12) ...", "Welcome to Acme Support", "You've been invited to Acme Support". */
function projectName(subject: string): string | undefined {
  const key = /\[JIRA\]\s*\(([A-Z][A-Z0-9_]+)-\d+\)/.exec(subject)?.[1] ?? /^\s*(?:re:\s*)?\[?([A-Z][A-Z0-9_]+)-\d+\]?\s/.exec(subject)?.[1];
  if (key) return key;
  const invited = /(?:welcome to|invited (?:you )?to(?: join)?|join)\s+(?:the\s+)?(.+?)\s*[!.]?\s*$/i.exec(subject);
  return invited?.[1]?.trim() || undefined;
}

/** A Jira Service Management reply to a customer's request (as opposed to a Jira issue notification). */
function isRequestUpdate(message: MailMessage): boolean {
  return REQUEST_UPDATE.test(message.text) || message.links.some((l) => REQUEST_UPDATE.test(l.href));
}

function sameSite(policySite: string, site: string): boolean {
  const p = policySite.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  const s = site.toLowerCase();
  return p === s || `${p}.atlassian.net` === s;
}

addPlatform({ id: 'jira', name: 'Jira', match });

// Fixtures: test/fixtures/saas/jira-issue-assigned, jira-customer-invite (the organisation's own service
// desk), jira-customer-invite-vendor (an outside one), jira-request-update (an outside service desk
// answering about a refund) (legitimate: test/saas/legitimate.test.ts);
// jira-abuse-invite-billing-callback, plus built-in spoof and Data Center cases (test/saas/jira.test.ts).
// The corpus holds no Jira mail (see ../shared/corpus/SOURCES.md).
// Where the user-written text sits and the platform's own paragraphs set aside: shared/data/saas-templates.json
// ("jira"; test/saas/user-content.test.ts).
