// Parsers are generators that pause (`yield`) every few hundred entries. Run synchronously they finish in
// one go (parseFeed); run by runStepsAsync they give the event loop back every few milliseconds, so a
// service worker or a task pane parsing a big or hostile feed keeps answering scans (parseFeedAsync).

/** A computation that may pause between steps and finally returns T. */
export type Steps<T> = Generator<void, T, void>;

/** Entries (or lines) a parser handles between two pauses. */
export const STEP_SIZE = 256;

export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export interface PaceOptions {
  /** Longest stretch of work before other tasks get a turn, in ms. Default 8. */
  sliceMs?: number;
  /** How to give the turn away; default: a macrotask (setImmediate in Node, a MessageChannel message elsewhere). */
  yieldTo?: () => Promise<void>;
}

export async function runStepsAsync<T>(steps: Steps<T>, pace: PaceOptions = {}): Promise<T> {
  const sliceMs = pace.sliceMs ?? 8;
  const yieldTo = pace.yieldTo ?? macrotask;
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await yieldTo();
      sliceStart = performance.now();
    }
  }
}

let turns: { port: MessagePort; waiting: (() => void)[] } | undefined;

/** Resolves in a new macrotask: timers, messages and I/O queued meanwhile run first. */
export function macrotask(): Promise<void> {
  const g = globalThis as { setImmediate?: (callback: () => void) => unknown };
  if (typeof g.setImmediate === 'function') return new Promise((resolve) => g.setImmediate!(resolve));
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      // One channel for every turn: a channel each (thousands in a big sync) holds native ports until GC.
      if (!turns) {
        const channel = new MessageChannel();
        const waiting: (() => void)[] = [];
        channel.port1.onmessage = () => waiting.shift()?.();
        turns = { port: channel.port2, waiting };
      }
      turns.waiting.push(resolve);
      turns.port.postMessage(undefined);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
