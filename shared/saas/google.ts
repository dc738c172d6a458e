import data from '../data/saas-google.json' with { type: 'json' };
import type { MailMessage, Policy } from '../types.ts';
import { addressIn, domainOf, firstHeader, senderAddresses } from '../mail-auth/headers.ts';
import { judgeAuthenticity } from './authenticity.ts';
import { ALL_CLASSES } from './find-mismatches.ts';
import { messageUrls } from './link-destinations.ts';
import { addPlatform } from './registry.ts';
import { isTrustedSender } from './trusted-senders.ts';
import type { PlatformMatch } from './types.ts';

interface Product {
  label: string;
  senders: string[];
  via: string;
  idPattern: string;
  what: string;
}

const PRODUCTS = Object.entries(data.products as Record<string, Product>).map(([id, p]) => ({
  id,
  ...p,
  viaPattern: new RegExp(`\\s*\\(via ${p.via}\\)\\s*$`, 'i'),
  idRegExp: new RegExp(p.idPattern),
}));
const UNFITTING = ALL_CLASSES.filter((c) => !data.unfittingExcept.includes(c));

/** Which Google product sent it, by the From or Sender address (calendar invitations come From the organiser). */
function productOf(message: MailMessage) {
  const s = senderAddresses(message);
  const addresses = [s.from, s.sender, addressIn(firstHeader(message, 'sender'))].filter(Boolean).map((a) => a!.toLowerCase());
  return PRODUCTS.find((p) => p.senders.some((sender) => addresses.includes(sender)));
}

/**
 * Google Forms, Drive/Docs and Calendar mail: Google sends it, DMARC passes, but the form title and questions,
 * the file name and message, or the event description are whatever another Google user wrote (lottery, "419",
 * grant and gift-card scams; callback numbers in a calendar invitation).
 */
function match(message: MailMessage, policy: Policy): PlatformMatch | undefined {
  const product = productOf(message);
  if (!product) return undefined;
  const s = senderAddresses(message);
  const fromDomain = domainOf(s.from);
  const calendar = product.id === 'calendar';
  const auth = judgeAuthenticity(message, {
    signingDomains: ['google.com'],
    trust: policy,
    ...(calendar && fromDomain && fromDomain !== 'google.com' ? { alignedFromDomain: fromDomain } : {}),
  });
  const owner = (message.from?.name ?? '').replace(product.viaPattern, '').trim();
  const ownerAddress = calendar ? s.from : s.replyTo[0];
  const id = messageUrls(message).map((u) => product.idRegExp.exec(u)?.[1]).find(Boolean);
  const instance = calendar ? (ownerAddress ?? owner) || 'google calendar' : id ? `${product.what} ${id}` : ownerAddress || owner || product.label;
  const who = [owner && `"${owner}"`, ownerAddress].filter(Boolean).join(' ');
  return {
    authentic: auth.authentic,
    spoofed: auth.spoofed,
    authEvidence: auth.evidence,
    instance,
    instanceLabel: `${product.what}${who ? ` from ${who}` : ''}`,
    trusted: isTrustedSender(policy, [ownerAddress, domainOf(ownerAddress), id]),
    kind: 'notification',
    unfitting: UNFITTING,
    names: owner ? [{ role: 'sender name', value: owner }] : [],
    outsider: `it carries what a Google user outside your organisation wrote in a ${product.what}`,
    ...(owner ? { actor: owner } : {}),
  };
}

addPlatform({ id: 'google', name: 'Google', match });

// Where the user-written text sits (form title, description and questions; file name and message; event title
// and description) and Google's own paragraphs set aside: shared/data/saas-templates.json
// (test/saas/user-content.test.ts). Fixtures (test/saas/platform-fixtures.test.ts, test/saas/google.test.ts):
// legitimate google-forms-receipt, google-forms-invite-event (an RSVP form with the organiser's number),
// google-drive-share, google-calendar-invite-meet (a Meet dial-in and Google's own help links); abused
// google-forms-abuse-lottery (a form whose title and questions are a lottery payout scam),
// google-calendar-abuse-renewal (a Norton renewal callback lure in an event description).
