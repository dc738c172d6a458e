import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { buildManifest } from '../../extension/manifest.ts';
import { EXTENSION_ID, EXTENSION_KEY } from '../../extension/extension-id.ts';
import { DEFAULT_POLICY } from '../../shared/policy/defaults.ts';
import { POLICY_KEYS } from '../../shared/policy/validate-policy.ts';
import schema from '../../extension/managed_schema.json' with { type: 'json' };
import en from '../../extension/_locales/en/messages.json' with { type: 'json' };

/** Chromium's extension ID: the first 128 bits of SHA-256 of the public key, hex digits mapped to a–p. */
function idFromKey(key: string): string {
  const hex = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
}

describe('manifest', () => {
  it('fixes the Chrome/Edge extension ID with its key', () => {
    const manifest = buildManifest('chromium', '1.2.3');
    expect(manifest.key).toBe(EXTENSION_KEY);
    expect(idFromKey(EXTENSION_KEY)).toBe(EXTENSION_ID);
    expect(manifest.background).toEqual({ service_worker: 'background.js' });
    expect(manifest.storage).toEqual({ managed_schema: 'managed_schema.json' });
  });

  it('gives Firefox a background script and an add-on id, and no Chrome-only keys', () => {
    const manifest = buildManifest('firefox', '1.2.3');
    expect(manifest.background).toEqual({ scripts: ['background.js'] });
    expect(manifest.browser_specific_settings).toMatchObject({ gecko: { id: 'ringfence@ringfence.dev' } });
    expect(manifest.key).toBeUndefined();
    expect(manifest.storage).toBeUndefined();
  });

  it('has one content script per webmail, classic scripts', () => {
    const scripts = buildManifest('chromium', '1').content_scripts as { js: string[]; matches: string[] }[];
    expect(scripts.map((s) => s.js)).toEqual([['content/gmail.js'], ['content/outlook-web.js']]);
    expect(scripts[0]!.matches).toEqual(['https://mail.google.com/*']);
  });

  it.each(['chromium', 'firefox'] as const)('%s: asks for no host access beyond loopback at install; https only on request', (target) => {
    const manifest = buildManifest(target, '1');
    expect(manifest.host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
  });

  it('managed_schema.json describes every policy key', () => {
    // The keys validatePolicy reads; every key with a default is one of them.
    expect(Object.keys(schema.properties).sort()).toEqual([...POLICY_KEYS].sort());
    expect(POLICY_KEYS).toEqual(expect.arrayContaining(Object.keys(DEFAULT_POLICY)));
  });

  it('every _locales message used by the manifest exists', () => {
    expect(en.extName.message).toBe('Ringfence');
    expect(en.extDescription.message.length).toBeLessThanOrEqual(132);
  });
});
