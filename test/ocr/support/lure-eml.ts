// Messages around the generated pictures: an attachment with a line of text, or an inline cid: image in HTML.

export interface Picture {
  name: string;
  mediaType: string;
  bytes: Uint8Array;
}

function base64Lines(bytes: Uint8Array): string {
  return (Buffer.from(bytes).toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

const HEAD = (subject: string, boundary: string, type: string) =>
  [
    'From: "Billing Center" <billing.center.notice@gmail.com>',
    'To: reader@example.com',
    `Subject: ${subject}`,
    'Date: Mon, 30 Nov 2026 10:00:00 +0000',
    'Message-ID: <ocr-fixture@example.com>',
    'MIME-Version: 1.0',
    `Content-Type: ${type}; boundary="${boundary}"`,
    '',
  ].join('\r\n');

/** A short note with the picture attached (the lure is only in the picture). */
export function attachedEml(picture: Picture, text = 'Please see the attached document.'): string {
  const b = 'b-attached';
  return [
    HEAD('Your document', b, 'multipart/mixed'),
    `--${b}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    text,
    `--${b}`,
    `Content-Type: ${picture.mediaType}; name="${picture.name}"`,
    `Content-Disposition: attachment; filename="${picture.name}"`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(picture.bytes),
    `--${b}--`,
    '',
  ].join('\r\n');
}

/** An HTML body that is only the picture, inline by cid:. */
export function inlineEml(picture: Picture): string {
  const b = 'b-related';
  return [
    HEAD('Notice', b, 'multipart/related'),
    `--${b}`,
    'Content-Type: text/html; charset=utf-8',
    '',
    '<html><body><img src="cid:lure-image@fixture" alt=""></body></html>',
    `--${b}`,
    `Content-Type: ${picture.mediaType}`,
    'Content-ID: <lure-image@fixture>',
    'Content-Disposition: inline',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(picture.bytes),
    `--${b}--`,
    '',
  ].join('\r\n');
}
