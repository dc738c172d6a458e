import { domainToASCII } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyseSaas } from '../../shared/saas/index.ts';
import { looksLikePlatform, registeredLabel } from '../../shared/saas/domain-names.ts';
import { mail } from './support/mail.ts';

describe('registeredLabel', () => {
  it('finds the label an organisation registered', () => {
    expect(registeredLabel('reply.github.com')).toBe('github');
    expect(registeredLabel('mail.example.co.uk')).toBe('example');
    expect(registeredLabel('github.example.com')).toBe('example');
  });

  it('knows every public suffix, private ones included (anyone can register under pages.dev)', () => {
    expect(registeredLabel('github-help.ltd.uk')).toBe('github-help');
    expect(registeredLabel('zendesk-support.gob.mx')).toBe('zendesk-support');
    expect(registeredLabel('github.gen.in')).toBe('github');
    expect(registeredLabel('githubsupport.pages.dev')).toBe('githubsupport');
    expect(registeredLabel('github-billing.netlify.app')).toBe('github-billing');
    expect(registeredLabel('someone.github.io')).toBe('someone');
  });

  it('falls back to the last-but-one label for hosts the list does not know', () => {
    expect(registeredLabel('mail.github.internal-corp')).toBe('github');
    expect(registeredLabel('localhost')).toBe('localhost');
  });
});

describe('looksLikePlatform', () => {
  it('catches names that contain or misspell the platform', () => {
    const cases: [string, string][] = [
      ['github-notices.com', 'github'],
      ['g1thub.com', 'github'],
      ['githubb.io', 'github'],
      ['gihtub-security.net', 'github'],
      ['mail.zendesk-help.net', 'zendesk'],
      ['atlassian-billing.com', 'atlassian'],
      ['at1assian.support', 'atlassian'],
    ];
    for (const [domain, platform] of cases) expect(looksLikePlatform(domain, platform), domain).toBe(true);
  });

  it('catches look-alikes registered under multi-label and private suffixes', () => {
    const cases: [string, string][] = [
      ['github-help.ltd.uk', 'github'],
      ['zendesk-support.gob.mx', 'zendesk'],
      ['github.gen.in', 'github'],
      ['githubsupport.pages.dev', 'github'],
      ['github-billing.netlify.app', 'github'],
    ];
    for (const [domain, platform] of cases) expect(looksLikePlatform(domain, platform), domain).toBe(true);
  });

  it('catches Cyrillic look-alikes, written in Unicode and in punycode', () => {
    const cases: [string, string][] = [
      ['g\u0456t\u04bbub.com', 'github'],
      ['z\u0435nd\u0435sk-help.com', 'zendesk'],
      ['\u0430tl\u0430ssi\u0430n.net', 'atlassian'],
    ];
    for (const [domain, platform] of cases) {
      const punycode = domainToASCII(domain);
      expect(punycode.startsWith('xn--'), punycode).toBe(true);
      expect(looksLikePlatform(domain, platform), domain).toBe(true);
      expect(looksLikePlatform(punycode, platform), punycode).toBe(true);
    }
  });

  it('catches look-alikes in scripts the old hand-picked list missed (Cherokee, Lisu, Latin alpha)', () => {
    expect(looksLikePlatform('\u13c0ithub.com', 'github'), 'Cherokee GE').toBe(true);
    expect(looksLikePlatform('githu\ua4d0.com', 'github'), 'Lisu BA').toBe(true);
    expect(looksLikePlatform('\u0251tlassian.com', 'atlassian'), 'Latin alpha').toBe(true);
  });

  it('leaves other names alone, including a company\'s own GitHub Enterprise host', () => {
    for (const domain of ['gitlab.com', 'github.example.com', 'example-corp.com', 'bitbucket.org', 'xn--invalid-.com']) {
      expect(looksLikePlatform(domain, 'github'), domain).toBe(false);
    }
  });
});

describe('a notification sent from a homoglyph domain', () => {
  it('is a spoof of the platform, in Unicode and in punycode', () => {
    for (const domain of ['g\u0456t\u04bbub.com', domainToASCII('g\u0456t\u04bbub.com')]) {
      const message = mail({
        subject: '[acme/widgets] Security notice (#12)',
        from: { address: `notifications@${domain}`, name: 'GitHub' },
        text: 'Your account will be suspended. Verify your identity now.',
      });
      const finding = analyseSaas(message, {}, []);
      expect(finding, domain).toMatchObject({ platform: 'github', spoofed: true });
      expect(finding!.reasons[0]!.code).toBe('saas-spoofed-notification');
    }
  });
});
