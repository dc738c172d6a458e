// `ringfence scan … | head -1`: the reader closes the pipe early; the CLI stops quietly instead of crashing.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/ringfence.js', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/eml', import.meta.url));

describe('a closed output pipe', () => {
  it('ends the run quietly, with no stack trace', async () => {
    const child = spawn(process.execPath, [BIN, 'scan', FIXTURES, FIXTURES, FIXTURES], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code === 0 || code === 1).toBe(true);
  }, 60_000);
});
