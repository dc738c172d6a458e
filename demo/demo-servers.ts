// The demo mailbox on 127.0.0.1, Gmail- and Outlook-shaped. Reports and the feed come from `ringfence serve`
// (demo-ringfence-server.ts).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { respond, type Webmail } from '../test/fixtures/webmail/site.ts';
import type { FixtureMessage } from '../test/fixtures/webmail/messages.ts';

export interface DemoServers {
  origin: string;
  /** Answers a webmail request (used by the browser's routing of mail.google.com / outlook.office.com). */
  webmail(webmail: Webmail, url: URL): ReturnType<typeof respond>;
  close(): Promise<void>;
}

export async function startDemoServers(messages: readonly FixtureMessage[]): Promise<DemoServers> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // The mailbox itself, for a look without the extension: http://127.0.0.1:PORT/gmail/ or /outlook/.
    const webmail: Webmail = url.pathname.startsWith('/outlook') ? 'outlook-web' : 'gmail';
    const answer = respond(webmail, url, messages);
    res.writeHead(answer.status, { 'content-type': answer.contentType }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    webmail: (webmail, url) => respond(webmail, url, messages),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
