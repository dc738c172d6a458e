/**
 * Compiles a lexicon phrase list into one global RegExp over folded text (see fold-text.ts).
 * Syntax: lower case; a space matches a run of white space or hyphens; ' is an optional apostrophe;
 * a trailing * on a word matches any letters (a stem); {n} matches a number. Everything else is literal.
 * The result has no nested quantifiers, so matching stays linear in the text length.
 */
export function compilePhrases(phrases: readonly string[]): RegExp {
  const sorted = [...new Set(phrases.map((p) => p.trim().toLowerCase()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return /(?!)/g;
  return new RegExp(sorted.map(compileOne).join('|'), 'g');
}

function compileOne(phrase: string): string {
  let body = '';
  for (let i = 0; i < phrase.length; i++) {
    const c = phrase[i]!;
    if (c === ' ') {
      while (phrase[i + 1] === ' ') i++;
      body += '[\\s\\-]+';
    } else if (c === "'") body += "'?";
    else if (c === '*') body += '[a-z]*';
    else if (c === '{' && phrase.startsWith('{n}', i)) {
      body += '\\d{1,4}';
      i += 2;
    } else body += c.replace(/[.*+?^${}()|[\]\\/#-]/g, '\\$&');
  }
  const before = /^[a-z0-9{]/.test(phrase) ? '(?<![a-z0-9])' : '';
  const after = /[a-z0-9*}]$/.test(phrase) ? '(?![a-z0-9])' : '';
  return `${before}${body}${after}`;
}
