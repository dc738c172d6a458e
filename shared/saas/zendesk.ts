import type { MailMessage, Policy } from '../types.ts';
import { judgeAuthenticity, type Authenticity } from './authenticity.ts';
import { looksLikePlatform } from './domain-names.ts';
import { ALL_CLASSES } from './find-mismatches.ts';
import { domainOf, firstHeader, isWithin, isWithinAny, messageIdOf, senderAddresses } from '../mail-auth/headers.ts';
import { linkHosts, replyDomains, senderDomains, tenantLabel } from './message-hosts.ts';
import { addPlatform } from './registry.ts';
import type { PlatformMatch } from './types.ts';

const SIGNING = ['zendesk.com', 'zdsys.com'];
const OWNED = ['zendesk.com', 'zdsys.com', 'zdassets.com', 'zendesk.eu', 'zopim.com'];
/** A help desk answers about orders, bills and refunds all day: only these do not fit its ticket mail. */
const TICKET_UNFITTING = ['crypto', 'prize', 'account-lock'];
/** "Create a password for X" in the languages Zendesk sends it in, and the help desk's footer. */
const INVITE_SUBJECT = /^(?:create a password for|cree una contraseña para|crea una contraseña para|crie uma senha para|créez un mot de passe pour|erstellen sie ein passwort für|crea una password per)\s+(.+?)\s*$/i;
const FOOTER = /(?:this email is a service from|este correo electrónico es un servicio de|este e-mail é um serviço de|cet e-mail est un service de|diese e-mail ist ein service von|questa e-mail è un servizio di)\s+([^\n]+?)\.?\s*(?:\n|$)/i;

function match(message: MailMessage, policy: Policy): PlatformMatch | undefined {
  const fromDomain = domainOf(senderAddresses(message).from);
  const domains = senderDomains(message);
  const fromZendesk = domains.some((d) => isWithinAny(d, SIGNING));
  const zendeskHeaders =
    message.headers.some((h) => /^x-zendesk-/i.test(h.name)) ||
    /zendesk/i.test(firstHeader(message, 'x-mailer') ?? '') ||
    /@zendesk\.com$/i.test(messageIdOf(message) ?? '');
  const lookalike = fromDomain && !isWithinAny(fromDomain, OWNED) && looksLikePlatform(fromDomain, 'zendesk') ? fromDomain : undefined;
  if (!fromZendesk && !zendeskHeaders && !lookalike) return undefined;

  let auth: Authenticity;
  if (lookalike) auth = { authentic: false, spoofed: true, evidence: `it was sent from ${lookalike}, which is not a Zendesk domain` };
  // Help desks may send from their own domain: Zendesk signs as zendesk.com or as that domain.
  else auth = judgeAuthenticity(message, fromDomain && !isWithin(fromDomain, 'zendesk.com') ? { trust: policy, signingDomains: SIGNING, alignedFromDomain: fromDomain } : { trust: policy, signingDomains: SIGNING });

  const tenant = tenantLabel([...domains, ...replyDomains(message), ...linkHosts(message)], 'zendesk.com', ['www', 'support', 'help']);
  const instance = tenant ? `${tenant}.zendesk.com` : (fromDomain ?? 'unknown help desk');
  const deskName = INVITE_SUBJECT.exec(message.subject)?.[1] ?? FOOTER.exec(message.text)?.[1]?.replace(/\.\s.*$/, '').trim();
  const invite =
    /verification/i.test(firstHeader(message, 'x-zendesk-priority-mail') ?? '') ||
    /^verify-email/i.test(firstHeader(message, 'x-delivery-context') ?? '') ||
    INVITE_SUBJECT.test(message.subject);
  const accepted = [tenant, instance, fromDomain].filter((v): v is string => Boolean(v));
  const trusted = (policy.trustedZendeskTenants ?? []).some((t) => {
    const name = t.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
    return accepted.includes(name) || accepted.includes(`${name}.zendesk.com`);
  });
  const sender = message.from?.name?.trim() ?? '';
  const names = [
    ...(tenant ? [{ role: 'help desk address', value: tenant, account: true }] : []),
    ...(deskName ? [{ role: 'help desk', value: deskName }] : []),
    ...(sender && sender !== deskName ? [{ role: 'sender name', value: sender }] : []),
  ];
  const result: PlatformMatch = {
    authentic: auth.authentic,
    spoofed: auth.spoofed,
    authEvidence: auth.evidence,
    instance,
    instanceLabel: lookalike ? '' : `help desk ${instance}${deskName ? ` ("${deskName}")` : ''}`,
    trusted,
    kind: invite ? 'invite' : 'notification',
    unfitting: invite ? ALL_CLASSES : TICKET_UNFITTING,
    names,
    outsider: 'it comes from a help desk your organisation does not use',
  };
  if (sender) result.actor = sender;
  return result;
}

addPlatform({ id: 'zendesk', name: 'Zendesk', match });

// Fixtures: test/fixtures/saas/zendesk-ticket-update (legitimate: test/saas/legitimate.test.ts);
// zendesk-abuse-ticket-wallet, zendesk-spoof-lookalike-domain, plus built-in invite cases
// (test/saas/zendesk.test.ts); zendesk-abuse-autoreply-echo and the quiet zendesk-autoreply-request-received
// (an auto-acknowledgement repeating a lure, or an ordinary request: test/saas/echoed-request.test.ts).
// Real mail: ../shared/corpus scam-saas Zendesk tickets and "create a password" invites, ham 885 (GitHub Support through Zendesk from its own domain) (test/saas/corpus.test.ts).
// Where the user-written text sits and the platform's own paragraphs set aside: shared/data/saas-templates.json
// ("zendesk"; test/saas/user-content.test.ts).
