// The policy checker and the list updates say what went wrong as notes: a catalogue sentence in the reader's
// language that names the setting in plain words, and the checker's or server's own line only as the
// technical detail. Every kind of problem is made by the code that makes it and rendered in German.
import { describe, expect, it } from 'vitest';
import { validatePolicy } from '../../shared/policy/validate-policy.ts';
import { syncFeed } from '../../shared/feed-sync/sync.ts';
import { openNodeFeedStore } from '../../cli/node-store.ts';
import { CATALOGUES, translatorFor } from '../../shared/i18n/catalogues.ts';
import { noteText, type Note } from '../../shared/i18n/note.ts';
import type { FeedConfig } from '../../shared/types.ts';
import { expectGerman } from './support/expect-german.ts';
import { makeSigner } from '../feed-sync/keys.ts';
import { nativeFeedText } from '../feed-sync/feeds.ts';

const de = translatorFor('de-DE');
const en = translatorFor('en-US');

/** Every way a policy's value can be malformed, one key each. */
const MALFORMED = {
  trustedNumbers: '+18005550100',
  feedTtlDays: -3,
  reportEndpoint: 'http://reports.example/r',
  reportMailbox: 'security team',
  reportToken: 'has space',
  defaultRegion: 'UK',
  useBundledFeed: 'yes',
  minimumBannerLevel: 'loud',
  feeds: [{ url: 'ftp://lists.example/a' }, { url: 'https://lists.example/b', format: 'xml' }, 7],
};

function expectCatalogued(notes: Note[]): void {
  for (const n of notes) {
    expect(CATALOGUES.de![n.key], n.key).toBeDefined();
    expect(CATALOGUES.en![n.key], n.key).toBeDefined();
    for (const key of Object.values(n.terms ?? {})) expect(CATALOGUES.de![key], key).toBeDefined();
  }
}

describe('policy problems as notes', () => {
  it('gives one note per dropped setting, the checker\'s line as its detail, in German without English', () => {
    const { errors, problems } = validatePolicy(MALFORMED);
    expect(problems).toHaveLength(errors.length);
    expect(problems.map((p) => p.detail)).toEqual(errors);
    expect(errors.length).toBe(11);
    expectCatalogued(problems);
    for (const p of problems) expectGerman(noteText(p, de.t), p.detail!);
    expect(new Set(problems.map((p) => p.key)).size).toBe(10); // two list entries share a sentence
  });

  it('names the setting as the options page does, never by its key', () => {
    const [ttl] = validatePolicy({ feedTtlDays: 0 }).problems;
    expect(noteText(ttl!, en.t)).toBe('“Days a scam report stays current” was not used: its value must be a number greater than 0.');
    expect(noteText(ttl!, de.t)).toBe('„Tage, die eine Betrugsmeldung gilt“ wurde nicht verwendet: Der Wert muss eine Zahl größer als 0 sein.');
    const [feed] = validatePolicy({ feeds: [{ url: 'https://ok.example/a' }, { url: 'http://lists.example/b' }] }).problems;
    expect(noteText(feed!, de.t)).toMatch(/^Betrugsliste 2 wurde nicht verwendet/);
    for (const p of validatePolicy(MALFORMED).problems) expect(noteText(p, en.t)).not.toMatch(/feedTtlDays|defaultRegion|E\.164|https URL|\[\d\]/);
  });

  it('says a policy that is not a set of settings is unusable as a whole', () => {
    const { problems } = validatePolicy(['feeds']);
    expect(problems).toEqual([{ key: 'policyProblemShape', detail: 'policy: expected a JSON object' }]);
    expectGerman(noteText(problems[0]!, de.t), 'shape');
  });
});

describe('list update failures as notes', () => {
  const now = new Date('2026-11-30T12:00:00Z');

  async function failure(config: Partial<FeedConfig>, answer: (url: string, init?: RequestInit) => Promise<Response>, maxBytes?: number) {
    const store = await openNodeFeedStore();
    const url = config.url ?? 'https://127.0.0.1/liste.json';
    const fetch = (async (input: string | URL | Request, init?: RequestInit) => answer(String(input), init)) as typeof globalThis.fetch;
    const outcome = await syncFeed({ ...config, url }, store, { now, policy: {}, fetch, timeoutMs: 200, random: () => 0.5, ...(maxBytes ? { maxBytes } : {}) });
    expect(outcome.result).toBe('failed');
    const status = (await store.getStatus(url))!;
    expect(status.lastProblem?.detail).toBe(status.lastError);
    return status.lastProblem!;
  }

  it('says each kind of failure plainly, with what the server or check said as the detail', async () => {
    const signer = await makeSigner('Ed25519');
    const feed = nativeFeedText('Liste', ['+18047134598']);
    const cases: [string, Promise<Note>][] = [
      ['feedProblemServer', failure({}, async () => new Response('down', { status: 503 }))],
      ['feedProblemDownload', failure({}, async () => Promise.reject(new TypeError('fetch failed')))],
      ['feedProblemTimeout', failure({}, (_, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason))))],
      ['feedProblemTooLarge', failure({}, async () => new Response('+18047134598\n'.repeat(200)), 1_000)],
      ['feedProblemUnreadable', failure({}, async () => new Response('+18047134598\n\u0000\u0001'))],
      ['feedProblemEmpty', failure({}, async () => new Response('<html>maintenance</html>'))],
      ['feedProblemKey', failure({ publicKey: 'not a key' }, async () => new Response(feed))],
      ['feedProblemSignature', failure({ publicKey: signer.spkiPem }, async (url) => (url.endsWith('.sig') ? new Response('', { status: 404 }) : new Response(feed)))],
    ];
    for (const [key, made] of cases) {
      const problem = await made;
      expect(problem.key, problem.detail).toBe(key);
      expectCatalogued([problem]);
      expectGerman(noteText(problem, de.t), key);
    }
  });

  it('forgets the problem once the list updates again', async () => {
    const store = await openNodeFeedStore();
    const url = 'https://127.0.0.1/liste.json';
    let up = false;
    const fetch = (async () => (up ? new Response(nativeFeedText('Liste', ['+18047134598'])) : new Response('', { status: 500 }))) as typeof globalThis.fetch;
    await syncFeed({ url }, store, { now, policy: {}, fetch, random: () => 0.5 });
    expect((await store.getStatus(url))!.lastProblem?.key).toBe('feedProblemServer');
    up = true;
    await syncFeed({ url }, store, { now: new Date(now.getTime() + 86_400_000), policy: {}, fetch, random: () => 0.5 });
    const status = (await store.getStatus(url))!;
    expect(status.lastProblem).toBeUndefined();
    expect(status.lastError).toBeUndefined();
  });
});
