import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHostedPolicy, type PolicyCache } from '../../addin/policy/load-hosted-policy.ts';
import { policyUrlFor } from '../../addin/policy/policy-url.ts';
import { readReportMove } from '../../addin/policy/report-move.ts';
import { readFileSync } from 'node:fs';
import { validatePolicy } from '../../shared/policy/validate-policy.ts';
import { startHttpServer, type TestServer } from '../support/http-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startHttpServer({
    '/policy.json': { status: 200, body: JSON.stringify({ reportEndpoint: 'https://intel.example.com/api/reports', trustedNumbers: ['+18005550100'], feedTtlDays: -1, reportMoveTo: 'folder', reportFolderName: 'Reported scams' }) },
    '/broken.json': { status: 200, body: '{ not json' },
    '/missing.json': { status: 404 },
    '/slow.json': { hang: true },
  });
});
afterAll(() => server.close());

const memoryCache = (initial: string | null = null): PolicyCache & { value: string | null } => {
  const cache = { value: initial, get: () => cache.value, set: (text: string) => void (cache.value = text) };
  return cache;
};

describe('policyUrlFor', () => {
  it('reads a policy variant from the add-in’s own origin, relative or absolute', () => {
    expect(policyUrlFor('https://addins.example.com/ringfence/taskpane.html?policy=policy-finance.json').url).toBe('https://addins.example.com/ringfence/policy-finance.json');
    expect(policyUrlFor('https://addins.example.com/report.js?policy=https%3A%2F%2Faddins.example.com%2Fconfig%2Fp.json')).toEqual({ url: 'https://addins.example.com/config/p.json' });
    expect(policyUrlFor('http://127.0.0.1:4000/taskpane.html?policy=p.json').url).toBe('http://127.0.0.1:4000/p.json');
  });

  it('uses the policy pinned at build time when the URL names none', () => {
    expect(policyUrlFor('https://addins.example.com/ringfence/taskpane.html').url).toBe('https://addins.example.com/ringfence/policy.json');
    expect(policyUrlFor('https://addins.example.com/ringfence/taskpane.html', 'https://config.example.com/ringfence.json').url).toBe('https://config.example.com/ringfence.json');
  });

  it('refuses a policy on any other origin, says so plainly, and keeps the pinned one', () => {
    for (const page of [
      'https://addins.example.com/ringfence/taskpane.html?policy=https://evil.example/p.json',
      'https://addins.example.com/ringfence/report.js?policy=https%3A%2F%2Fevil.example%2Fp.json',
      'https://addins.example.com/ringfence/taskpane.html?policy=//evil.example/p.json',
      'https://addins.example.com/ringfence/taskpane.html?policy=http://addins.example.com/p.json',
    ]) {
      const result = policyUrlFor(page);
      expect(result.url, page).toBe('https://addins.example.com/ringfence/policy.json');
      expect(result.problem?.key, page).toBe('panePolicyAddressIgnored');
      expect(result.problem?.params?.requested, page).toMatch(/evil\.example\/p\.json$|^http:\/\/addins/);
      expect(result.problem?.params).toMatchObject({ origin: 'https://addins.example.com', fallback: 'https://addins.example.com/ringfence/policy.json' });
    }
    expect(policyUrlFor('https://addins.example.com/t.html?policy=https://evil.example/p.json', 'https://config.example.com/p.json').url).toBe('https://config.example.com/p.json');
  });
});

describe('loadHostedPolicy', () => {
  it('keeps well-formed keys, reports malformed ones, merges defaults, and caches the text', async () => {
    const cache = memoryCache();
    const hosted = await loadHostedPolicy(server.url('/policy.json'), { cache });
    expect(hosted.source).toBe('hosted');
    expect(hosted.policy.reportEndpoint).toBe('https://intel.example.com/api/reports');
    expect(hosted.policy.trustedNumbers).toEqual(['+18005550100']);
    expect(hosted.policy.feedTtlDays).toBe(30); // the malformed -1 is dropped, the default stands
    expect(hosted.problems).toEqual([{ key: 'policyProblemPositiveNumber', terms: { setting: 'policy_feedTtlDays' }, detail: 'feedTtlDays: expected a positive number' }]);
    expect(hosted.reportMove).toEqual({ to: 'folder', folderName: 'Reported scams' });
    expect(cache.value).toContain('intel.example.com');
  });

  it('falls back to the last good copy when the server fails or answers garbage', async () => {
    const cache = memoryCache(JSON.stringify({ reportEndpoint: 'https://cached.example.com/r' }));
    for (const path of ['/missing.json', '/broken.json']) {
      const hosted = await loadHostedPolicy(server.url(path), { cache });
      expect(hosted.source).toBe('cached');
      expect(hosted.policy.reportEndpoint).toBe('https://cached.example.com/r');
      expect(hosted.problems[0]).toMatchObject({ key: 'panePolicyUnreadCached', params: { url: server.url(path) }, detail: expect.stringMatching(/HTTP 404|not JSON/) });
    }
    expect(cache.value).toContain('cached.example.com'); // garbage never replaces the good copy
  });

  it('uses defaults when there is nothing cached, and never hangs', async () => {
    const hosted = await loadHostedPolicy(server.url('/slow.json'), { timeoutMs: 200 });
    expect(hosted.source).toBe('defaults');
    expect(hosted.policy.minimumBannerLevel).toBe('caution');
    expect(hosted.policy.reportEndpoint).toBeUndefined();
    expect(hosted.problems[0]).toMatchObject({ key: 'panePolicyUnreadDefaults', detail: expect.any(String) });
  });
});

describe('readReportMove', () => {
  it('defaults to Junk and explains bad values', () => {
    expect(readReportMove({}).move).toEqual({ to: 'junk' });
    expect(readReportMove({ reportMoveTo: 'deleted' }).move).toEqual({ to: 'deleted' });
    expect(readReportMove({ reportMoveTo: 'folder' }).errors[0]).toMatch(/reportFolderName/);
    expect(readReportMove({ reportMoveTo: 'archive' })).toEqual({ move: { to: 'junk' }, errors: [expect.stringMatching(/reportMoveTo/)] });
  });
});

describe('policy.example.json', () => {
  it('is a valid policy with the same keys as the extension’s managed schema', () => {
    const raw = JSON.parse(readFileSync(new URL('../../addin/policy/policy.example.json', import.meta.url), 'utf8'));
    expect(validatePolicy(raw).errors).toEqual([]);
    expect(readReportMove(raw).errors).toEqual([]);
    const schema = JSON.parse(readFileSync(new URL('../../extension/managed_schema.json', import.meta.url), 'utf8')) as { properties: Record<string, unknown> };
    const addinOnly = ['reportMoveTo', 'reportFolderName'];
    for (const key of Object.keys(raw)) expect(key in schema.properties || addinOnly.includes(key), key).toBe(true);
    for (const key of addinOnly) expect(key in schema.properties, `${key} is add-in only`).toBe(false);
  });
});
