// The scan pipeline's throughput changes (#13) keep every result: a slow message no longer stalls the
// workers (orderedMap with a pool that has a free place), and the mbox header search stops at the headers.
import { describe, expect, it } from 'vitest';
import { orderedMap } from '../../cli/pool/ordered-map.ts';
import { WorkerPool } from '../../cli/pool/worker-pool.ts';
import { endOfHeaders } from '../../cli/input/mbox-format.ts';

async function* numbers(count: number, pulled: { n: number }): AsyncGenerator<number> {
  for (let i = 0; i < count; i++) {
    pulled.n++;
    yield i;
  }
}

describe('orderedMap with a ready gate', () => {
  it('goes on with later items while one ahead is slow, yields in order, and stays within the window', async () => {
    const pulled = { n: 0 };
    let taken = 0;
    let widest = 0;
    let running = 0;
    let mostRunning = 0;
    const waiters: (() => void)[] = [];
    const ready = async () => {
      while (running >= 2) await new Promise<void>((r) => waiters.push(r));
    };
    const startedWhileSlow: number[] = [];
    let slowDone = false;
    const work = async (i: number) => {
      running++;
      mostRunning = Math.max(mostRunning, running);
      if (!slowDone && i !== 0) startedWhileSlow.push(i);
      await new Promise((r) => setTimeout(r, i === 0 ? 80 : 1));
      if (i === 0) slowDone = true;
      running--;
      waiters.splice(0).forEach((r) => r());
      return i * 10;
    };
    const out: number[] = [];
    for await (const value of orderedMap(numbers(40, pulled), 8, work, ready)) {
      taken++;
      widest = Math.max(widest, pulled.n - taken);
      out.push(value);
    }
    expect(out).toEqual(Array.from({ length: 40 }, (_, i) => i * 10));
    expect(widest).toBeLessThanOrEqual(8);
    expect(mostRunning).toBeLessThanOrEqual(2);
    // While item 0 was slow, the other place worked through later items up to the window.
    expect(startedWhileSlow.length).toBeGreaterThanOrEqual(6);
  });

  it('stops reading its input when the consumer stops', async () => {
    const pulled = { n: 0 };
    let finished = false;
    async function* items() {
      try {
        yield* numbers(100, pulled);
      } finally {
        finished = true;
      }
    }
    for await (const value of orderedMap(items(), 4, async (i) => i, async () => undefined)) if (value === 5) break;
    expect(finished).toBe(true);
    expect(pulled.n).toBeLessThan(15);
  });
});

describe('WorkerPool.whenFree', () => {
  it('waits until a worker has fewer tasks than the limit', async () => {
    const module = `data:text/javascript,${encodeURIComponent('export async function createHandler() { return (ms) => new Promise((r) => setTimeout(() => r(ms), ms)); }')}`;
    const pool = new WorkerPool({ module, jobs: 1, init: {} });
    try {
      await pool.whenFree(1); // nothing running
      const slow = pool.run<number>(150);
      let free = false;
      const waiting = pool.whenFree(1).then(() => (free = true));
      await new Promise((r) => setTimeout(r, 50));
      expect(free).toBe(false);
      expect(await slow).toBe(150);
      await waiting;
      expect(free).toBe(true);
    } finally {
      await pool.close();
    }
  }, 30_000);
});

describe('endOfHeaders', () => {
  // The search before: both blank-line forms looked for through the whole message.
  function before(raw: Buffer): number {
    const lf = raw.indexOf('\n\n');
    const crlf = raw.indexOf('\r\n\r\n');
    if (lf === -1 && crlf === -1) return -1;
    if (crlf !== -1 && (lf === -1 || crlf < lf)) return crlf + 4;
    return lf + 2;
  }

  it('finds the same end as the whole-message search, for every mix of line ends', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = ['a', '\r', '\n', ':', ' '];
    for (let n = 0; n < 20000; n++) {
      const length = Math.floor(random() * 14);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      const raw = Buffer.from(text, 'latin1');
      expect(endOfHeaders(raw), JSON.stringify(text)).toBe(before(raw));
    }
    for (const text of ['a: b\r\n\r\n\nbody', 'a\r\n\r\nb\n\nc', 'a\n\nb\r\n\r\n', 'x\r\n\r\n', 'x\n\n', 'no end']) {
      expect(endOfHeaders(Buffer.from(text))).toBe(before(Buffer.from(text)));
    }
  });
});
