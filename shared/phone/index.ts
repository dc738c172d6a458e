// Phone-number extraction for callback-scam detection.
//
// extractPhones(parts, { defaultRegion = 'US' }) → { phones, placeholders }
//   phones: PhoneFinding[] (shared/types.ts): E.164, raw text as written, region, line type (libphonenumber-js
//     max metadata), part id, start/end offsets into that part's original text, obfuscated flag. Only
//     numbers libphonenumber-js calls valid; part order, then position; one per (part, number, position).
//   placeholders: unfilled template fields ("%PHONE%", "{{phone}}", "1-800-XXX-XXXX") and fake numbers
//     (counting sequences, all one digit, 555-01XX), which are evidence of scam tooling.
//
// How: normalize-text.ts undoes the obfuscations (invisible characters, Unicode digits, letters for digits)
// keeping an offset map; find-digit-chains.ts is the linear pre-scan for digit groups joined by separator
// gaps; read-chain.ts decides which windows of a chain are numbers (shape, label, edges) and only then
// asks libphonenumber-js.
export { extractPhones } from './extract-phones.ts';
export type { ExtractOptions, PhoneExtraction, Placeholder } from './types.ts';
