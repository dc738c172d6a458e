import { foldText } from '../lure/fold-text.ts';
import { hostToUnicode } from './punycode.ts';

/**
 * A domain name or label folded for look-alike checks with the same fold as brand names in text: xn-- labels
 * decoded to what the reader sees, Unicode confusables (gіtһub with Cyrillic і and һ) to Latin letters, lower
 * case, then the digits and signs people use for letters (g1thub, z3ndesk).
 */
export function foldDomainLabel(text: string): string {
  return foldText(hostToUnicode(text))
    .text.replace(/0/g, 'o')
    .replace(/[1!|]/g, 'l')
    .replace(/3/g, 'e')
    .replace(/5/g, 's');
}
