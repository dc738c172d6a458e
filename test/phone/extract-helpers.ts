import { extractPhones } from '../../shared/phone/index.ts';

/** E.164 numbers found in one text, in order. */
export function e164s(text: string, defaultRegion?: string): string[] {
  return extractPhones([{ id: 'body', text }], defaultRegion ? { defaultRegion } : {}).phones.map((p) => p.e164);
}

export function only(text: string): ReturnType<typeof extractPhones>['phones'][number] {
  const { phones } = extractPhones([{ id: 'body', text }]);
  if (phones.length !== 1) throw new Error(`expected one number in ${JSON.stringify(text)}, got ${JSON.stringify(phones)}`);
  return phones[0]!;
}
