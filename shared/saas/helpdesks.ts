import data from '../data/saas-helpdesks.json' with { type: 'json' };
import type { MailMessage, Policy } from '../types.ts';
import { dkimSignatureDomains } from '../mail-auth/dkim-signature.ts';
import { domainOf, isWithinAny, senderAddresses } from '../mail-auth/headers.ts';
import { judgeAuthenticity } from './authenticity.ts';
import { looksLikePlatform } from './domain-names.ts';
import { ALL_CLASSES } from './find-mismatches.ts';
import { linkHosts, replyDomains, senderDomains, tenantLabel } from './message-hosts.ts';
import { addPlatform } from './registry.ts';
import { isTrustedSender } from './trusted-senders.ts';
import type { PlatformMatch } from './types.ts';

interface Desk {
  id: string;
  name: string;
  signingDomains: string[];
  tenantBase: string;
  headers: string;
  recogniseBySignature: boolean;
}

const INVITE = new RegExp(data.inviteSubject, 'i');
const signatures = new WeakMap<MailMessage, { headers: MailMessage['headers']; domains: string[] }>();

/** DKIM-Signature d= domains, read once per message for all the desks. */
function signatureDomains(message: MailMessage): string[] {
  const cached = signatures.get(message);
  if (cached?.headers === message.headers) return cached.domains;
  const domains = dkimSignatureDomains(message);
  signatures.set(message, { headers: message.headers, domains });
  return domains;
}

/**
 * Help desks beyond Zendesk (Freshdesk, Help Scout, Zoho Desk, Intercom, HubSpot), one data row each: real
 * desk mail from a company the organisation does not use, carrying text that does not fit a support reply.
 * Auto-acknowledgements that repeat a third party's request are caught by echoed-request.ts.
 */
function deskRule(desk: Desk) {
  const headerPattern = new RegExp(desk.headers, 'i');
  const token = desk.id;
  return (message: MailMessage, policy: Policy): PlatformMatch | undefined => {
    const fromDomain = domainOf(senderAddresses(message).from);
    const domains = senderDomains(message);
    const fromDesk = domains.some((d) => isWithinAny(d, desk.signingDomains));
    const deskHeaders = message.headers.some((h) => headerPattern.test(h.name));
    const signed = desk.recogniseBySignature && !fromDesk && !deskHeaders && signatureDomains(message).some((d) => isWithinAny(d, desk.signingDomains));
    const lookalike =
      fromDomain && !isWithinAny(fromDomain, desk.signingDomains) && token.length >= 6 && looksLikePlatform(fromDomain, token) ? fromDomain : undefined;
    if (!fromDesk && !deskHeaders && !signed && !lookalike) return undefined;

    const auth = lookalike
      ? { authentic: false, spoofed: true, evidence: `it was sent from ${lookalike}, which is not a ${desk.name} domain` }
      : judgeAuthenticity(message, {
          signingDomains: desk.signingDomains,
          trust: policy,
          ...(fromDomain && !isWithinAny(fromDomain, desk.signingDomains) ? { alignedFromDomain: fromDomain } : {}),
        });
    const tenant = tenantLabel([...domains, ...replyDomains(message), ...linkHosts(message)], desk.tenantBase, ['www', 'support', 'help', 'app', 'api']);
    const instance = tenant ? `${tenant}.${desk.tenantBase}` : (fromDomain ?? `unknown ${desk.name} desk`);
    const sender = message.from?.name?.trim() ?? '';
    const invite = INVITE.test(message.subject);
    const result: PlatformMatch = {
      authentic: auth.authentic,
      spoofed: auth.spoofed,
      authEvidence: auth.evidence,
      instance,
      instanceLabel: lookalike ? '' : `help desk ${instance}`,
      trusted: isTrustedSender(policy, [instance, tenant, fromDomain]),
      kind: invite ? 'invite' : 'notification',
      unfitting: invite ? ALL_CLASSES : data.ticketUnfitting,
      names: [...(tenant ? [{ role: 'help desk address', value: tenant, account: true }] : []), ...(sender ? [{ role: 'sender name', value: sender }] : [])],
      outsider: 'it comes from a help desk your organisation does not use',
    };
    if (sender) result.actor = sender;
    return result;
  };
}

for (const desk of data.desks) addPlatform({ id: desk.id, name: desk.name, match: deskRule(desk) });

// Where the user-written text sits (ticket subject, agent reply and signature, echoed request) and the desks'
// own paragraphs set aside: shared/data/saas-templates.json (test/saas/user-content.test.ts).
// Fixtures (test/saas/platform-fixtures.test.ts, test/saas/helpdesks.test.ts): legitimate freshdesk-ticket-reply,
// freshdesk-reply-signature-phone (the company's own phone in the signature), helpscout-reply, intercom-reply,
// hubspot-ticket-reply; abused freshdesk-abuse-autoreply-gas-fee (an auto-acknowledgement repeating a crypto
// "gas fee" refund lure), zohodesk-abuse-ticket-wallet, intercom-abuse-airdrop, hubspot-abuse-account-suspension.
