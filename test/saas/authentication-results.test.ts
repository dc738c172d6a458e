import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import {
  parseAuthResultsHeader,
  parseAuthenticationResults,
  receiverAuthResults,
  trustedArcResults,
} from '../../shared/mail-auth/authentication-results.ts';
import { tokenizeAuthres } from '../../shared/mail-auth/authres-tokens.ts';
import { judgeAuthenticity } from '../../shared/saas/authenticity.ts';
import { dkimSignatureDomains } from '../../shared/mail-auth/dkim-signature.ts';
import { parseEml } from '../../shared/mime/parse-eml.ts';
import { scan } from '../../shared/scan.ts';
import { validatePolicy } from '../../shared/policy/validate-policy.ts';
import type { MailMessage } from '../../shared/types.ts';
import { judgeFixture } from './support/judge.ts';
import { fixture, mail } from './support/mail.ts';

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

  it('keeps the authserv-id and its version, and knows the Microsoft form has none', () => {
    expect(parseAuthResultsHeader('mx.microsoft.com 1; spf=pass smtp.mailfrom=a.example')).toMatchObject({ authservId: 'mx.microsoft.com' });
    expect(parseAuthResultsHeader('"MX.Example.COM" (our border); none')).toEqual({ authservId: 'mx.example.com', results: [] });
    expect(parseAuthResultsHeader('spf=pass smtp.mailfrom=github.com; dkim=pass header.d=github.com').authservId).toBeUndefined();
  });

  it('does not split at a ";" inside a quoted string: a forged pass in smtp.mailfrom stays one value', () => {
    const header = parseAuthResultsHeader('mx.example-corp.com; spf=pass smtp.mailfrom="a;dkim=pass header.d=github.com b"@evil.example; dkim=none');
    expect(header.results.map((r) => `${r.method}=${r.result}`)).toEqual(['spf=pass', 'dkim=none']);
    expect(header.results[0]?.props['smtp.mailfrom']).toBe('a;dkim=pass header.d=github.com b@evil.example');
    expect(header.results.some((r) => r.props['header.d'] === 'github.com')).toBe(false);
  });

  it('does not split at a ";" inside a comment, nested comments and quoted-pairs included', () => {
    const results = parseAuthenticationResults(
      'mx.example-corp.com; spf=fail (sender ;dkim=pass header.d=github.com; (nested ; \\) still) comment) smtp.mailfrom=evil.example',
    );
    expect(results).toEqual([{ method: 'spf', result: 'fail', props: { 'smtp.mailfrom': 'evil.example' } }]);
  });

  it('reads values with "=" in them (SRS) and a method version', () => {
    const [r] = parseAuthenticationResults('mx.example; spf/1=pass smtp.mailfrom=bounce+SRS=ab12=cd@lists.example.org');
    expect(r).toMatchObject({ method: 'spf', result: 'pass', props: { 'smtp.mailfrom': 'bounce+SRS=ab12=cd@lists.example.org' } });
  });

  it('keeps property names out of the object prototype', () => {
    const [r] = parseAuthenticationResults('mx; dkim=pass header.__proto__=x header.constructor=y');
    expect(Object.getPrototypeOf(r?.props ?? {})).toBeNull();
    expect(r?.props['header.d']).toBeUndefined();
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

  it('believes only headers with the receiver\'s authserv-id, all of them (one per method, as Proton writes)', () => {
    const message = mail({
      headerLines: [
        'Authentication-Results: mailin014.protonmail.ch; dkim=pass header.d=gmail.com',
        'Authentication-Results: mailin014.protonmail.ch; dmarc=pass header.from=gmail.com',
        'Received: from mail-qv1-f48.google.com',
        'Authentication-Results: forged.example; dkim=pass header.d=github.com',
      ],
    });
    expect(receiverAuthResults(message).map((r) => `${r.method}:${r.props['header.d'] ?? r.props['header.from']}`)).toEqual([
      'dkim:gmail.com',
      'dmarc:gmail.com',
    ]);
  });

  it('takes a topmost header without authserv-id (Microsoft) alone', () => {
    const message = mail({
      headerLines: [
        'Authentication-Results: spf=fail (sender IP is 192.0.2.1) smtp.mailfrom=github.com; dkim=none (message not signed)',
        'Authentication-Results: dkim=pass header.d=github.com',
      ],
    });
    expect(receiverAuthResults(message).map((r) => `${r.method}=${r.result}`)).toEqual(['spf=fail', 'dkim=none']);
  });

  it('believes only the authserv-ids policy lists (trustedAuthservIds), a domain covering its hosts', () => {
    const message = mail({
      headerLines: [
        'Authentication-Results: internal-filter.example-corp.com; dkim=pass header.d=github.com',
        'Authentication-Results: mx2.mail.example-corp.com; dkim=fail header.d=github.com',
      ],
    });
    expect(receiverAuthResults(message)[0]?.result).toBe('pass');
    expect(receiverAuthResults(message, { trustedAuthservIds: ['mail.example-corp.com'] })).toEqual([
      { method: 'dkim', result: 'fail', props: { 'header.d': 'github.com' } },
    ]);
    expect(receiverAuthResults(message, { trustedAuthservIds: ['mx.other.example'] })).toEqual([]);
  });

  it('uses ARC results only when the receiver recorded arc=pass and a trusted sealer wrote them', () => {
    const chain = [
      'ARC-Seal: i=2; a=rsa-sha256; cv=pass; d=google.com; s=arc-20160816; b=x',
      'ARC-Authentication-Results: i=2; mx.google.com; dkim=pass header.d=zendesk.com',
      'ARC-Seal: i=1; a=rsa-sha256; cv=none; d=relay.example; s=s1; b=x',
      'ARC-Authentication-Results: i=1; relay.example; dkim=pass header.d=github.com',
    ];
    const verified = mail({ headerLines: ['Authentication-Results: mx.example-corp.com; arc=pass (i=2)', ...chain] });
    expect(receiverAuthResults(verified).find((r) => r.method === 'dkim')).toMatchObject({ result: 'pass', props: { 'header.d': 'zendesk.com' } });
    expect(trustedArcResults(verified).map((set) => `${set.instance}:${set.sealer}`)).toEqual(['2:google.com']);
    expect(trustedArcResults(verified, { trustedArcSealers: ['relay.example'] }).map((set) => set.instance)).toEqual([2, 1]);

    const unverified = mail({ headerLines: ['Authentication-Results: mx.example-corp.com; arc=fail', ...chain] });
    expect(trustedArcResults(unverified)).toEqual([]);
    expect(receiverAuthResults(unverified).find((r) => r.method === 'dkim')).toBeUndefined();
    // Nothing recorded at all (an archive copy): the trusted sealer's set is read, unverified, like a DKIM-Signature.
    expect(receiverAuthResults(mail({ headerLines: chain })).find((r) => r.method === 'dkim')?.props['header.d']).toBe('zendesk.com');
    expect(receiverAuthResults(mail({ headerLines: chain.slice(2) }))).toEqual([]);
  });

  it('ignores a malformed ARC chain: an instance twice, or results without a seal', () => {
    const receiver = 'Authentication-Results: mx.example-corp.com; arc=pass';
    const twice = mail({
      headerLines: [
        receiver,
        'ARC-Seal: i=1; d=google.com; b=x',
        'ARC-Authentication-Results: i=1; mx.google.com; dkim=pass header.d=github.com',
        'ARC-Authentication-Results: i=1; evil.example; dkim=pass header.d=github.com',
      ],
    });
    expect(trustedArcResults(twice)).toEqual([]);
    const unsealed = mail({ headerLines: [receiver, 'ARC-Authentication-Results: i=1; mx.google.com; dkim=pass header.d=github.com'] });
    expect(trustedArcResults(unsealed)).toEqual([]);
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

  it('does not call a forwarded copy a forgery when a trusted forwarder sealed a pass the receiver verified (ARC)', () => {
    const message = mail({
      headerLines: [
        'Authentication-Results: mx.example-corp.com; dkim=fail header.d=github.com; dmarc=fail header.from=github.com; arc=pass (i=1)',
        'ARC-Seal: i=1; a=rsa-sha256; cv=none; d=google.com; s=arc-20160816; b=x',
        'ARC-Authentication-Results: i=1; mx.google.com; dkim=pass header.d=github.com; dmarc=pass header.from=github.com',
      ],
    });
    expect(judgeAuthenticity(message, github)).toMatchObject({ authentic: false, spoofed: false });
  });

  describe('a forged ARC-Authentication-Results written by the sender', () => {
    const receiver = 'Authentication-Results: mx.example-corp.com; dkim=fail header.d=github.com; dmarc=fail header.from=github.com';
    const forgedResults = 'ARC-Authentication-Results: i=1; lists.example.org; dkim=pass header.d=github.com; dmarc=pass header.from=github.com';
    const cases: Array<[string, string[]]> = [
      ['without any seal or receiver check', [receiver, forgedResults]],
      ['sealed, but the receiver recorded no arc=pass', [receiver, 'ARC-Seal: i=1; d=google.com; b=x', forgedResults]],
      ['with arc=pass from a sealer nobody vouches for', [`${receiver}; arc=pass`, 'ARC-Seal: i=1; d=lists.example.org; b=x', forgedResults]],
      [
        'with arc=pass written in a lower, sender-written Authentication-Results',
        [receiver, 'Authentication-Results: mx.example-corp.net; arc=pass', 'ARC-Seal: i=1; d=google.com; b=x', forgedResults],
      ],
    ];
    for (const [name, headerLines] of cases) {
      it(`does not excuse a spoof ${name}`, () => {
        expect(judgeAuthenticity(mail({ headerLines }), github)).toMatchObject({ authentic: false, spoofed: true });
      });
    }

    it('counts a sealer the policy trusts (trustedArcSealers), e.g. the organisation\'s own list server', () => {
      const message = mail({ headerLines: [`${receiver}; arc=pass`, 'ARC-Seal: i=1; d=lists.example.org; b=x', forgedResults] });
      expect(judgeAuthenticity(message, { ...github, trust: { trustedArcSealers: ['example.org'] } })).toMatchObject({ spoofed: false });
    });

    it('keeps a spoofed GitHub notification with a callback lure at danger', async () => {
      const raw = await readFile(fixture('github-spoof-dkim-fail.eml'), 'utf8');
      const forged = raw.replace(/^(Date: )/m, 'ARC-Seal: i=1; a=rsa-sha256; cv=none; d=lists.example.org; s=s1; b=x\r\n' + forgedResults + '\r\n$1');
      expect(forged).not.toBe(raw);
      const verdict = await scan(await parseEml(forged), { policy: {}, now: new Date('2026-11-22T00:00:00Z') });
      expect(verdict.saas).toMatchObject({ platform: 'github', authentic: false });
      expect(verdict.level).toBe('danger');
      expect(verdict.reasons[0]?.code).toBe('saas-spoofed-notification');
    });
  });
});

describe('policy trustedAuthservIds and trustedArcSealers', () => {
  it('are read from policy as lists of strings', () => {
    const { policy, errors } = validatePolicy({ trustedAuthservIds: [' mx.example-corp.com '], trustedArcSealers: 'lists.example.org' });
    expect(policy.trustedAuthservIds).toEqual(['mx.example-corp.com']);
    expect(policy.trustedArcSealers).toBeUndefined();
    expect(errors).toEqual(['trustedArcSealers: expected a list of strings']);
  });

  it('reach the SaaS check: a forged header on top no longer passes for the receiver\'s', async () => {
    const forgeOnTop = (m: MailMessage) => {
      m.headers.unshift({ name: 'Authentication-Results', value: 'mx.example-corp.com.evil.example; dkim=pass header.d=github.com; dmarc=pass header.from=github.com' });
    };
    expect(await judgeFixture('github-spoof-dkim-fail.eml', {}, forgeOnTop)).toMatchObject({ authentic: true });
    expect(await judgeFixture('github-spoof-dkim-fail.eml', { trustedAuthservIds: ['mx.example-corp.com'] }, forgeOnTop)).toMatchObject({
      authentic: false,
      spoofed: true,
    });
  });
});

describe('Authentication-Results tokenizer on random input', () => {
  const PIECES = ['mx.example.com', ';', '=', ' ', '\t', '\r\n ', '(', ')', '\\', '"', 'dkim', 'pass', 'header.d', 'github.com', '@', '.', '/', '1', 'i=1', 'none', 'x'];
  let seed = 8601;
  const next = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
  const randomHeader = (pieces: number) => {
    let value = '';
    for (let i = 0; i < pieces; i++) value += PIECES[Math.floor(next() * PIECES.length)];
    return value;
  };

  it('never throws on 10,000 random headers and keeps every property name off the prototype', () => {
    const problems: string[] = [];
    for (let n = 0; n < 10_000; n++) {
      const value = randomHeader(1 + Math.floor(next() * 40));
      try {
        for (const r of parseAuthResultsHeader(value).results) {
          if (Object.getPrototypeOf(r.props) !== null || !/^[a-z0-9_-]+$/.test(r.method)) problems.push(value);
        }
        if (n % 10 === 0) {
          const lines = [`Authentication-Results: ${value}`, `ARC-Authentication-Results: ${value}`, `ARC-Seal: ${value}`];
          receiverAuthResults(mail({ headerLines: lines }));
          receiverAuthResults(mail({ headerLines: lines.slice(1) }));
        }
      } catch (error) {
        problems.push(`${value}: ${String(error)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('stays linear: twice the input takes at most about three times as long', () => {
    const cpu = (value: string) => {
      let best = Infinity;
      for (let round = 0; round < 9; round++) {
        const started = process.cpuUsage();
        for (let k = 0; k < 30; k++) parseAuthResultsHeader(value);
        const used = process.cpuUsage(started);
        best = Math.min(best, (used.user + used.system) / 1000);
      }
      return best;
    };
    for (const piece of ['(', '"', '\\', 'a=', ';', '(\\', 'x=1 ', null]) {
      const unit = piece ?? randomHeader(2000);
      const small = unit.repeat(Math.ceil(30_000 / unit.length)).slice(0, 30_000);
      const large = small + small;
      cpu(small);
      const ratio = cpu(large) / Math.max(cpu(small), 1);
      console.log(`Authentication-Results, 2x input of ${JSON.stringify(piece ?? 'random')}: ${ratio.toFixed(2)}x time`);
      expect(ratio, `pattern ${JSON.stringify(piece)}`).toBeLessThan(3);
    }
  });
});
