// Writes the hosted URLs, the policy variant and the add-in Id into the manifest template (repo-root
// manifest.xml, whose base is DEFAULT_BASE_URL).

export const DEFAULT_BASE_URL = 'https://localhost:3000/';
export const DEFAULT_POLICY_FILE = 'policy.json';

export interface ManifestTarget {
  /** Where dist/addin is hosted; must be https (Outlook refuses anything else), ends with '/'. */
  baseUrl: string;
  /**
   * The `policy=` query parameter (ADDIN_POLICY): a policy variant on the add-in's own origin. Absent: no
   * parameter, and the add-in reads the policy pinned at build time (RINGFENCE_POLICY_URL).
   */
  policy?: string | undefined;
  /** The manifest's <Id> (ADDIN_ID): one per policy variant, since the admin centre keys add-ins by Id. */
  id?: string | undefined;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
  let filled = template
    .replaceAll(DEFAULT_BASE_URL, escapeXml(base))
    .replaceAll(`<AppDomain>${defaultOrigin}</AppDomain>`, `<AppDomain>${escapeXml(new URL(base).origin)}</AppDomain>`);
  filled =
    target.policy === undefined
      ? filled.replaceAll(`?policy=${DEFAULT_POLICY_FILE}`, '')
      : filled.replaceAll(`policy=${DEFAULT_POLICY_FILE}`, `policy=${escapeXml(encodeURIComponent(sameOriginPolicy(target.policy, base)))}`);
  if (target.id !== undefined) {
    if (!GUID.test(target.id)) throw new Error(`ADDIN_ID must be a GUID (e.g. from crypto.randomUUID()), got "${target.id}"`);
    if (!/<Id>[^<]*<\/Id>/.test(filled)) throw new Error('manifest template has no <Id>');
    filled = filled.replace(/<Id>[^<]*<\/Id>/, `<Id>${target.id.toLowerCase()}</Id>`);
  }
  return filled;
}

/** The add-in accepts a `policy=` parameter only on its own origin (addin/policy/policy-url.ts); so does the build. */
function sameOriginPolicy(policy: string, base: string): string {
  let url: URL;
  try {
    url = new URL(policy, base);
  } catch {
    throw new Error(`ADDIN_POLICY "${policy}" is not a URL`);
  }
  if (url.origin !== new URL(base).origin) {
    throw new Error(`ADDIN_POLICY ${url.href} is not on the add-in's origin ${new URL(base).origin}; the add-in would refuse it. Pin a policy elsewhere with RINGFENCE_POLICY_URL.`);
  }
  return policy;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
