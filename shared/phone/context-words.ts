// Words that, just before a number, say what it is. Data, not logic; read by read-label.ts.

/** A phone number follows. */
export const PHONE_WORDS: ReadonlySet<string> = new Set([
  'call', 'calling', 'called', 'phone', 'phones', 'telephone', 'tel', 'tele', 'telefon', 'telefono', 'téléphone',
  'ph', 'phn', 'contact', 'contacting', 'helpline', 'hotline', 'support', 'toll', 'tollfree', 'dial', 'mobile',
  'mob', 'cell', 'cellular', 'fax', 'whatsapp', 'reach', 'voice', 'sms', 'text', 'helpdesk', 'desk', 'service',
  'line', 'office', 'direct', 'main', 'switchboard', 'tfn', 'callback', 'agent', 'representative',
  'team', 'department', 'dept', 'center', 'centre', 'voicemail', 'pager', 'home', 'work', 'cancel', 'cancellation',
  'refund', 'dispute', 'assistance', 'help', 'questions', 'query', 'queries', 'concerns', 'inquiries',
  'services', 'lines', 'desks', 'centers', 'centres', 'helplines', 'hotlines', 'care', 'enquiries',
]);

/** Single letters that label a phone in a signature ("T: ", "M. ", "p ") when nearest the number. */
export const PHONE_LETTERS: ReadonlySet<string> = new Set(['t', 'p', 'm', 'f', 'c', 'h', 'w', 'o', 'd', 'v', 'tf']);

/** An identifier, not a phone number, follows. */
export const ID_WORDS: ReadonlySet<string> = new Set([
  'invoice', 'inv', 'order', 'orders', 'transaction', 'transactions', 'txn', 'trx', 'tx', 'trans', 'ref',
  'reference', 'id', 'ids', 'tracking', 'track', 'shipment', 'parcel', 'package', 'waybill', 'awb', 'ups',
  'fedex', 'usps', 'dhl', 'account', 'acct', 'acc', 'case', 'ticket', 'serial', 'sn', 'confirmation', 'conf',
  'receipt', 'booking', 'reservation', 'po', 'sku', 'item', 'model', 'license', 'licence', 'key', 'code', 'pin',
  'otp', 'zip', 'zipcode', 'postal', 'postcode', 'routing', 'aba', 'iban', 'swift', 'bic', 'card', 'claim',
  'member', 'membership', 'policy', 'isbn', 'issn', 'version', 'ver', 'build', 'release', 'patch', 'bug',
  'issue', 'pr', 'commit', 'rev', 'revision', 'msg', 'message', 'uid', 'pid', 'gid', 'doi', 'batch', 'lot',
  'part', 'product', 'ssn', 'tin', 'ein', 'tax', 'vat', 'upc', 'ean', 'imei', 'voucher', 'coupon', 'promo',
  'gift', 'auth', 'authorization', 'approval', 'subscription', 'username', 'login', 'password', 'passcode',
  'session', 'req', 'requisition', 'contract', 'loan', 'cheque', 'cusip', 'isin', 'qty', 'quantity', 'amount',
  'usd', 'eur', 'price', 'statement', 'document', 'doc', 'record', 'registration', 'reg', 'vin', 'plate', 'ip',
]);
