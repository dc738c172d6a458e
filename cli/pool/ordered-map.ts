/**
 * Runs `work` on every item with at most `window` items in flight, and yields the results in input order.
 * Input is read only as results are taken, so a huge input never piles up in memory (back-pressure).
 */
export async function* orderedMap<In, Out>(items: AsyncIterable<In>, window: number, work: (item: In) => Promise<Out>): AsyncGenerator<Out> {
  const inFlight: Promise<Out>[] = [];
  for await (const item of items) {
    inFlight.push(work(item));
    while (inFlight.length >= window) yield await inFlight.shift()!;
  }
  while (inFlight.length > 0) yield await inFlight.shift()!;
}
