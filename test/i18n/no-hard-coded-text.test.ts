// No sentence for the reader is written into the surfaces' markup: JSX text, user-facing attributes and
// string literals placed in JSX come from the catalogue (t('key')), so the German reader never meets English.
// Found by parsing the source (the AST, not a text search), so a new hard-coded line fails here.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAst } from 'rolldown/parseAst';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const SURFACES = ['addin', 'extension', 'shared/browser/banner'];
const USER_FACING_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'label']);
/** Text that is the same in every language: the product name, punctuation, symbols. */
const NEUTRAL = /^(Ringfence|[\s\p{P}\p{S}\d]*|×)$/u;

function files(dir: string, ext: RegExp): string[] {
  const full = join(ROOT, dir);
  if (!statSync(full).isDirectory()) return ext.test(full) ? [full] : [];
  return readdirSync(full).flatMap((name) => files(join(dir, name), ext));
}

type Node = { type: string; [key: string]: unknown };

/** Words for a reader in one AST: JSX text, user-facing attribute strings, strings shown as JSX children. */
export function hardCodedText(source: string, filename = 'x.tsx'): string[] {
  const found: string[] = [];
  const wordy = (text: string) => /\p{L}{2,}/u.test(text) && !NEUTRAL.test(text.trim());
  const stringsIn = (node: unknown): string[] => {
    if (!node || typeof node !== 'object') return [];
    const n = node as Node;
    if (n.type === 'Literal' && typeof n.value === 'string') return [n.value];
    if (n.type === 'TemplateLiteral') return (n.quasis as { value: { cooked: string } }[]).map((q) => q.value.cooked);
    // A call's arguments (t('key'), join(' · ')) are not shown as they are.
    if (n.type === 'CallExpression') return [];
    if (n.type === 'ConditionalExpression') return [...stringsIn(n.consequent), ...stringsIn(n.alternate)];
    // \`cond && x\` shows x; \`a || b\`, \`a ?? b\` and \`a + b\` may show either; comparisons show nothing.
    if (n.type === 'LogicalExpression') return n.operator === '&&' ? stringsIn(n.right) : [...stringsIn(n.left), ...stringsIn(n.right)];
    if (n.type === 'BinaryExpression' && n.operator === '+') return [...stringsIn(n.left), ...stringsIn(n.right)];
    return [];
  };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    if (n.type === 'JSXText' && wordy(String(n.value))) found.push(String(n.value).trim());
    if (n.type === 'JSXAttribute') {
      const name = (n.name as { name?: string }).name ?? '';
      if (USER_FACING_ATTRIBUTES.has(name)) {
        const value = n.value as Node | null;
        const texts = value?.type === 'JSXExpressionContainer' ? stringsIn(value.expression) : value ? stringsIn(value) : [];
        found.push(...texts.filter(wordy));
      }
      return;
    }
    if (n.type === 'JSXExpressionContainer') found.push(...stringsIn(n.expression).filter(wordy));
    for (const [key, value] of Object.entries(n)) if (key !== 'type' && typeof value === 'object') walk(value);
  };
  walk(parseAst(source, { lang: filename.endsWith('.tsx') ? 'tsx' : 'ts' }, filename));
  return found;
}

describe('surfaces hold no hard-coded text for the reader', () => {
  it('finds hard-coded text where there is some (the check can fail)', () => {
    expect(hardCodedText(`const a = <p title="Close it">Could not start {x ? 'Loading the pane' : t('k')} {'·'} Ringfence {y && 'Sent now'}</p>;`)).toEqual([
      'Close it',
      'Could not start',
      'Loading the pane',
      'Sent now',
    ]);
    expect(hardCodedText(`const a = <p aria-label={t('k')} class="wide banner">{s === 'loading' && t('key', { n: 1 })} · {name}</p>;`)).toEqual([]);
  });

  for (const file of SURFACES.flatMap((dir) => files(dir, /\.tsx$/))) {
    it(`${relative(ROOT, file)}: every text comes from the catalogue`, () => {
      expect(hardCodedText(readFileSync(file, 'utf8'), file)).toEqual([]);
    });
  }

  it('the pages show only the product name before their script runs', () => {
    for (const page of ['addin/taskpane.html', 'extension/popup/popup.html', 'extension/options/options.html']) {
      const html = readFileSync(join(ROOT, page), 'utf8');
      const text = html.replace(/<(script|style)[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, ' ').split(/\s+/).filter(Boolean);
      expect(text.filter((word) => !NEUTRAL.test(word) && word !== 'Ringfence…'), page).toEqual([]);
    }
  });
});
