import type { MailMessage } from '../types.ts';
import kinds from '../data/mail-kind.json' with { type: 'json' };
import { compilePhrases } from '../lure/compile-phrases.ts';
import { firstHeader, hasHeader } from '../mail-auth/headers.ts';

const BULK_FOOTER = compilePhrases(kinds.bulkFooters);
const LIST_FOOTER = compilePhrases(kinds.listFooters);
/** Footers sit at the end: read this much of the body's tail. */
const FOOTER_CHARS = 3_000;
/** Quoted text is looked for in this much of the body. */
const QUOTE_CHARS = 20_000;

/**
 * What kind of mail this is, from its headers and its shape:
 *   list: a mailing-list post (List-Id, Precedence: list, a list footer);
 *   bulk: a newsletter, catalogue or other mass mailing (List-Unsubscribe, Precedence: bulk, an unsubscribe footer);
 *   conversation: a reply in a human conversation (In-Reply-To or References, and quoted text);
 *   threaded: In-Reply-To or References alone (a help desk's answer to a ticket);
 *   quoted: the body quotes an earlier message (seen even where a surface shows no headers).
 */
export interface MailKind {
  list: boolean;
  bulk: boolean;
  conversation: boolean;
  /** In-Reply-To or References: an answer to earlier mail (support replies often quote nothing). */
  threaded: boolean;
  quoted: boolean;
}

export function mailKind(message: MailMessage): MailKind {
  const precedence = firstHeader(message, 'precedence')?.trim().toLowerCase() ?? '';
  const tail = message.text.slice(-FOOTER_CHARS).toLowerCase();
  const list = hasHeader(message, 'list-id') || hasHeader(message, 'list-post') || precedence === 'list' || test(LIST_FOOTER, tail);
  const bulk = hasHeader(message, 'list-unsubscribe') || precedence === 'bulk' || precedence === 'junk' || test(BULK_FOOTER, tail);
  const quoted = quotesEarlierMail(message.text.slice(0, QUOTE_CHARS));
  const threaded = hasHeader(message, 'in-reply-to') || hasHeader(message, 'references');
  return { list, bulk, conversation: threaded && quoted, threaded, quoted };
}

function test(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

/** Two or more lines quoted with ">", or an "On … wrote:" / "-----Original Message-----" opener. */
function quotesEarlierMail(text: string): boolean {
  let quotedLines = 0;
  for (const match of text.matchAll(/^[ \t]*>/gm)) {
    if (match && ++quotedLines >= 2) return true;
  }
  return /^.{0,200}\b(wrote|schrieb|a écrit|escribió)\s*:\s*$/im.test(text) ||
    /^-{3,}\s*(original message|forwarded message)\s*-{3,}/im.test(text) ||
    /^from:.{1,200}\n(sent|date):/im.test(text);
}
