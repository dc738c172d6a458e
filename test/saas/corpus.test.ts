// The SaaS rules on the labelled corpus beside the checkout (../shared/corpus): real abused GitHub and
// Zendesk notifications, and legitimate mail that includes real and relayed GitHub notifications.
import { describe, expect, it } from 'vitest';
import { analyseSaas, type SaasFinding } from '../../shared/saas/index.ts';
import { hasCorpus, readManifest, type CorpusEntry } from '../support/corpus.ts';
import { loadMessage, phonesOf, usingProductParser } from './support/load-message.ts';
import { topLevel } from './support/judge.ts';

const atLeast = (finding: SaasFinding | undefined, floor: 'caution' | 'warning') =>
  floor === 'caution' ? topLevel(finding) !== 'none' : ['warning', 'danger'].includes(topLevel(finding));

async function judge(entries: CorpusEntry[]): Promise<Map<CorpusEntry, SaasFinding | undefined>> {
  const out = new Map<CorpusEntry, SaasFinding | undefined>();
  for (const entry of entries) {
    const message = await loadMessage(entry.path);
    out.set(entry, analyseSaas(message, {}, await phonesOf(message)));
  }
  return out;
}

const describeFinding = (f: SaasFinding | undefined) =>
  f ? `${f.platform} ${f.instance} authentic=${f.authentic} ${topLevel(f)} [${f.reasons.map((r) => r.code).join(', ')}]` : 'not a platform notification';

describe.skipIf(!hasCorpus)('SaaS notifications in the corpus', () => {
  const manifest = hasCorpus ? readManifest() : [];
  const byLabel = (label: string) => manifest.filter((e) => e.label === label);

  it('flags at least 95% of abused notifications (scam-saas) on each split, all recognised as authentic platform mail', async () => {
    const saas = await judge(byLabel('saas'));
    expect(saas.size).toBeGreaterThan(0);
    const shown = [...saas].filter(([, f]) => atLeast(f, 'caution'));
    const warned = [...saas].filter(([, f]) => atLeast(f, 'warning'));
    console.log(
      `scam-saas (parser: ${usingProductParser ? 'parseEml' : 'postal-mime stand-in'}): flagged ${shown.length}/${saas.size} ` +
        `(${((shown.length / saas.size) * 100).toFixed(1)}%), at warning or danger ${warned.length}/${saas.size} ` +
        `(${((warned.length / saas.size) * 100).toFixed(1)}%)`,
    );
    for (const [entry, f] of saas) if (!atLeast(f, 'warning')) console.log(`  ${atLeast(f, 'caution') ? 'NOTE' : 'MISS'} ${entry.file}: ${describeFinding(f)}`);
    for (const [entry, f] of saas) {
      expect(f, entry.file).toBeDefined();
      expect(['github', 'zendesk'], entry.file).toContain(f!.platform);
      expect(f!.authentic && !f!.spoofed, `${entry.file}: ${describeFinding(f)}`).toBe(true);
    }
    // Rules are written looking at `tune` only; `validate` shows whether they generalise. Both must hold.
    for (const split of ['tune', 'validate'] as const) {
      const inSplit = [...saas].filter(([e]) => e.split === split);
      const flagged = inSplit.filter(([, f]) => atLeast(f, 'warning'));
      console.log(`scam-saas ${split}: at warning or danger ${flagged.length}/${inSplit.length}`);
      expect(inSplit.length, split).toBeGreaterThan(0);
      expect(flagged.length / inSplit.length, split).toBeGreaterThanOrEqual(0.95);
    }
  }, 120_000);

  it('fires each content signal only on abused notifications, never on legitimate mail', async () => {
    const all = await judge([...byLabel('saas'), ...byLabel('ham')]);
    const fired = new Map<string, { saas: number; ham: number }>();
    for (const [entry, f] of all) {
      for (const code of f?.signals ?? []) {
        const count = fired.get(code) ?? { saas: 0, ham: 0 };
        if (entry.label === 'saas') count.saas++;
        else count.ham++;
        fired.set(code, count);
      }
    }
    console.log(`content signals (saas / ham): ${JSON.stringify(Object.fromEntries(fired))}`);
    expect([...fired].filter(([, c]) => c.ham > 0)).toEqual([]);
    expect(fired.get('saas-crypto-giveaway')?.saas ?? 0).toBeGreaterThan(0);
    expect(fired.get('saas-mass-mentions')?.saas ?? 0).toBeGreaterThan(0);
  }, 120_000);

  it('raises nothing on legitimate mail (ham), and reads the real GitHub mail in it as authentic', async () => {
    const ham = await judge(byLabel('ham'));
    const raised = [...ham].filter(([, f]) => f && f.reasons.length > 0);
    const recognised = [...ham].filter(([, f]) => f);
    console.log(`ham: ${recognised.length}/${ham.size} recognised as platform mail, ${raised.length} with a SaaS reason`);
    for (const [entry, f] of recognised) console.log(`  ${entry.file}: ${describeFinding(f)}`);
    expect(raised.map(([e, f]) => `${e.file}: ${describeFinding(f)}`)).toEqual([]);

    const find = (suffix: string) => [...ham].find(([e]) => e.file.endsWith(suffix));
    const release = find('phishing_pot__sample-6835.eml');
    if (release) expect(release[1]).toMatchObject({ platform: 'github', authentic: true, instance: 'projectdiscovery/nuclei' });
    const support = find('phishing_pot__sample-885.eml');
    if (support) expect(support[1]).toMatchObject({ authentic: true, spoofed: false });
    // ASF GitBox relays look like GitHub notifications but are the ASF's own list mail: not a platform claim.
    for (const [entry, f] of ham) if (entry.file.includes('ponymail_maven')) expect(f, entry.file).toBeUndefined();
  }, 120_000);

  it('lets no callback scam or other phishing pass as clean platform mail', async () => {
    const other = await judge([...byLabel('toad'), ...byLabel('phish')]);
    const claimed = [...other].filter(([, f]) => f);
    console.log(`scam-toad + scam-other: ${claimed.length}/${other.size} recognised as platform mail`);
    for (const [entry, f] of claimed) console.log(`  ${entry.file}: ${describeFinding(f)}`);
    expect(other.size).toBeGreaterThan(0);
    // Mail that claims a platform without coming from it, or carries a lure, must say so.
    expect(claimed.filter(([, f]) => f!.reasons.length === 0).map(([e, f]) => `${e.file}: ${describeFinding(f)}`)).toEqual([]);
  }, 300_000);
});

if (!hasCorpus) console.warn('SaaS corpus test skipped: ../shared/corpus is not beside the checkout');
