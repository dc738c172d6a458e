/**
 * Runs `work` on every item with at most `window` items in flight or finished but not yet taken, and yields
 * the results in input order. Input is read only as results are taken, so a huge input never piles up in
 * memory (back-pressure). `ready`, when given, is awaited before each item is read (a worker pool with a
 * free place): results that finish early wait in the window while a slow one ahead of them is still at
 * work, and the workers go on with later items instead of waiting for it.
 */
export async function* orderedMap<In, Out>(items: AsyncIterable<In>, window: number, work: (item: In) => Promise<Out>, ready?: () => Promise<void>): AsyncGenerator<Out> {
  interface Entry {
    promise: Promise<Out>;
    done: boolean;
  }
  const inFlight: Entry[] = [];
  const start = (item: In) => {
    const entry: Entry = { promise: work(item), done: false };
    entry.promise.then(() => (entry.done = true), () => (entry.done = true));
    inFlight.push(entry);
  };
  const iterator = items[Symbol.asyncIterator]();
  let ended = false;
  try {
    while (!ended) {
      // Finished results at the head go out first.
      while (inFlight[0]?.done) yield await inFlight.shift()!.promise;
      if (inFlight.length >= Math.max(1, window)) {
        yield await inFlight.shift()!.promise;
        continue;
      }
      if (ready && inFlight.length > 0) await ready();
      const next = await iterator.next();
      if (next.done) ended = true;
      else start(next.value);
    }
  } finally {
    if (!ended) await iterator.return?.();
  }
  while (inFlight.length > 0) yield await inFlight.shift()!.promise;
}
