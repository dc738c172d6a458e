/**
 * Compiles a lexicon phrase list into one global RegExp over folded text (see fold-text.ts).
 * Syntax: lower case; a space matches a run of white space or hyphens; ' is an optional apostrophe;
 * a trailing * on a word matches any letters (a stem); {n} matches a number. Everything else is literal.
 * The result has no nested quantifiers, so matching stays linear in the text length.
 */
export function compilePhrases(phrases: readonly string[]): RegExp {
  const sorted = [...new Set(phrases.map((p) => p.trim().toLowerCase()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return /(?!)/g;
  return new RegExp(joinRuns(sorted.map(compileOne)), 'g');
}

interface CompiledPhrase {
  before: string;
  body: string;
  after: string;
}

/**
 * Alternatives in order, neighbours with the same word-boundary checks sharing one check:
 * `(?<!x)(?:a|b)(?!x)` matches as `(?<!x)a(?!x)|(?<!x)b(?!x)` does (same order, the checks take no
 * characters), but the engine tests the boundary once per position instead of once per phrase.
 */
function joinRuns(compiled: readonly CompiledPhrase[]): string {
  const out: string[] = [];
  for (let i = 0; i < compiled.length; ) {
    const { before, after } = compiled[i]!;
    let j = i + 1;
    while (j < compiled.length && compiled[j]!.before === before && compiled[j]!.after === after) j++;
    const bodies = compiled.slice(i, j).map((c) => c.body);
    out.push(bodies.length === 1 ? `${before}${bodies[0]}${after}` : `${before}(?:${bodies.join('|')})${after}`);
    i = j;
  }
  return out.join('|');
}

function compileOne(phrase: string): CompiledPhrase {
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
  return { before, body, after };
}
