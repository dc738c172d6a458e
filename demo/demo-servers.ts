// The demo's servers on 127.0.0.1: a Gmail- and Outlook-shaped mailbox, a scam-number feed, a report collector.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { respond, type Webmail } from '../test/fixtures/webmail/site.ts';
import type { FixtureMessage } from '../test/fixtures/webmail/messages.ts';

export interface DemoServers {
  origin: string;
  feedUrl: string;
  reportUrl: string;
  /** Answers a webmail request (used by the browser's routing of mail.google.com / outlook.office.com). */
  webmail(webmail: Webmail, url: URL): ReturnType<typeof respond>;
  reports: unknown[];
  close(): Promise<void>;
}

export async function startDemoServers(messages: readonly FixtureMessage[], feed: string): Promise<DemoServers> {
  const reports: unknown[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/feed.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache' }).end(feed);
      return;
    }
    if (url.pathname === '/reports' && req.method === 'POST') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          const report = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string; numbers: string[] };
          reports.push(report);
          console.log(`report received: ${report.numbers.join(', ')} (id ${report.id})`);
          res.writeHead(202, { 'content-type': 'application/json' }).end('{"ok":true}');
        } catch {
          res.writeHead(400).end('bad json');
        }
      });
      return;
    }
    // The mailbox itself, for a look without the extension: http://127.0.0.1:PORT/gmail/ or /outlook/.
    const webmail: Webmail = url.pathname.startsWith('/outlook') ? 'outlook-web' : 'gmail';
    const answer = respond(webmail, url, messages);
    res.writeHead(answer.status, { 'content-type': answer.contentType }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    feedUrl: `${origin}/feed.json`,
    reportUrl: `${origin}/reports`,
    webmail: (webmail, url) => respond(webmail, url, messages),
    reports,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The demo feed, dated today so its entries are live. */
export function demoFeed(): string {
  const today = new Date().toISOString().slice(0, 10);
  return JSON.stringify({
    format: 'ringfence-feed/1',
    name: 'Ringfence demo feed',
    published: new Date().toISOString(),
    entries: [
      { number: '+18047134598', verdict: 'scam', brands: ['PayPal', 'Norton'], firstSeen: today, lastSeen: today, reports: 117, source: 'demo' },
      { block: '+1804713', digits: 4, verdict: 'scam', brands: ['PayPal', 'McAfee'], firstSeen: today, lastSeen: today, source: 'demo' },
    ],
  });
}
