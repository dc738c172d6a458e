// feed-sync-1m: a 1,000,000-entry native feed with every field of the README example (~130 MB, gzip on the
// wire) synced by the extension's store (IdbFeedStore on fake-indexeddb) in a child process: time and peak
// RSS for the first sync and for a copy with 1% of the entries changed (applied as a diff: only changed
// buckets written), and the longest a scan waited meanwhile. Baseline: reading the same bytes with
// JSON.parse alone. BEFORE: the figures of the whole-document sync this replaced (same machine, same feed).
// Sizes: FEED_SYNC_ENTRIES (default 1,000,000). The copy's rows are held in memory, not staged in the
// database: fake-indexeddb keeps the database in this process, where staging would only hold them twice
// (the extension stages them to get them out of its process; the Chromium load e2e measures that).
// FEED_SYNC_STAGED=1 stages them as the extension does.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from '../types.ts';
import { startHttpServer } from '../../test/support/http-server.ts';
import { serializeNativeFeed, toNativeFeed } from '../../shared/feed/native-feed.ts';
import type { FeedEntry } from '../../shared/feed/types.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const ENTRIES = Number(process.env.FEED_SYNC_ENTRIES ?? 1_000_000);
const BRANDS = ['PayPal', 'Norton', 'McAfee', 'Geek Squad', 'Microsoft', 'Apple', 'Amazon', 'Coinbase'];

/** The README example's fields on every entry; `changed` rewrites every 100th entry's lastSeen and reports. */
function feedText(count: number, changed: boolean): string {
  const entries: FeedEntry[] = [];
  for (let i = 0; i < count; i++) {
    const bump = changed && i % 100 === 0;
    entries.push({
      key: `+1${String(2_025_550_000 + i * 7).padStart(10, '0')}`,
      kind: 'number',
      verdict: 'scam',
      brands: [BRANDS[i % BRANDS.length]!],
      firstSeen: '2026-03-03',
      lastSeen: bump ? '2026-03-09' : '2026-03-06',
      reports: (i % 500) + (bump ? 1 : 0),
      lineType: 'voip',
    });
  }
  return serializeNativeFeed(toNativeFeed({ name: 'Bench feed', entries }, new Date(changed ? '2026-03-09T00:00:00Z' : '2026-03-07T00:00:00Z')));
}

/** The whole-document sync (parse all, store all) before feeds were streamed and diffed, 1M entries. */
const BEFORE = 'before (whole-document parse and store): full 9.8 s, peak RSS 905 MB; 1% changed 10.7 s';

interface Round {
  outcome: { result: string; entries?: number; error?: string; written?: number; buckets?: number };
  ms: number;
  worstLookupMs: number;
  peakRssMb: number;
}

export default async function (): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'ringfence-feed-sync-'));
  const server = await startHttpServer();
  try {
    const first = feedText(ENTRIES, false);
    const second = feedText(ENTRIES, true);
    const bytes = Buffer.byteLength(first);
    const gzipped = [gzipSync(first, { level: 6 }), gzipSync(second, { level: 6 })];
    await writeFile(join(dir, 'first.json'), first);
    let served = 0;
    server.route('/feed.json', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', connection: 'close' });
      res.end(gzipped[Math.min(served++, 1)]);
    });
    const child = await run('node', [join(root, 'bin/run-ts.js'), join(root, 'bench/feed-sync/sync-child.ts'), server.url('/feed.json'), String(200 * 1024 * 1024)], {
      cwd: root,
      maxBuffer: 1 << 20,
    });
    const { full, changed } = JSON.parse(child.stdout.trim().split('\n').pop()!) as { full: Round; changed: Round };
    const baseline = await run('node', ['-e', `const t=performance.now();JSON.parse(require('fs').readFileSync(${JSON.stringify(join(dir, 'first.json'))},'utf8'));console.log(JSON.stringify({ms:performance.now()-t,rss:process.resourceUsage().maxRSS/1024}))`], { cwd: root });
    const base = JSON.parse(baseline.stdout) as { ms: number; rss: number };
    const describe = (r: Round) =>
      `${r.outcome.result}${r.outcome.error ? ` (${r.outcome.error.slice(0, 80)})` : ''} in ${(r.ms / 1000).toFixed(1)} s, peak RSS ${r.peakRssMb.toFixed(0)} MB, ` +
      (r.outcome.buckets ? `${r.outcome.written} of ${r.outcome.buckets} buckets written, ` : '') +
      `longest scan wait ${r.worstLookupMs.toFixed(0)} ms`;
    const wire = `${(bytes / 1024 / 1024).toFixed(0)} MB (${(gzipped[0]!.length / 1024 / 1024).toFixed(1)} MB gzip)`;
    return [
      {
        name: 'feed-sync-1m',
        unit: 's',
        value: full.ms / 1000,
        baseline: base.ms / 1000,
        ratio: full.ms / base.ms,
        baselineName: `JSON.parse of the same ${wire}, peak RSS ${base.rss.toFixed(0)} MB`,
        note: `${ENTRIES} entries, rows ${process.env.FEED_SYNC_STAGED === '1' ? 'staged in the in-memory database' : 'held in memory (not staged)'}; full: ${describe(full)}; 1% changed: ${describe(changed)}; ${BEFORE}; lower is better`,
      },
    ];
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
