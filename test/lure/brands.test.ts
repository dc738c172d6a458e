import { describe, expect, it } from 'vitest';
import { extractLure } from '../../shared/lure/index.ts';
import { brandsIn } from './helpers.ts';

describe('brand names as written by scammers', () => {
  const cases: [string, string, string][] = [
    ['plain', 'Thank you for using PayPal.', 'PayPal'],
    ['upper case', 'NORTON LIFE PC has been renewed', 'Norton'],
    ['leetspeak zero', 'Your N0rton subscription was renewed', 'Norton'],
    ['at sign for a', 'Your P@yPal payment was sent', 'PayPal'],
    ['capital I for l', 'Invoice from PayPaI billing', 'PayPal'],
    ['digit one for l', 'Invoice from PayPa1 billing', 'PayPal'],
    ['accent', 'Your McAfée Total Protection renewal', 'McAfee'],
    ['Cyrillic р and а', 'Your \u0420\u0430yPal invoice', 'PayPal'],
    ['Greek omicron', 'Nort\u03bfn subscription renewed', 'Norton'],
    ['Cyrillic е in Geek', 'G\u0435\u0435k Squad membership', 'Geek Squad'],
    ['zero-width space', 'Your Pay\u200bPal receipt', 'PayPal'],
    ['zero-width joiners everywhere', 'M\u200dc\u200cA\u200bf\u2060e\u00ade renewal', 'McAfee'],
    ['variation selectors', 'Mi\u{E0139}cr\u{E0139}oso\u{E0139}ft Sup\u{E0139}por\u{E0139}t', 'Microsoft'],
    ['combining grapheme joiner', 'C\u034Foinbase account', 'Coinbase'],
    ['combining strokes', 'C\u0337o\u0337i\u0337nbase wallet', 'Coinbase'],
    ['spaced letters', 'P a y P a l invoice', 'PayPal'],
    ['spaced lower case', 'e b a y order', 'eBay'],
    ['hyphen inside', 'Your Pay-Pal account', 'PayPal'],
    ['space inside', 'Pay Pal receipt', 'PayPal'],
    ['dots between letters', 'N.o.r.t.o.n renewal notice', 'Norton'],
    ['full-width letters', '\uFF30\uFF41\uFF59\uFF30\uFF41\uFF4C receipt', 'PayPal'],
    ['mathematical bold', '\u{1D40D}\u{1D428}\u{1D42B}\u{1D42D}\u{1D428}\u{1D427} subscription', 'Norton'],
    ['markdown stars between words', '*Geek **Squad*', 'Geek Squad'],
    ['two words written as one', 'GeekSquad protection plan', 'Geek Squad'],
    ['product: LifeLock', 'Your LifeLock membership', 'Norton'],
    ['product: Norton 360', 'Norton 360 Deluxe', 'Norton'],
    ['product: Windows Defender', 'Windows Defender firewall renewal', 'Microsoft'],
    ['product: McAfee Total Protection', 'McAfee Total Protection', 'McAfee'],
    ['company: Gen Digital', '© 2025 Gen Digital Inc.', 'Norton'],
    ['trade-mark sign', 'Norton™ Secure VPN', 'Norton'],
    ['registered sign', 'McAfee® Total Protection', 'McAfee'],
    ['possessive', "PayPal's billing team", 'PayPal'],
    ['inside an address', 'write to service@paypal.com today', 'PayPal'],
  ];
  it.each(cases)('%s', (_name, text, brand) => {
    expect(brandsIn(text)).toContain(brand);
  });

  it('gives the name as written, and the part it sits in', () => {
    const lure = extractLure(
      [
        { id: 'from-name', text: 'P@yPaI Service' },
        { id: 'body', text: 'Thanks for choosing N0rton. Your subscription renews today.' },
      ],
      [],
    );
    expect(lure.brands).toEqual([
      { brand: 'PayPal', evidence: 'P@yPaI', part: 'from-name' },
      { brand: 'Norton', evidence: 'N0rton', part: 'body' },
    ]);
  });

  it('reports a brand once per part', () => {
    const lure = extractLure([{ id: 'body', text: 'PayPal PayPal PayPal' }], []);
    expect(lure.brands).toHaveLength(1);
  });

  it('adds the policy’s extra brands, with the same tolerance', () => {
    expect(brandsIn('Your C0nt0so Bank account is locked', ['Contoso Bank'])).toEqual(['Contoso Bank']);
    expect(brandsIn('Your Contoso Bank account is locked')).toEqual([]);
    expect(brandsIn('Fabrikam', ['  ', 'Fabrikam'])).toEqual(['Fabrikam']);
  });
});

describe('weak names need context', () => {
  it('takes Apple, Norton, Gemini, Microsoft next to account or billing words', () => {
    expect(brandsIn('Your Apple ID was used to sign in')).toEqual(['Apple']);
    expect(brandsIn('Apple Support: your subscription renews today')).toEqual(['Apple']);
    expect(brandsIn('Gemini Service: new login attempt on your account')).toEqual(['Gemini']);
    expect(brandsIn('Microsoft account team: unusual sign-in activity')).toEqual(['Microsoft']);
    expect(brandsIn('Norton\nYour membership was renewed for $299.99')).toEqual(['Norton']);
    expect(brandsIn('Dear customer, thank you for choosing Amazon. Your order has shipped')).toEqual(['Amazon']);
  });

  it('takes a weak name when a strong name of the same brand is in the message', () => {
    const lure = extractLure(
      [
        { id: 'subject', text: 'Norton' },
        { id: 'body', text: 'Norton 360 Deluxe' },
      ],
      [],
    );
    expect(lure.brands.map((b) => b.part)).toEqual(['subject', 'body']);
  });
});

describe('precision: words that are not brands', () => {
  const negatives: [string, string][] = [
    ['apple pie', 'Grandma baked an apple pie for the customer meeting'],
    ['apple as fruit', 'I ate an apple at the support desk'],
    ['Apple in tech news', 'Apple devotees gathered in New York to see the new iMac'],
    ['Big Apple', 'Welcome to the Big Apple, customer service is great here'],
    ['window', 'Close the window and open another one'],
    ['Windows alone', 'Windows XP Media Center Edition will appear on new PCs'],
    ['Microsoft in a 2002 discussion', 'Microsoft on Tuesday gave an official name to an upcoming version of Windows XP.'],
    ['Microsoft sweetens an offer', 'Microsoft sweetens Mac Office offer'],
    ['name inside a longer word', 'snorton paypalooza mcafeex ebayish'],
    ['Edward Norton', 'Edward Norton starred in the film'],
    ['Norton as a street', 'Meet me at 12 Norton Street'],
    ['best buy as a phrase', 'This laptop is the best buy of the year'],
    ['Gemini the star sign', 'Gemini season starts in May'],
    ['gemini lower case', 'our gemini account rollout'],
    ['Amazon river', 'The Amazon river is long'],
    ['ups and downs', 'Markets have ups and downs'],
    ['chase as a verb', 'Chase your dreams'],
    ['Google Calendar boilerplate', 'Invitation from Google Calendar. You are receiving this email because you are an attendee'],
    ['split too far', 'nor ton of invoices', ],
    ['pieces of two letters', 'Pa yP al'],
    ['a gmail address', 'Contact me at someone@gmail.com about the invoice'],
  ];
  it.each(negatives)('%s', (_name, text) => {
    expect(brandsIn(text)).toEqual([]);
  });
});
