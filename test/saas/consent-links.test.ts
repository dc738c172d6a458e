import { describe, expect, it } from 'vitest';
import { findConsentLinks } from '../../shared/saas/consent-links.ts';
import { platformProfile } from '../../shared/saas/platform-profile.ts';
import { analyseSaas } from '../../shared/saas/index.ts';
import { mail } from './support/mail.ts';
import { codes, topLevel } from './support/judge.ts';

const github = platformProfile('github', 'GitHub');

describe('links to grant an app access to the account', () => {
  it('flags GitHub\'s OAuth consent, device-code and app-install pages', () => {
    for (const url of [
      'https://github.com/login/oauth/authorize?client_id=Iv1.abc&scope=repo,user',
      'https://github.com/login/device',
      'https://github.com/apps/gitsecurityapp/installations/new',
    ]) {
      expect(findConsentLinks([url], github), url).toMatchObject({ code: 'saas-consent-link', lure: true });
    }
  });

  it('leaves ordinary GitHub links and look-alike consent pages to the other checks', () => {
    expect(findConsentLinks(['https://github.com/acme/app/issues/1', 'https://github.com/login'], github)).toBeUndefined();
    expect(findConsentLinks(['https://github-login.example/login/oauth/authorize'], github)).toBeUndefined();
    expect(findConsentLinks(['https://github.com/login/device'], platformProfile('zendesk', 'Zendesk'))).toBeUndefined();
  });

  it('makes an issue from an outside repository that sends the reader to authorize an app a danger', () => {
    const message = mail({
      subject: '[acme-security/alerts] Security alert: unusual access attempt (Issue #3)',
      from: { address: 'notifications@github.com', name: 'acme-security' },
      text: 'We detected an access attempt from a new location. Review and secure your account:\nhttps://github.com/login/oauth/authorize?client_id=Ov23li&scope=repo\n',
      headerLines: ['Message-ID: <acme-security/alerts/issues/3@github.com>', 'Authentication-Results: mx; dkim=pass header.d=github.com'],
    });
    const finding = analyseSaas(message, {}, []);
    expect(topLevel(finding)).toBe('danger');
    expect(codes(finding)).toContain('saas-consent-link:warning');
  });
});
