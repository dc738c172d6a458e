/**
 * A fetch that adds `Authorization: Bearer <token>` (the policy's reportToken) to every request; the same
 * fetch when there is no token. The outbox and the add-in's direct delivery post reports through it.
 */
export function withReportToken(fetchFn: typeof fetch, token: string | undefined): typeof fetch {
  if (!token) return fetchFn;
  return (input, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${token}`);
    return fetchFn(input, { ...init, headers });
  };
}
