// Builds ringfence-feed/1 documents for the tests, dated relative to today so entries are live.
export function scamFeed(name: string, entries: Record<string, unknown>[]): string {
  const today = new Date().toISOString().slice(0, 10);
  const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
  return JSON.stringify({
    format: 'ringfence-feed/1',
    name,
    published: new Date().toISOString(),
    entries: entries.map((e) => ({ verdict: 'scam', firstSeen: lastWeek, lastSeen: today, ...e })),
  });
}
