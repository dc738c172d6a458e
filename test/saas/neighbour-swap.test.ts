// looksLikePlatform's one-edit check no longer builds arrays for equal-length windows: it must answer as the
// previous check (below) did for every domain and platform name.
import { describe, expect, it } from 'vitest';
import { foldLookalike, looksLikePlatform, registeredLabel } from '../../shared/saas/domain-names.ts';
import { randomString, seededRandom } from '../support/seeded-random.ts';

function referenceEditDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diff = [...a].flatMap((ch, k) => (ch === b[k] ? [] : [k]));
    if (diff.length === 2 && diff[1] === (diff[0] ?? 0) + 1 && a[diff[0] ?? 0] === b[diff[1] ?? 0] && a[diff[1] ?? 0] === b[diff[0] ?? 0]) return true;
  }
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

function referenceLooksLikePlatform(domain: string, token: string): boolean {
  const label = foldLookalike(registeredLabel(domain));
  const folded = foldLookalike(token);
  if (label.includes(folded)) return true;
  if (label.replace(/l/g, 'i').includes(folded.replace(/l/g, 'i'))) return true;
  if (folded.length < 5) return false;
  for (let start = 0; start + folded.length - 1 <= label.length; start++) {
    for (const len of [folded.length - 1, folded.length, folded.length + 1]) {
      const window = label.slice(start, start + len);
      if (window.length === len && referenceEditDistanceAtMostOne(window, folded)) return true;
    }
  }
  return false;
}

describe('looksLikePlatform one-edit check', () => {
  it('still catches swapped neighbours, one change, one letter more or less', () => {
    for (const domain of ['gihtub-support.com', 'githbu.io', 'gitbub.net', 'gthub.org', 'giithub.dev', 'zendsek-help.com']) {
      expect(looksLikePlatform(domain, domain.startsWith('z') ? 'zendesk' : 'github')).toBe(true);
    }
    for (const domain of ['hubgit.com', 'gtihbu.com', 'example.com']) expect(looksLikePlatform(domain, 'github')).toBe(false);
  });

  it('answers as the previous check did on random look-alike domains', () => {
    const random = seededRandom(21);
    const tokens = ['github', 'zendesk', 'freshdesk', 'atlassian', 'paypal', 'docusign', 'quickbooks'];
    let alike = 0;
    for (let n = 0; n < 4000; n++) {
      const token = tokens[n % tokens.length]!;
      const letters = [...token, ...'aeilmnrstuv1-', 'rn', 'vv', 'і'];
      const pick = () => letters[Math.floor(random() * letters.length)]!;
      let name = [...token];
      for (let edits = 1 + Math.floor(random() * 2); edits > 0; edits--) {
        const at = Math.floor(random() * name.length);
        const kind = Math.floor(random() * 4);
        if (kind === 0 && at + 1 < name.length) name = [...name.slice(0, at), name[at + 1]!, name[at]!, ...name.slice(at + 2)];
        else if (kind === 1) name[at] = pick();
        else if (kind === 2) name.splice(at, 0, pick());
        else name.splice(at, 1);
      }
      const domain = `${randomString(random, letters, 3)}${name.join('')}${randomString(random, letters, 3)}.${['com', 'co.uk', 'pages.dev', 'io'][n % 4]}`;
      const expected = referenceLooksLikePlatform(domain, token);
      if (expected) alike++;
      expect(looksLikePlatform(domain, token), `${domain} / ${token}`).toBe(expected);
    }
    expect(alike).toBeGreaterThan(400); // the random domains do include look-alikes
    expect(alike).toBeLessThan(3900); // ... and others
  });
});
