import { getDomainWithoutSuffix } from 'tldts';
import { foldDomainLabel } from './fold-domain.ts';

/**
 * The label an organisation registered: `example` in mail.example.co.uk, `githubsupport` in
 * githubsupport.pages.dev. Uses the Public Suffix List with its private section (pages.dev, netlify.app),
 * where anyone can register a name. Falls back to the last-but-one label for hosts the list does not know.
 */
export function registeredLabel(domain: string): string {
  const host = domain.toLowerCase().replace(/\.$/, '');
  const label = getDomainWithoutSuffix(host, { allowPrivateDomains: true });
  if (label) return label.split('.').pop() ?? label;
  const labels = host.split('.');
  return labels.length < 2 ? (labels[0] ?? '') : (labels[labels.length - 2] ?? '');
}

/**
 * Folds the usual look-alike spellings so "g1thub", "gіtһub" (Cyrillic) and "xn--gthub-…" read "github":
 * Unicode confusables (UTS #39) and leetspeak through foldDomainLabel, then rn for m and vv for w.
 */
export function foldLookalike(text: string): string {
  return foldDomainLabel(text)
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w')
    .replace(/[^a-z0-9]/g, '');
}

/** Every platform rule asks about the same From domain: fold each name once (a small, bounded memo). */
const foldedLabels = new Map<string, string>();
function memoFold(key: string, compute: () => string): string {
  let value = foldedLabels.get(key);
  if (value === undefined) {
    if (foldedLabels.size >= 2048) foldedLabels.clear();
    value = compute();
    foldedLabels.set(key, value);
  }
  return value;
}

/** True when the domain's registered label contains the platform's name (or a one-edit misspelling of it). */
export function looksLikePlatform(domain: string, token: string): boolean {
  const label = memoFold(`d:${domain}`, () => foldLookalike(registeredLabel(domain)));
  const folded = memoFold(`t:${token}`, () => foldLookalike(token));
  if (label.includes(folded)) return true;
  const fuzzy = folded.replace(/l/g, 'i');
  if (label.replace(/l/g, 'i').includes(fuzzy)) return true;
  if (folded.length < 5) return false;
  for (let start = 0; start + folded.length - 1 <= label.length; start++) {
    for (const len of [folded.length - 1, folded.length, folded.length + 1]) {
      const window = label.slice(start, start + len);
      if (window.length === len && editDistanceAtMostOne(window, folded)) return true;
    }
  }
  return false;
}

/**
 * Equal-length strings that differ at exactly two neighbouring places, holding each other's letters. Counted
 * per character; surrogate pairs (rare in a folded domain) take the general path that counts code points.
 */
function swapsNeighbours(a: string, b: string): boolean {
  let first = -1;
  let count = 0;
  for (let k = 0; k < a.length; k++) {
    const code = a.charCodeAt(k);
    if (code >= 0xd800 && code <= 0xdfff) return swapsNeighboursByCodePoint(a, b);
    if (code === b.charCodeAt(k)) continue;
    if (++count > 2) return false;
    if (count === 1) first = k;
    else if (k !== first + 1) return false;
  }
  return count === 2 && a[first] === b[first + 1] && a[first + 1] === b[first];
}

function swapsNeighboursByCodePoint(a: string, b: string): boolean {
  const diff = [...a].flatMap((ch, k) => (ch === b[k] ? [] : [k]));
  return diff.length === 2 && diff[1] === (diff[0] ?? 0) + 1 && a[diff[0] ?? 0] === b[diff[1] ?? 0] && a[diff[1] ?? 0] === b[diff[0] ?? 0];
}

/** One letter added, dropped, changed, or two neighbours swapped (gihtub). */
function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length && swapsNeighbours(a, b)) return true;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (a.length < b.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}
