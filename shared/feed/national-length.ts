import { Metadata, getCountries, getCountryCallingCode } from 'libphonenumber-js/max';

interface PlanWithLengths {
  possibleLengths(): number[];
}

let byCallingCode: Map<string, number> | undefined;

/** Longest national number length per country calling code ("1" → 10), from libphonenumber metadata. */
function lengths(): Map<string, number> {
  if (byCallingCode) return byCallingCode;
  byCallingCode = new Map();
  const metadata = new Metadata();
  for (const country of getCountries()) {
    const code = getCountryCallingCode(country);
    metadata.selectNumberingPlan(country);
    const plan = metadata.numberingPlan as unknown as PlanWithLengths | undefined;
    const longest = Math.max(0, ...(plan?.possibleLengths() ?? []));
    byCallingCode.set(code, Math.max(longest, byCallingCode.get(code) ?? 0));
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
  return lengths().get(callingCode);
}
