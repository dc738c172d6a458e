import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** "+18047134598" → "+1 804 713 4598", for people to read. */
export function formatNumber(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
