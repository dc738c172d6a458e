import { describe, expect, it } from 'vitest';
import { findLinkDestinations } from '../../shared/saas/link-destinations.ts';
import { platformProfile } from '../../shared/saas/platform-profile.ts';

const github = platformProfile('github', 'GitHub');
const zendesk = platformProfile('zendesk', 'Zendesk');
const codes = (urls: string[], profile = github) => findLinkDestinations(urls, profile).map((s) => `${s.code}:${s.evidence}`);

describe('where a notification\'s links point', () => {
  it('flags sites named like the platform, under any suffix and in any script', () => {
    expect(codes(['https://github-account-review.com/session'])).toEqual(['saas-lookalike-link:github-account-review.com']);
    expect(codes(['https://githubsupport.pages.dev/login'])).toEqual(['saas-lookalike-link:githubsupport.pages.dev']);
    expect(codes(['https://g\u0456t\u04bbub.com/login'])).toEqual(['saas-lookalike-link:g\u0456t\u04bbub.com (xn--gtub-l9d12d.com)']);
    expect(codes(['https://zendesk-help.ltd.uk/'], zendesk)).toEqual(['saas-lookalike-link:zendesk-help.ltd.uk']);
  });

  it('flags shorteners, open redirects and self-hosted short links, as a weak hint', () => {
    const found = findLinkDestinations(['https://bit.ly/3abcd', 'https://www.google.com/url?q=https://evil.example/x'], github);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'saas-redirect-link', weak: true });
    expect(found[0]!.evidence).toBe('bit.ly, www.google.com');
    expect(codes(['https://go.coinsearn.example/97Q7Yj'])).toEqual(['saas-redirect-link:go.coinsearn.example']);
    expect(codes(['https://tracker.example/click?url=https%3A%2F%2Fother.example%2F'])).toEqual(['saas-redirect-link:tracker.example']);
  });

  it('judges the link inside the receiver\'s own Safe Links wrapping', () => {
    const wrapped = `https://nam12.safelinks.protection.outlook.com/?url=${encodeURIComponent('https://github-verify.com/a')}&data=x`;
    expect(codes([wrapped])).toEqual(['saas-lookalike-link:github-verify.com']);
    const plain = `https://nam12.safelinks.protection.outlook.com/?url=${encodeURIComponent('https://github.com/acme/app')}&data=x`;
    expect(codes([plain])).toEqual([]);
  });

  it('leaves the platform\'s own sites, its country sites and ordinary links alone', () => {
    const urls = [
      'https://github.com/acme/app/issues/1',
      'https://docs.github.com/en/actions',
      'https://www.githubstatus.com/',
      'https://user-images.githubusercontent.com/1/2.png',
      'https://www.zendesk.fr/?utm_source=footer',
      'https://example.com/login?next=https://example.com/home',
      'https://gitlab.com/acme/app',
      'mailto:someone@example.com',
      'not a url',
    ];
    expect(codes(urls)).toEqual([]);
    expect(codes(urls, zendesk)).toEqual([]);
  });
});
