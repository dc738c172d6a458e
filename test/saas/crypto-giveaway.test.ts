import { describe, expect, it } from 'vitest';
import { findCryptoGiveaway } from '../../shared/saas/crypto-giveaway.ts';

describe('crypto-giveaway vocabulary', () => {
  it('flags an offer of crypto that turns to the reader', () => {
    const found = findCryptoGiveaway(['Accounts that forked the SDK received an allocation of $KSTL. Add your wallet and claim your allocation before Friday.']);
    expect(found).toMatchObject({ code: 'saas-crypto-giveaway', lure: true });
    expect(found!.evidence).toContain('"$KSTL"');
    expect(findCryptoGiveaway(['Congratulations! Your wallet is eligible for the season airdrop. Claim your tokens today.'])).toBeDefined();
    expect(findCryptoGiveaway(['\u0421laim your USDT cashback reward now: connect your wallet.'])).toBeDefined(); // Cyrillic С
  });

  it('leaves developers discussing claim contracts and airdrop tooling alone', () => {
    const texts = [
      'claim() on the distribution contract reverts when the wallet held zero tokens at the airdrop snapshot.',
      'New claim() helper for merkle-tree token distributions; wallet connectors for hardware wallets.',
      'The $PATH variable is not set in the wallet service container; tokens expire after an hour.',
      'Your invoice for the annual plan is attached. Claim your seat in the webinar.',
    ];
    for (const text of texts) expect(findCryptoGiveaway([text]), text).toBeUndefined();
  });
});
