import { describe, expect, it } from 'vitest';
import { lookalikeEvidence as evidenceOf, type InstanceName } from '../../shared/saas/instance-lookalike.ts';

const lookalikeEvidence = (names: InstanceName[], ownBrand: string) => evidenceOf(names, ownBrand).map((e) => e.text);

describe('lookalikeEvidence', () => {
  it('names billing and support words in an owner or repository', () => {
    const evidence = lookalikeEvidence(
      [
        { role: 'repository owner', value: 'Client-Billing-Desk' },
        { role: 'repository', value: 'AccountsReceivable' },
      ],
      'GitHub',
    );
    expect(evidence.join(' ')).toContain('"billing"');
    expect(evidence.join(' ')).toContain('"receivable"');
  });

  it('names brands, but not the platform itself nor a brand\'s own exact name', () => {
    expect(lookalikeEvidence([{ role: 'sender name', value: 'Tether Cashback' }], 'Zendesk').join(' ')).toContain('Tether');
    expect(lookalikeEvidence([{ role: 'repository owner', value: 'paypal' }], 'GitHub')).toEqual([]);
    expect(lookalikeEvidence([{ role: 'repository', value: 'github-slideshow' }], 'GitHub')).toEqual([]);
  });

  it('spots generated tenant names only where an account name is checked', () => {
    expect(lookalikeEvidence([{ role: 'help desk address', value: 'qzvtrkpl', account: true }], 'Zendesk')[0]).toContain('randomly generated');
    for (const real of ['kandypens', 'northwind', 'tilecloud', 'sixdegreesit', 'xponentialsprint']) {
      expect(lookalikeEvidence([{ role: 'help desk address', value: real, account: true }], 'Zendesk'), real).toEqual([]);
    }
    expect(lookalikeEvidence([{ role: 'repository', value: 'qzvtrkpl' }], 'GitHub')).toEqual([]);
  });

  it('notices a repository named like a web address', () => {
    expect(lookalikeEvidence([{ role: 'repository', value: 'airdrop-portal.com' }], 'GitHub').join(' ')).toContain('web address');
  });

  it('finds nothing in ordinary names', () => {
    expect(lookalikeEvidence([{ role: 'repository owner', value: 'open-geo' }, { role: 'repository', value: 'tilekit' }], 'GitHub')).toEqual([]);
  });
});

describe('lookalikeEvidence strength', () => {
  it('counts desk words as weak and money words, brands and generated names as strong', () => {
    expect(evidenceOf([{ role: 'help desk', value: 'TileCloud Support' }], 'Jira')).toEqual([{ text: expect.stringContaining('"support"'), strong: false, name: 'TileCloud Support' }]);
    expect(evidenceOf([{ role: 'site', value: 'invoice-helpdesk', account: true }], 'Jira').map((e) => e.strong)).toEqual([true, false]);
    expect(evidenceOf([{ role: 'help desk address', value: 'qzvtrkpl', account: true }], 'Zendesk')[0]?.strong).toBe(true);
  });
});
