// An analyst's pipeline with the real binary: cluster messages, turn the campaigns into a feed, scan with it.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin/ringfence.js');
const fixture = join(root, 'test/fixtures/eml/norton-renewal-callback.eml');

describe('cluster → feed build --from-cluster - → scan --feed', () => {
  it('turns the numbers of a campaign into a feed that marks the message danger', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ringfence-pipe-'));
    // Seen yesterday: the feed entry's lastSeen comes from the Date header, and a stale one would be expired.
    const scamFixture = join(dir, 'recent.eml');
    const yesterday = new Date(Date.now() - 86_400_000).toUTCString().replace('GMT', '+0000');
    await writeFile(scamFixture, (await readFile(fixture, 'utf8')).replace(/^Date: .*$/m, `Date: ${yesterday}`));
    try {
      const { stdout: clusters } = await run('node', [bin, 'cluster', '--json', scamFixture]);
      await writeFile(join(dir, 'clusters.json'), clusters);
      const { stdout: feed } = await run('sh', ['-c', `node "${bin}" feed build --from-cluster - --name Campaigns < "${join(dir, 'clusters.json')}"`]);
      expect(JSON.parse(feed)).toMatchObject({ format: 'ringfence-feed/1', entries: expect.arrayContaining([expect.objectContaining({ number: '+18047134598' })]) });
      const feedFile = join(dir, 'campaigns.json');
      await writeFile(feedFile, feed);
      const { stdout } = await run('node', [bin, 'scan', '--json', '--feed', feedFile, scamFixture]);
      const verdict = JSON.parse(stdout.trim()) as { level: string; reasons: { code: string }[] };
      expect(verdict.level).toBe('danger');
      expect(verdict.reasons[0]!.code).toBe('feed-number');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
