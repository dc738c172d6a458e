// The policy an admin deploys to the extension (managed storage) and the add-in (hosted policy.json).

export interface PolicySnippet {
  feeds: { url: string; format: 'ringfence'; publicKey: string }[];
  reportEndpoint: string;
  reportToken?: string;
}

export function policySnippet(publicUrl: string, publicKeySpki: string, reportToken: string | undefined): PolicySnippet {
  const base = publicUrl.replace(/\/+$/, '');
  return {
    feeds: [{ url: `${base}/feed.json`, format: 'ringfence', publicKey: publicKeySpki }],
    reportEndpoint: `${base}/api/reports`,
    ...(reportToken !== undefined ? { reportToken } : {}),
  };
}
