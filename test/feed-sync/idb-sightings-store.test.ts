import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openIdbSightingsStore } from '../../shared/browser/idb-sightings-store.ts';
import { MemorySightingsStore } from '../../shared/sightings/memory-store.ts';

const day = (n: number) => new Date(Date.UTC(2026, 2, 1 + n, 9));

describe('IdbSightingsStore', () => {
  it('answers what the in-memory store answers, message after message', async () => {
    const idb = await openIdbSightingsStore({ name: `sightings-${process.pid}-1` });
    const memory = new MemorySightingsStore();
    const messages: [string[], string[], Date][] = [
      [['+18047134598'], ['PayPal'], day(0)],
      [['+18047134598', '+13125550100'], ['Norton'], day(1)],
      [['+18047134598'], [], day(1)],
      [['+13125550100', '+13125550100'], ['Geek Squad'], day(2)],
      [['+18047134598'], ['PayPal'], day(200)], // past the retention period: forgotten first
    ];
    for (const [numbers, brands, when] of messages) {
      expect(await idb.recordAndGet(numbers, brands, when)).toEqual(await memory.recordAndGet(numbers, brands, when));
    }
    expect(await idb.get('+18047134598')).toEqual(memory.get('+18047134598'));
    idb.close();
  });

  it('keeps sightings across a restart and forgets the oldest past the cap', async () => {
    const name = `sightings-${process.pid}-2`;
    const first = await openIdbSightingsStore({ name, maxNumbers: 3 });
    for (let i = 0; i < 5; i++) await first.recordAndGet([`+1312555010${i}`], ['PayPal'], day(i));
    first.close();
    const again = await openIdbSightingsStore({ name, maxNumbers: 3 });
    expect(await again.get('+13125550100')).toBeUndefined();
    expect(await again.get('+13125550101')).toBeUndefined();
    expect(await again.get('+13125550104')).toMatchObject({ messages: 1, brands: ['PayPal'] });
    expect(await again.recordAndGet(['+13125550104'], ['Norton'], day(6))).toMatchObject([{ e164: '+13125550104', messages: 1 }]);
    await again.clear();
    expect(await again.get('+13125550104')).toBeUndefined();
    again.close();
  });
});
