// Writes the hosted URLs into the manifest template (repo-root manifest.xml, whose base is DEFAULT_BASE_URL).

export const DEFAULT_BASE_URL = 'https://localhost:3000/';
export const DEFAULT_POLICY_FILE = 'policy.json';

export interface ManifestTarget {
  /** Where dist/addin is hosted; must be https (Outlook refuses anything else), ends with '/'. */
  baseUrl: string;
  /** Value of the `policy=` query parameter: a file beside the add-in, or an absolute https URL. */
  policy: string;
}

export function normaliseBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_BASE_URL "${raw}" is not a URL`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_BASE_URL must be https (Outlook loads add-ins over https only), got ${raw}`);
  if (url.search || url.hash) throw new Error(`ADDIN_BASE_URL must not carry a query or fragment: ${raw}`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

export function fillManifest(template: string, target: ManifestTarget): string {
  const base = normaliseBaseUrl(target.baseUrl);
  if (!template.includes(DEFAULT_BASE_URL)) throw new Error(`manifest template does not use the base ${DEFAULT_BASE_URL}`);
  const defaultOrigin = DEFAULT_BASE_URL.slice(0, -1);
  const policy = encodeURIComponent(target.policy);
  return template
    .replaceAll(DEFAULT_BASE_URL, escapeXml(base))
    .replaceAll(`<AppDomain>${defaultOrigin}</AppDomain>`, `<AppDomain>${escapeXml(new URL(base).origin)}</AppDomain>`)
    .replaceAll(`policy=${DEFAULT_POLICY_FILE}`, `policy=${escapeXml(policy)}`);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
