// The normal pipeline (`ringfence scan`) reads the corpus's image-only PDF lure with OCR, and neither the CLI
// nor any thread it starts (PDF, OCR, tesseract.js) touches the network: the model and core are local files.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, hasCorpus } from '../support/corpus.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GUARD = fileURLToPath(new URL('./support/no-network.cjs', import.meta.url));
const SAMPLE = join(CORPUS_DIR, 'scam-toad/phishing_pot__sample-269.eml');

async function scanCli(args: string[]) {
  const log = join(mkdtempSync(join(tmpdir(), 'ringfence-net-')), 'net.log');
  const { stdout } = await run(process.execPath, [join(ROOT, 'bin/ringfence.js'), 'scan', '--json', ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: `--require ${GUARD}`, RINGFENCE_NET_LOG: log },
    timeout: 90_000,
  });
  return { verdict: JSON.parse(stdout.trim().split('\n')[0]!), log: readFileSync(log, 'utf8') };
}

describe.skipIf(!hasCorpus)('ringfence scan: OCR offline, through the normal pipeline', () => {
  it('flags corpus sample 269 (number only in an image-only PDF) with its number, without network access', async () => {
    const { verdict, log } = await scanCli([SAMPLE]);
    expect(verdict.level).toBe('warning');
    expect(verdict.phones).toEqual([expect.objectContaining({ e164: '+17472394102', part: 'ocr:TGE-5986-5932-5487.pdf' })]);
    // The guard ran in the main thread and the threads it started, and nothing tried to connect or resolve.
    expect(log.match(/^loaded in thread/gm)!.length).toBeGreaterThanOrEqual(4);
    expect(log).not.toMatch(/^(connect|dns|fetch) /m);
  });

  it('--no-ocr leaves it at the text verdict', async () => {
    const { verdict } = await scanCli(['--no-ocr', SAMPLE]);
    expect(verdict.level).toBe('none');
    expect(verdict.phones).toEqual([]);
  });
});
