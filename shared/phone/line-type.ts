import type { NumberType } from 'libphonenumber-js/max';
import type { LineType } from '../types.ts';

const LINE_TYPES: Record<string, LineType> = {
  VOIP: 'voip',
  TOLL_FREE: 'toll-free',
  MOBILE: 'mobile',
  FIXED_LINE: 'fixed-line',
  FIXED_LINE_OR_MOBILE: 'fixed-line-or-mobile',
  PREMIUM_RATE: 'premium-rate',
  SHARED_COST: 'shared-cost',
  PERSONAL_NUMBER: 'personal-number',
  PAGER: 'pager',
  UAN: 'uan',
};

/** libphonenumber-js getType() → Ringfence LineType ("VOICEMAIL" and unknown types → 'unknown'). */
export function lineTypeOf(type: NumberType): LineType {
  return (type && LINE_TYPES[type]) || 'unknown';
}
