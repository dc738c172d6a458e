// Small MailMessage builder for unit tests that need only a few fields.
import type { Header, MailMessage } from '../../../shared/types.ts';

export function mail(fields: Partial<MailMessage> & { headerLines?: string[] }): MailMessage {
  const headers: Header[] = (fields.headerLines ?? []).map((line) => {
    const colon = line.indexOf(':');
    return { name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() };
  });
  const { headerLines: _ignored, ...rest } = fields;
  return {
    subject: '',
    from: null,
    replyTo: [],
    to: [],
    date: null,
    headers,
    text: '',
    hiddenText: '',
    parts: [],
    attachments: [],
    links: [],
    ...rest,
  };
}

export const fixture = (name: string) => new URL(`../../fixtures/saas/${name}`, import.meta.url).pathname;
