// A display name that looks like an address is a name: the sender is the address in angle brackets.
import { describe, expect, it } from 'vitest';
import { parseEml } from '../../shared/mime/parse-eml.ts';

describe('parseEml: address-shaped display names', () => {
  it('reads "noreply@github.com" <attacker@evil.example> as attacker@evil.example, encoded names decoded', async () => {
    const raw = [
      'From: "noreply@github.com" <attacker@evil.example>',
      'Reply-To: =?UTF-8?B?bm9yZXBseUBnaXRodWIuY29t?= <attacker@evil.example>, Team: user@localhost;',
      'To: victim@example.com (Victim)',
      'Subject: [acme/app] Invoice',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Call 1-804-713-4598.',
      '',
    ].join('\r\n');
    const message = await parseEml(raw);
    expect(message.from?.address).toBe('attacker@evil.example');
    expect(message.from?.name).toBe('noreply@github.com');
    expect(message.replyTo.map((a) => a.address)).toEqual(['attacker@evil.example', 'user@localhost']);
    expect(message.replyTo[0]!.name).toBe('noreply@github.com');
    expect(message.to).toEqual([{ address: 'victim@example.com', name: 'Victim' }]);
  });
});
