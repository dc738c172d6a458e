// /.well-known/microsoft-officeaddins-allowed.json: classic Outlook on Windows runs the Report handler in a
// JavaScript-only runtime, which makes CORS requests (policy, report endpoint) only for scripts the add-in's
// origin lists here. It must be served at the origin's root, whatever path the add-in itself is under.

export const OFFICEADDINS_ALLOWED_PATH = '.well-known/microsoft-officeaddins-allowed.json';

/** `scriptUrls`: the report.js URLs the manifest names (with and without their query). */
export function officeAddinsAllowed(scriptUrls: string[]): string {
  const allowed = [...new Set(scriptUrls.flatMap((url) => [withoutQuery(url), url]))];
  for (const url of allowed) if (!url.startsWith('https://')) throw new Error(`allowed script ${url} is not https`);
  return `${JSON.stringify({ allowed }, null, 2)}\n`;
}

function withoutQuery(url: string): string {
  const parsed = new URL(url);
  parsed.search = '';
  parsed.hash = '';
  return parsed.href;
}
