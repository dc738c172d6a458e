// Builds manifest.json for each browser from one description.
import { EXTENSION_KEY, GECKO_ID } from './extension-id.ts';

export type BrowserTarget = 'chromium' | 'firefox';

export const CONTENT_SCRIPTS = [
  { provider: 'gmail', matches: ['https://mail.google.com/*'] },
  {
    provider: 'outlook-web',
    matches: [
      'https://outlook.office.com/*',
      'https://outlook.office365.com/*',
      'https://outlook.live.com/*',
      'https://outlook.cloud.microsoft/*',
    ],
  },
] as const;

export function buildManifest(target: BrowserTarget, version: string): Record<string, unknown> {
  const manifest: Record<string, unknown> = {
    manifest_version: 3,
    name: '__MSG_extName__',
    short_name: 'Ringfence',
    description: '__MSG_extDescription__',
    version,
    default_locale: 'en',
    icons: { '16': 'icons/icon-16.png', '48': 'icons/icon-48.png', '128': 'icons/icon-128.png' },
    permissions: ['storage', 'alarms'],
    // Feeds and the report endpoint are organisation URLs that policy sets at run time: the worker fetches
    // them with CORS (the servers allow the extension's origin), so no host access is asked for at install.
    // Loopback needs none (a local collector or demo); https origins a user adds are asked for when saved.
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
    optional_host_permissions: ['https://*/*'],
    content_scripts: CONTENT_SCRIPTS.map((c) => ({
      matches: [...c.matches],
      js: [`content/${c.provider}.js`],
      run_at: 'document_idle',
    })),
    // A webmail frame's first banner imports the banner into its content script (extension/content/load-banner.ts).
    web_accessible_resources: [{ resources: ['content/banner.js'], matches: CONTENT_SCRIPTS.flatMap((c) => [...c.matches]) }],
    action: { default_popup: 'popup/popup.html', default_title: '__MSG_extName__' },
    options_ui: { page: 'options/options.html', open_in_tab: true },
    // The OCR document compiles tesseract's WebAssembly (shipped in ocr/core/); nothing else is allowed.
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
  };
  if (target === 'chromium') {
    // OCR runs in an offscreen document (the service worker cannot start the recogniser's web worker).
    manifest.permissions = [...(manifest.permissions as string[]), 'offscreen'];
    manifest.key = EXTENSION_KEY;
    manifest.minimum_chrome_version = '120';
    manifest.background = { service_worker: 'background.js' };
    manifest.storage = { managed_schema: 'managed_schema.json' };
  } else {
    manifest.background = { scripts: ['background.js'] };
    manifest.browser_specific_settings = { gecko: { id: GECKO_ID, strict_min_version: '128.0' } };
  }
  return manifest;
}
