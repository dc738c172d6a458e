// Link hosts are read from parsed mail with the URL parser, as the reader's browser will read them.
import { describe, expect, it } from 'vitest';
import { parseEml } from '../../shared/mime/parse-eml.ts';
import { linkHosts } from '../../shared/saas/message-hosts.ts';

const eml = (html: string) =>
  `From: Support <support@acme.zendesk.com>\r\nTo: you@example.com\r\nSubject: Ticket\r\nMIME-Version: 1.0\r\n` +
  `Content-Type: text/html; charset=utf-8\r\n\r\n${html}\r\n`;

describe('linkHosts', () => {
  it('takes the host after the userinfo, as the browser does', async () => {
    const message = await parseEml(eml('<a href="https://x@acme.zendesk.com/hc/requests/1">ticket</a> and https://user:pw@Help.Example.COM./x'));
    expect(linkHosts(message)).toEqual(['acme.zendesk.com', 'help.example.com']);
  });

  it('reads what the browser reads: backslashes, entities, ports, and no host from a non-URL', async () => {
    const message = await parseEml(
      eml('<a href="https://acme.zendesk.com\\@evil.example/">a</a><a href="https&#58;//b.zendesk.com:8443/">b</a>' +
        '<a href="mailto:x@c.zendesk.com">c</a><a href="https://[bad">d</a>'),
    );
    expect(linkHosts(message)).toEqual(['acme.zendesk.com', 'b.zendesk.com']);
  });
});
