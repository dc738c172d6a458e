import { describe, expect, it } from 'vitest';
import { parseAuthenticationResults, receiverAuthResults } from '../../shared/mail-auth/authentication-results.ts';
import { judgeAuthenticity } from '../../shared/saas/authenticity.ts';
import { dkimSignatureDomains } from '../../shared/mail-auth/dkim-signature.ts';
import { mail } from './support/mail.ts';

describe('parseAuthenticationResults', () => {
  it('reads the Microsoft form, which has no authserv-id, with comments', () => {
    const results = parseAuthenticationResults(
      'spf=pass (sender IP is 192.30.252.203) smtp.mailfrom=github.com; dkim=pass (signature was verified) header.d=github.com;dmarc=pass action=none header.from=github.com;compauth=pass reason=100',
    );
    expect(results.map((r) => `${r.method}=${r.result}`)).toEqual(['spf=pass', 'dkim=pass', 'dmarc=pass', 'compauth=pass']);
    expect(results[1]?.props['header.d']).toBe('github.com');
    expect(results[2]?.props['header.from']).toBe('github.com');
    expect(results[0]?.props['smtp.mailfrom']).toBe('github.com');
  });

  it('reads the RFC 8601 form with an authserv-id and header.i', () => {
    const results = parseAuthenticationResults(
      'mx.google.com;\r\n       dkim=pass header.i=@github.com header.s=pf2023 header.b=Zm9v;\r\n       spf=pass (google.com: domain of x) smtp.mailfrom=noreply@github.com;\r\n       dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=github.com',
    );
    expect(results.map((r) => r.method)).toEqual(['dkim', 'spf', 'dmarc']);
    expect(results[0]?.props['header.i']).toBe('@github.com');
  });

  it('ignores garbage', () => {
    expect(parseAuthenticationResults('')).toEqual([]);
    expect(parseAuthenticationResults('mx.example.com; none')).toEqual([]);
    expect(parseAuthenticationResults('(((;;;===')).toEqual([]);
  });
});

describe('receiverAuthResults', () => {
  it('takes the topmost header: a lower one may have been written by the sender', () => {
    const message = mail({
      headerLines: [
        'Authentication-Results: mx.example-corp.com; dkim=fail header.d=github.com; dmarc=fail header.from=github.com',
        'Authentication-Results: forged.example; dkim=pass header.d=github.com; dmarc=pass header.from=github.com',
      ],
    });
    expect(receiverAuthResults(message).find((r) => r.method === 'dkim')?.result).toBe('fail');
  });

  it('falls back to the newest ARC-Authentication-Results', () => {
    const message = mail({
      headerLines: [
        'ARC-Authentication-Results: i=2; mx.example-corp.com; dkim=pass header.d=zendesk.com',
        'ARC-Authentication-Results: i=1; relay.example; dkim=fail header.d=zendesk.com',
      ],
    });
    expect(receiverAuthResults(message)[0]).toMatchObject({ method: 'dkim', result: 'pass' });
  });
});

describe('judgeAuthenticity', () => {
  const github = { signingDomains: ['github.com'] };

  it('is authentic when the receiver recorded a DKIM pass for the platform', () => {
    const message = mail({ headerLines: ['Authentication-Results: mx; dkim=pass header.d=github.com; dmarc=pass header.from=github.com'] });
    expect(judgeAuthenticity(message, github)).toMatchObject({ authentic: true, spoofed: false });
  });

  it('is spoofed when the receiver recorded no pass for the platform', () => {
    const message = mail({ headerLines: ['Authentication-Results: mx; dkim=pass header.d=evil.example; dmarc=fail header.from=github.com'] });
    expect(judgeAuthenticity(message, github)).toMatchObject({ authentic: false, spoofed: true });
    expect(judgeAuthenticity(message, github).evidence).toContain('evil.example');
  });

  it('accepts an aligned pass for the sender\'s own domain when allowed (help desks on custom domains)', () => {
    const message = mail({ headerLines: ['Authentication-Results: mx; dkim=pass header.d=githubsupport.com; dmarc=pass header.from=githubsupport.com'] });
    expect(judgeAuthenticity(message, { signingDomains: ['zendesk.com'], alignedFromDomain: 'githubsupport.com' }).authentic).toBe(true);
    expect(judgeAuthenticity(message, { signingDomains: ['zendesk.com'] }).spoofed).toBe(true);
  });

  it('cannot tell without headers (webmail surfaces): neither authentic nor spoofed', () => {
    expect(judgeAuthenticity(mail({}), github)).toMatchObject({ authentic: false, spoofed: false });
  });

  it('uses the recorded DKIM-Signature d= when no results were recorded', () => {
    const signed = mail({ headerLines: ['DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=github.com; s=pf2023; b=x'] });
    expect(dkimSignatureDomains(signed)).toEqual(['github.com']);
    expect(judgeAuthenticity(signed, github).authentic).toBe(true);
    const other = mail({ headerLines: ['DKIM-Signature: v=1; d=mailer.example; s=s1; b=x'] });
    expect(judgeAuthenticity(other, github).spoofed).toBe(true);
  });

  it('does not call a forwarded copy a forgery when a forwarder sealed a pass (ARC)', () => {
    const message = mail({
      headerLines: [
        'Authentication-Results: mx.example-corp.com; dkim=fail header.d=github.com; dmarc=fail header.from=github.com',
        'ARC-Authentication-Results: i=1; lists.example.org; dkim=pass header.d=github.com; dmarc=pass header.from=github.com',
      ],
    });
    expect(judgeAuthenticity(message, github)).toMatchObject({ authentic: false, spoofed: false });
  });
});
