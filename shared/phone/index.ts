// Phone-number extraction for callback-scam detection: the one entry point and its types.
export { extractPhones } from './extract-phones.ts';
export type { ExtractOptions, PhoneExtraction, Placeholder } from './types.ts';
