// Routes https://mail.google.com and https://outlook.office.com to the fixture webmail in a browser context.
import type { BrowserContext } from 'playwright-core';
import { respond, type Webmail } from '../../fixtures/webmail/site.ts';
import type { FixtureMessage } from '../../fixtures/webmail/messages.ts';

export const WEBMAIL_ORIGINS: Record<Webmail, string> = {
  gmail: 'https://mail.google.com',
  'outlook-web': 'https://outlook.office.com',
};

export const WEBMAIL_START: Record<Webmail, string> = {
  gmail: 'https://mail.google.com/mail/u/0/#inbox',
  'outlook-web': 'https://outlook.office.com/mail/',
};

export async function routeWebmail(context: BrowserContext, messages: readonly FixtureMessage[]): Promise<void> {
  for (const webmail of Object.keys(WEBMAIL_ORIGINS) as Webmail[]) {
    await context.route(`${WEBMAIL_ORIGINS[webmail]}/**`, (route) => {
      const answer = respond(webmail, new URL(route.request().url()), messages);
      return route.fulfill({ status: answer.status, contentType: answer.contentType, body: answer.body });
    });
  }
}
