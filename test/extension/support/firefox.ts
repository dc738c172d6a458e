// Firefox ESR for the extension tests: puppeteer-core over WebDriver BiDi, a fresh profile, webmail host
// names resolved to 127.0.0.1 (network.dns.localDomains) and served over https by a local fixture server,
// managed policy through Firefox's enterprise policies (distribution/policies.json, written then removed).
import { execFile } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import puppeteer, { type Browser } from 'puppeteer-core';
import type { Policy } from '../../../shared/types.ts';
import { GECKO_ID } from '../../../extension/extension-id.ts';
import { respond, type Webmail } from '../../fixtures/webmail/site.ts';
import type { FixtureMessage } from '../../fixtures/webmail/messages.ts';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const hasFirefox = existsSync(FIREFOX_PATH);

const HOSTS: Record<Webmail, string> = { gmail: 'mail.google.com', 'outlook-web': 'outlook.office.com' };

/** Firefox reads enterprise policies from distribution/policies.json beside its binary. */
export function firefoxPolicyPath(): string {
  return join(dirname(realpathSync(FIREFOX_PATH)), 'distribution', 'policies.json');
}

export interface FirefoxPolicy {
  path: string;
  write(policy: Policy): Promise<void>;
  /** Removes the file, or puts back the one that was there before. */
  remove(): Promise<void>;
}

/** The extension's managed policy (3rdparty.Extensions.<add-on id>); read by Firefox when it starts. */
export async function firefoxPolicyFile(): Promise<FirefoxPolicy> {
  const path = firefoxPolicyPath();
  const previous = await readFile(path, 'utf8').catch(() => null);
  return {
    path,
    async write(policy) {
      const temp = `${path}.ringfence-test.tmp`;
      await writeFile(temp, JSON.stringify({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: policy } } } }, null, 2));
      await rename(temp, path);
    },
    async remove() {
      if (previous === null) await rm(path, { force: true });
      else await writeFile(path, previous);
    },
  };
}

export interface WebmailServer {
  /** https://mail.google.com:PORT (resolved to 127.0.0.1 by the browser). */
  origin(webmail: Webmail): string;
  close(): Promise<void>;
}

/** A file served beside the fixture webmail on every host (e.g. a picture a message shows). */
export interface ExtraFile {
  contentType: string;
  body: Uint8Array;
}

/** Serves the fixture webmail over https on 127.0.0.1 with a throw-away self-signed certificate. */
export async function startWebmailServer(messages: readonly FixtureMessage[], files: Record<string, ExtraFile> = {}): Promise<WebmailServer> {
  const dir = await mkdtemp(join(tmpdir(), 'ringfence-cert-'));
  try {
    const names = Object.values(HOSTS).map((h) => `DNS:${h}`).join(',');
    await promisify(execFile)('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${HOSTS.gmail}`,
      '-addext', `subjectAltName=${names}`, '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ]);
    const [key, cert] = await Promise.all([readFile(join(dir, 'key.pem')), readFile(join(dir, 'cert.pem'))]);
    const server: Server = createServer({ key, cert }, (req, res) => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '');
      const webmail = (Object.keys(HOSTS) as Webmail[]).find((w) => HOSTS[w] === host);
      if (!webmail) return void res.writeHead(404).end();
      const url = new URL(req.url ?? '/', `https://${host}`);
      const file = files[url.pathname];
      if (file) return void res.writeHead(200, { 'content-type': file.contentType }).end(file.body);
      const answer = respond(webmail, url, messages);
      res.writeHead(answer.status, { 'content-type': answer.contentType }).end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
      origin: (webmail) => `https://${HOSTS[webmail]}:${port}`,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface LaunchedFirefox {
  browser: Browser;
  close(): Promise<void>;
}

/** Headless Firefox ESR with a fresh profile; the webmail hosts resolve to 127.0.0.1. */
export async function launchFirefox(): Promise<LaunchedFirefox> {
  const profile = await mkdtemp(join(tmpdir(), 'ringfence-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    userDataDir: profile,
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'network.dns.localDomains': Object.values(HOSTS).join(','),
      // The fixture's hosts are on the HSTS preload list and pinned: the test certificate is accepted only here.
      'security.cert_pinning.enforcement_level': 0,
      'network.stricttransportsecurity.preloadlist': false,
      'extensions.autoDisableScopes': 0,
      'datareporting.policy.dataSubmissionEnabled': false,
      'app.update.enabled': false,
    },
  });
  return {
    browser,
    async close() {
      await browser.close().catch(() => {});
      await rm(profile, { recursive: true, force: true });
    },
  };
}
