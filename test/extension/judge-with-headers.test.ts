// A message scanned before its headers came is judged with them on the body its scan read: the same verdict
// as a full scan of the message with its headers (Reply-To, Sender, authentication, platform identity count),
// with the body read once (numbers extracted once, sightings recorded once). Over the corpus's tune split.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MailMessage } from '../../shared/types.ts';
import { mergePolicy } from '../../shared/policy/merge-policy.ts';
import { parseEml } from '../../shared/mime/parse-eml.ts';
import { hasCorpus, readManifest } from '../support/corpus.ts';

let policy = mergePolicy({}, {});
vi.mock('../../extension/background/policy.ts', () => ({ getPolicyForScan: async () => ({ effective: policy }) }));
const extensionApi = { storage: { local: { remove: async () => {} } }, i18n: { getMessage: () => '', getUILanguage: () => 'en' }, runtime: { id: 'test' } };
vi.mock('webextension-polyfill', () => ({ default: extensionApi }));
vi.mock('../../extension/lib/browser-api.ts', () => ({ browser: extensionApi }));
const recorded = { sightings: 0, senders: 0 };
vi.mock('../../extension/background/stores.ts', () => ({
  getReputation: async () => undefined,
  getSightings: async () => ({
    recordOnce: async () => {
      recorded.sightings++;
      return [];
    },
  }),
  getSenders: async () => ({
    recordOnce: async () => {
      recorded.senders++;
      return [];
    },
  }),
}));
const extractions = { count: 0 };
vi.mock('../../shared/phone/index.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../shared/phone/index.ts')>();
  return {
    ...original,
    extractPhones: (...args: Parameters<typeof original.extractPhones>) => {
      extractions.count++;
      return original.extractPhones(...args);
    },
  };
});

const { scanMessage, judgeWithHeaders } = await import('../../extension/background/scan-message.ts');
type KeptBody = import('../../extension/background/scan-message.ts').KeptBody;

/** What a webmail page shows of a message: no header block (no Reply-To, Sender, Message-ID or authentication). */
function pageOnly(message: MailMessage): MailMessage {
  const { sender: _sender, messageId: _messageId, ...rest } = message;
  return { ...rest, replyTo: [], headers: [] };
}

/** A scan of what the page shows (its body kept), then the verdict with the headers on that body. */
async function scanThenHeaders(message: MailMessage, ms = { scan: 0, update: 0 }) {
  let kept: KeptBody | undefined;
  let at = performance.now();
  const first = await scanMessage(pageOnly(message), { keepBody: (body) => (kept = body) });
  ms.scan += performance.now() - at;
  at = performance.now();
  const updated = await judgeWithHeaders(message, kept!);
  ms.update += performance.now() - at;
  return { first, updated };
}

beforeEach(() => {
  policy = mergePolicy({}, {});
  recorded.sightings = recorded.senders = 0;
  extractions.count = 0;
});

describe.skipIf(!hasCorpus)('judgeWithHeaders over the corpus (tune split)', () => {
  it('gives the verdict a full scan with the headers gives, reading each body once', async () => {
    const entries = readManifest().filter((e) => e.split === 'tune');
    let changedByHeaders = 0;
    let compared = 0;
    const ms = { scan: 0, update: 0 };
    for (const entry of entries) {
      const message = await parseEml(readFileSync(entry.path)).catch(() => null);
      if (!message) continue;
      const full = await scanMessage(message);
      extractions.count = 0;
      recorded.sightings = 0;
      const { first, updated } = await scanThenHeaders(message, ms);
      expect(updated, entry.file).not.toBeNull();
      expect(updated!.verdict, entry.file).toEqual(full.verdict);
      expect(updated!.show, entry.file).toBe(full.show);
      expect(extractions.count, entry.file).toBe(1);
      expect(recorded.sightings, entry.file).toBeLessThanOrEqual(1);
      compared++;
      if (JSON.stringify(first.verdict) !== JSON.stringify(full.verdict)) changedByHeaders++;
    }
    console.log(`[judge-with-headers] ${compared} messages; verdict changed by the headers for ${changedByHeaders}; ms per message: scan ${(ms.scan / compared).toFixed(2)}, header update ${(ms.update / compared).toFixed(2)}`);
    expect(compared).toBeGreaterThan(100);
    // The headers matter for some of them (authentication, Reply-To, platform identity): the test compares
    // verdicts that a body-only scan would get wrong.
    expect(changedByHeaders).toBeGreaterThan(5);
  }, 120_000);
});

describe('judgeWithHeaders', () => {
  const base: MailMessage = {
    subject: 'Your PayPal invoice',
    from: { name: 'PayPal Billing', address: 'billing@paypal.com' },
    replyTo: [],
    to: [],
    date: null,
    headers: [],
    text: 'Your PayPal renewal of $499.99 was charged. To cancel call +1 804 713 4598.',
    hiddenText: '',
    parts: [],
    attachments: [],
    links: [],
  };
  // A real GitHub notification (DKIM pass for github.com, in the headers only) from an untrusted repository.
  const github: MailMessage = {
    ...base,
    subject: '[pp-refunds-center/billing-desk] Order #PP-77120 confirmation (Issue #4)',
    from: { name: 'refund-helpdesk-2291', address: 'notifications@github.com' },
    text:
      '@alex-morgan Your PayPal order #PP-77120 of $649.00 for Bitcoin has been processed and will be charged to your account today. ' +
      'If you did not place this order, contact PayPal Support at +1 (888) 274-1937 to cancel and get a refund. ' +
      'Reply to this email directly, view it on GitHub, or unsubscribe. You are receiving this because you were mentioned.',
    headers: [
      { name: 'Authentication-Results', value: 'mx.google.com; dkim=pass header.i=@github.com header.s=pf2023; spf=pass smtp.mailfrom=noreply@github.com; dmarc=pass header.from=github.com' },
      { name: 'DKIM-Signature', value: 'v=1; a=rsa-sha256; c=relaxed/relaxed; d=github.com; s=pf2023; h=From:To:Subject; bh=abc=; b=def=' },
      { name: 'List-ID', value: 'pp-refunds-center/billing-desk <billing-desk.pp-refunds-center.github.com>' },
      { name: 'X-GitHub-Sender', value: 'refund-helpdesk-2291' },
    ],
  };

  it('finds an abused GitHub notification, which only the headers show, without reading the body again', async () => {
    const full = await scanMessage(github);
    extractions.count = 0;
    recorded.sightings = 0;
    const { first, updated } = await scanThenHeaders(github);
    expect(updated!.verdict).toEqual(full.verdict);
    expect(updated!.verdict.reasons.map((r) => r.code)).toContain('saas-untrusted-instance');
    expect(first.verdict.reasons.map((r) => r.code)).not.toContain('saas-untrusted-instance');
    expect(extractions.count).toBe(1);
    expect(recorded.sightings).toBe(1);
  });

  it('refuses a kept body that does not fit: the headers changed the visible text, or the policy changed', async () => {
    let kept: KeptBody | undefined;
    await scanMessage({ ...github, headers: [], subject: '' }, { keepBody: (body) => (kept = body) });
    expect(await judgeWithHeaders(github, kept!)).toBeNull();
    await scanMessage({ ...github, headers: [] }, { keepBody: (body) => (kept = body) });
    expect(await judgeWithHeaders(github, kept!)).not.toBeNull();
    policy = mergePolicy({ defaultRegion: 'GB' }, {});
    expect(await judgeWithHeaders(github, kept!)).toBeNull();
  });
});
