import { Metadata, getCountries, getCountryCallingCode } from 'libphonenumber-js/max';

interface PlanWithLengths {
  possibleLengths(): number[];
  nationalPrefixForParsing(): string | undefined;
  nationalPrefix(): string | undefined;
}

interface Lengths {
  shortest: number;
  longest: number;
  /** National (trunk, carrier) prefixes libphonenumber may strip from a number of this code, as patterns. */
  prefixes: string[];
}

let prefixTests: Map<string, RegExp[]> | undefined;

let byCallingCode: Map<string, Lengths> | undefined;

/** Shortest and longest national number length per country calling code ("1" → 10, 10), from libphonenumber metadata. */
function lengths(): Map<string, Lengths> {
  if (byCallingCode) return byCallingCode;
  byCallingCode = new Map();
  const metadata = new Metadata();
  for (const country of getCountries()) {
    const code = getCountryCallingCode(country);
    metadata.selectNumberingPlan(country);
    const plan = metadata.numberingPlan as unknown as PlanWithLengths | undefined;
    const possible = plan?.possibleLengths() ?? [];
    if (possible.length === 0) continue;
    const known = byCallingCode.get(code);
    const prefix = plan?.nationalPrefixForParsing() ?? plan?.nationalPrefix();
    byCallingCode.set(code, {
      shortest: Math.min(known?.shortest ?? Infinity, ...possible),
      longest: Math.max(known?.longest ?? 0, ...possible),
      prefixes: [...new Set([...(known?.prefixes ?? []), ...(prefix ? [prefix] : [])])],
    });
  }
  return byCallingCode;
}

/** Splits "+1804713" into calling code "1" and the rest, or undefined when no known code starts it. */
export function splitCallingCode(e164Prefix: string): { code: string; rest: string } | undefined {
  const digits = e164Prefix.slice(1);
  for (let size = 1; size <= 3; size++) {
    const code = digits.slice(0, size);
    if (lengths().has(code)) return { code, rest: digits.slice(size) };
  }
  return undefined;
}

/** Longest national number for a calling code (10 for NANP), or undefined for an unknown code. */
export function nationalLength(callingCode: string): number | undefined {
  return lengths().get(callingCode)?.longest;
}

/**
 * True when a national number is as libphonenumber would keep it: a length the calling code's plans allow
 * somewhere, and no national prefix it could strip at the start ("0" in GB, "15xx" in LU, "1" in NANP).
 */
export function plainNationalNumber(callingCode: string, national: string): boolean {
  const known = lengths().get(callingCode);
  if (!known || national.length < known.shortest || national.length > known.longest) return false;
  return tests(callingCode, known.prefixes).every((prefix) => !prefix.exec(national)?.[0]);
}

/**
 * One regex for all of a calling code's prefixes that cannot match empty text (25 NANP plans → one test);
 * patterns that can match empty ("0?(…)?") stay apart, so a non-empty match is never hidden behind an empty one.
 */
function tests(callingCode: string, prefixes: string[]): RegExp[] {
  prefixTests ??= new Map();
  let found = prefixTests.get(callingCode);
  if (!found) {
    const optional = prefixes.filter((p) => new RegExp(`^(?:${p})`).test(''));
    const required = prefixes.filter((p) => !optional.includes(p));
    found = [...optional.map((p) => new RegExp(`^(?:${p})`)), ...(required.length > 0 ? [new RegExp(`^(?:${required.map((p) => `(?:${p})`).join('|')})`)] : [])];
    prefixTests.set(callingCode, found);
  }
  return found;
}
