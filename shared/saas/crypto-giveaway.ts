import lexicon from '../data/saas-crypto-giveaway.json' with { type: 'json' };
import { foldText } from '../lure/fold-text.ts';
import type { SaasSignal } from './types.ts';
import { coded } from '../verdict/reason-codes.ts';

const MAX_CHARS = 100_000;
const TICKER = new RegExp(lexicon.ticker, 'g');

/** One regular expression for a word list: whole words, a space matching any run of spaces or hyphens. */
function wordsPattern(words: readonly string[]): RegExp {
  const alternatives = [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s-]+'));
  return new RegExp(`(?<![a-z0-9])(?:${alternatives.join('|')})(?![a-z0-9])`, 'g');
}

const OFFER = wordsPattern(lexicon.offer);
const CRYPTO = wordsPattern(lexicon.crypto);
const ACT = wordsPattern(lexicon.act);

const distinct = (text: string, pattern: RegExp) => new Set([...text.matchAll(pattern)].map((m) => m[0].replace(/[\s-]+/g, ' ')));

/**
 * Crypto-giveaway vocabulary: an offer (airdrop, allocation, claim, whitelist …) of crypto (wallet, token, a
 * $TICKER), several distinct words of both kinds, and something for the reader to do (claim, connect, visit).
 */
export function findCryptoGiveaway(texts: readonly string[]): SaasSignal | undefined {
  const source = texts.map((t) => t.slice(0, MAX_CHARS)).join('\n');
  const folded = foldText(source).text;
  const offer = distinct(folded, OFFER);
  const crypto = distinct(folded, CRYPTO);
  const tickers = new Set([...source.matchAll(TICKER)].map((m) => m[0]));
  const act = distinct(folded, ACT);
  if (offer.size === 0 || crypto.size + tickers.size === 0 || act.size === 0) return undefined;
  if (offer.size + crypto.size + tickers.size < lexicon.minDistinct) return undefined;
  const found = [...offer, ...tickers, ...crypto].slice(0, 6);
  const words = found.map((w) => `"${w}"`).join(', ');
  return {
    ...coded('saas-crypto-giveaway', { words: found }),
    label: 'a crypto giveaway',
    lure: true,
    weak: false,
    evenWhenTrusted: false,
    message:
      `It reads like a crypto giveaway (${words}). Offers to claim tokens or connect a wallet that arrive through a ` +
      'notification are a common way to drain wallets; do not connect a wallet or sign anything from it.',
    evidence: words,
  };
}
