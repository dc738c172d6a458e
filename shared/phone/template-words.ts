// Template fields that stand for a phone number: "%PHONE%", "{{phone}}", "[PHONE NUMBER]", "#PHONE#". Data.

/** Opening delimiter → closing delimiter. Doubled forms ("{{", "%%", "[[", "<<") are read as the same pair. */
export const TEMPLATE_DELIMITERS: ReadonlyMap<string, string> = new Map([
  ['%', '%'],
  ['{', '}'],
  ['[', ']'],
  ['#', '#'],
  ['<<', '>>'],
  ['$', '$'],
]);

/** A field is a phone placeholder when one of its words is one of these. */
export const TEMPLATE_PHONE_WORDS: ReadonlySet<string> = new Set([
  'phone', 'phonenumber', 'phoneno', 'telephone', 'tel', 'tfn', 'mobile', 'cell', 'callback', 'hotline',
  'helpline', 'tollfree', 'number', 'num', 'contactnumber', 'supportnumber', 'customernumber',
]);
