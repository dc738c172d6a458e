import { describe, expect, it } from 'vitest';
import { MemorySightingsStore, sightingReasons, recordSighting, pruneSighting, SIGHTING_RULES } from '../../shared/sightings/index.ts';

const day = (n: number) => new Date(Date.UTC(2026, 2, n, 9));

describe('MemorySightingsStore', () => {
  it('returns what was known before this message, then records it (number, brands, dates only)', async () => {
    const store = new MemorySightingsStore();
    expect(await store.recordAndGet(['+18047134598'], ['PayPal'], day(1))).toEqual([]);
    const known = await store.recordAndGet(['+18047134598', '+18047134598', '+13125550199'], ['Norton'], day(2));
    expect(known).toEqual([{ e164: '+18047134598', brands: ['PayPal'], seen: [day(1).toISOString()], messages: 1 }]);
    expect(store.get('+18047134598')).toEqual({
      e164: '+18047134598', brands: ['PayPal', 'Norton'], seen: [day(1).toISOString(), day(2).toISOString()], messages: 2,
    });
    expect(Object.keys(store.get('+13125550199')!).sort()).toEqual(['brands', 'e164', 'messages', 'seen']);
  });

  it('does not let callers change what it holds', async () => {
    const store = new MemorySightingsStore();
    await store.recordAndGet(['+18047134598'], ['PayPal'], day(1));
    const [known] = await store.recordAndGet(['+18047134598'], [], day(2));
    known!.brands.push('Changed');
    expect(store.get('+18047134598')?.brands).toEqual(['PayPal']);
  });

  it('forgets dates past the retention period and keeps the number of dates bounded', () => {
    const old = recordSighting(undefined, '+18047134598', ['PayPal'], new Date('2025-01-01T00:00:00Z'));
    expect(pruneSighting(old, day(1))).toBeUndefined();
    let sighting = undefined;
    for (let i = 0; i < 80; i++) sighting = recordSighting(sighting, '+18047134598', [], new Date(day(1).getTime() + i * 1000));
    expect(sighting!.seen).toHaveLength(SIGHTING_RULES.maxDatesPerNumber);
    expect(sighting!.messages).toBe(80);
  });

  it('forgets the numbers recorded longest ago past its size limit', async () => {
    const store = new MemorySightingsStore();
    for (let i = 0; i < SIGHTING_RULES.maxNumbers + 10; i++) await store.recordAndGet([`+1804${2_000_000 + i}`], [], day(1));
    expect(store.size).toBe(SIGHTING_RULES.maxNumbers);
    expect(store.get('+18042000000')).toBeUndefined();
    expect(store.get(`+1804${2_000_000 + SIGHTING_RULES.maxNumbers + 9}`)).toBeDefined();
  });
});

describe('sightingReasons', () => {
  it('warns when a number seen with one brand comes back with another', async () => {
    const store = new MemorySightingsStore();
    await store.recordAndGet(['+18047134598'], ['Norton'], day(1));
    const known = await store.recordAndGet(['+18047134598'], ['PayPal'], day(5));
    const reasons = sightingReasons(known, ['PayPal'], day(5));
    expect(reasons).toEqual([
      {
        code: 'sighting-multi-brand',
        level: 'warning',
        message: '+18047134598 was in an earlier message you received, naming Norton; this one names PayPal. Scammers reuse one number across brands.',
        evidence: '+18047134598',
        params: { count: 1, earlier: ['Norton'], brand: ['PayPal'] },
      },
    ]);
  });

  it('says nothing for the same brand again, no brand now, or a first sighting', () => {
    const seen = { e164: '+18047134598', brands: ['PayPal'], seen: [day(1).toISOString()], messages: 1 };
    expect(sightingReasons([seen], ['paypal'], day(9))).toEqual([]);
    expect(sightingReasons([seen], [], day(9))).toEqual([]);
    expect(sightingReasons([], ['PayPal'], day(9))).toEqual([]);
  });

  it('notes a burst: this message and two more with the number within three days', () => {
    const two = { e164: '+18047134598', brands: [], seen: [day(3).toISOString(), day(4).toISOString()], messages: 2 };
    expect(sightingReasons([two], [], day(5))).toEqual([
      {
        code: 'sighting-burst',
        level: 'caution',
        message: '+18047134598 was in 3 messages you received in the last 3 days.',
        evidence: '+18047134598',
        params: { count: 3, days: 3 },
      },
    ]);
    const spread = { ...two, seen: [day(1).toISOString(), day(4).toISOString()] };
    expect(sightingReasons([spread], [], day(5))).toEqual([]);
  });

  it('gives both reasons when both rules hold', () => {
    const known = { e164: '+18047134598', brands: ['Norton', 'McAfee'], seen: [day(4).toISOString(), day(5).toISOString()], messages: 2 };
    const reasons = sightingReasons([known], ['PayPal'], day(5));
    expect(reasons.map((r) => r.code)).toEqual(['sighting-multi-brand', 'sighting-burst']);
    expect(reasons[0]?.message).toContain('naming Norton and McAfee; this one names PayPal');
  });
});
