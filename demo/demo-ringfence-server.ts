// npm start's report endpoint and feed: `ringfence serve` itself (PGlite in a temporary directory), with the
// demo's scam number and its DID block confirmed by the "admin", so the feed the extension syncs is live
// and signed, and every report the demo user sends lands in the server's review queue.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startServer, type RunningServer } from '../server/start-server.ts';
import { jsonLogger } from '../server/ops/log.ts';
import { policySnippet, type PolicySnippet } from '../server/print-policy.ts';

export interface DemoRingfenceServer {
  server: RunningServer;
  adminToken: string;
  policy: PolicySnippet;
  close(): Promise<void>;
}

const CONFIRMED = [
  { number: '+18047134598', verdict: 'scam', note: 'PayPal / Norton refund lure (demo)' },
  { block: '+1804713', digits: 4, verdict: 'scam', note: 'DID block of the PayPal campaign (demo)' },
];

export async function startDemoRingfenceServer(): Promise<DemoRingfenceServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ringfence-demo-server-'));
  const adminToken = randomBytes(18).toString('base64url');
  const log = jsonLogger();
  const server = await startServer({ config: { port: 0, host: '127.0.0.1', dataDir, adminToken, feedName: 'Ringfence demo server feed' }, log });
  // Earlier reports of the campaign, as colleagues would have sent them: the feed entry carries their brands and count.
  for (const [i, brands] of [['PayPal'], ['Norton'], ['PayPal', 'Norton']].entries()) {
    const report = {
      id: `demo-report-${i + 1}-${randomBytes(4).toString('hex')}`,
      kind: 'number',
      reportedAt: new Date().toISOString(),
      numbers: ['+18047134598'],
      brands,
      level: 'warning',
      reasons: ['brand-callback-lure'],
      message: { subject: `${brands.join(' / ')} renewal invoice`, from: 'billing@example.net', date: '', messageId: '' },
      client: { surface: 'gmail', version: 'demo' },
    };
    const response = await fetch(`${server.url}/api/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(report) });
    if (response.status !== 201) throw new Error(`demo server: report refused: ${await response.text()}`);
  }
  for (const decision of CONFIRMED) {
    const response = await fetch(`${server.url}/api/admin/decisions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...decision, by: 'npm start' }),
    });
    if (response.status !== 201) throw new Error(`demo server: decision refused: ${await response.text()}`);
  }
  return {
    server,
    adminToken,
    policy: policySnippet(server.url, server.context.signingKey.publicKeySpki, undefined),
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
