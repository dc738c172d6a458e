// Gmail's raw header block is parsed in the worker with postal-mime: display names that look like
// addresses stay names, encoded words are decoded, comments and groups are understood, and a huge
// address header costs linear time.
import { describe, expect, it } from 'vitest';
import { capHeaderBlock, MAX_HEADER_CHARS, parseHeaderBlock } from '../../extension/background/parse-header-block.ts';
import { MAX_ADDRESS_FIELD_CHARS, parseAddressList } from '../../extension/lib/addresses.ts';

const block = (...lines: string[]) => lines.join('\r\n');

describe('parseHeaderBlock', () => {
  it('reads the address, not an address-shaped display name', async () => {
    const parsed = await parseHeaderBlock(
      block('From: "noreply@github.com" <attacker@evil.example>', 'Reply-To: noreply@github.com <attacker@evil.example>', 'Subject: [acme/app] Invoice'),
    );
    expect(parsed.from).toEqual({ address: 'attacker@evil.example', name: 'noreply@github.com' });
    expect(parsed.replyTo).toEqual([{ address: 'attacker@evil.example', name: 'noreply@github.com' }]);
  });

  it('decodes encoded-word names and subjects, reads comments, groups and user@localhost', async () => {
    const parsed = await parseHeaderBlock(
      block(
        'From: =?UTF-8?B?UGF5UGFsIEJpbGxpbmc=?= <billing@pay.example>',
        'Reply-To: support@help.example (PayPal Support), Team: a@x.example, "B, C" <b@y.example>;',
        'To: user@localhost',
        'Subject: =?utf-8?q?Your=20invoice?=',
        'Date: Tue, 03 Mar 2026 09:41:00 -0500',
        'Message-ID: <1@mail.example>',
        'Authentication-Results: mx.google.com;',
        '       dkim=pass header.i=@github.com',
      ),
    );
    expect(parsed.from).toEqual({ address: 'billing@pay.example', name: 'PayPal Billing' });
    expect(parsed.replyTo).toEqual([
      { address: 'support@help.example', name: 'PayPal Support' },
      { address: 'a@x.example', name: '' },
      { address: 'b@y.example', name: 'B, C' },
    ]);
    expect(parsed.to).toEqual([{ address: 'user@localhost', name: '' }]);
    expect(parsed.subject).toBe('Your invoice');
    expect(parsed.date).toBe('2026-03-03T14:41:00.000Z');
    expect(parsed.messageId).toBe('<1@mail.example>');
    expect(parsed.headers.map((h) => h.name)).toEqual(['From', 'Reply-To', 'To', 'Subject', 'Date', 'Message-ID', 'Authentication-Results']);
    expect(parsed.headers.at(-1)!.value).toMatch(/^mx\.google\.com;\s+dkim=pass header\.i=@github\.com$/);
  });

  it('reads a 240 KB Reply-To in linear time, capped', async () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => `"n${i}, x" <a${i}@x.example>`).join(',\r\n ');
    const time = async (n: number) => {
      const start = performance.now();
      const parsed = await parseHeaderBlock(block('From: a@b.example', `Reply-To: ${list(n)}`, 'Subject: s'));
      return { ms: performance.now() - start, parsed };
    };
    await time(100);
    const small = await time(1_000);
    const large = await time(10_000);
    expect(`Reply-To: ${list(10_000)}`.length).toBeGreaterThan(240_000);
    expect(large.ms).toBeLessThan(1_000);
    expect(large.ms).toBeLessThan(Math.max(50, small.ms * 20));
    expect(large.parsed.replyTo.length).toBeGreaterThan(100);
    expect(large.parsed.replyTo.length).toBeLessThan(1_000);
    expect(large.parsed.subject).toBe('s');
  });

  it('reads 240 KB of hostile group syntax in an address header quickly', async () => {
    const start = performance.now();
    const parsed = await parseHeaderBlock(block('From: a@b.example', `Reply-To: ${'a: '.repeat(80_000)}`, `To: ${'<'.repeat(240_000)}`, 'Subject: s'));
    expect(performance.now() - start).toBeLessThan(1_000);
    expect(parsed.from?.address).toBe('a@b.example');
    expect(parsed.subject).toBe('s');
  });

  it('caps each header and the number of headers', () => {
    const capped = capHeaderBlock(
      block(`X-Pad: ${'a'.repeat(300_000)}`, 'Subject: kept', 'not a header', ' continuation of nothing', `Cc: ${'c'.repeat(20_000)}`, 'To: t@x.example', '', 'Body: no'),
    );
    const lines = capped.split('\r\n');
    expect(lines[0]!.length).toBe(MAX_HEADER_CHARS);
    expect(lines[2]!.length).toBe(MAX_ADDRESS_FIELD_CHARS);
    expect([lines[1], lines[3]]).toEqual(['Subject: kept', 'To: t@x.example']);
    const many = capHeaderBlock(Array.from({ length: 1_000 }, (_, i) => `X-${i}: v`).join('\n'));
    expect(many.split('\r\n')).toHaveLength(500);
  });
});

describe('parseAddressList (page text)', () => {
  it('reads the address behind an address-shaped name, and "From:" labels', () => {
    expect(parseAddressList('From: noreply@github.com <attacker@evil.example>')).toEqual([{ address: 'attacker@evil.example', name: 'noreply@github.com' }]);
    expect(parseAddressList('Priya Shah')).toEqual([]);
    expect(parseAddressList('Priya.Shah@Example.com')).toEqual([{ address: 'priya.shah@example.com', name: '' }]);
  });
});
