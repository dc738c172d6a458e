// Deterministic mail-like text for the extraction bench and tests: prose, signatures with phones in many
// formats, receipts (dates, amounts, order ids, tracking numbers), quoted 2002-style list mail, URLs, and
// some obfuscated callback numbers. Same seed, same text.

const WORDS = (
  'the a to of and in is for on that your with you this be it are as at we our have from will please can ' +
  'account payment service team update order support message review information thanks regards meeting ' +
  'project release patch build server mailing list subscription renewal invoice question help contact ' +
  'today tomorrow week month attached document report issue fixed version change configure install'
).split(' ');

const AREA_CODES = ['212', '415', '617', '804', '303', '512', '206', '312', '404', '713', '919', '650', '888', '866', '877', '800'];
const FIRST_NAMES = ['John', 'Mary', 'Justin', 'Kevin', 'Priya', 'Ana', 'Tom', 'Li'];
const LAST_NAMES = ['Mason', 'Doe', 'Smith', 'Garcia', 'Nguyen', 'Brown', 'Okafor', 'Kowalski'];

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

export interface MailLikeText {
  text: string;
  /** E.164 of every phone written in a plain format (what any extractor should find). */
  plain: string[];
  /** E.164 of every phone written obfuscated. */
  obfuscated: string[];
}

export function mailLikeText(size: number, seed = 1): MailLikeText {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
  const exchange = () => `${2 + Math.floor(rnd() * 8)}${digits(1)}${2 + Math.floor(rnd() * 8)}`;
  const plain: string[] = [];
  const obfuscated: string[] = [];
  const phone = (): [string, string, string, string] => {
    const a = pick(AREA_CODES);
    const e = exchange();
    const l = digits(4);
    return [a, e, l, `+1${a}${e}${l}`];
  };
  const sentence = () => {
    const n = 6 + Math.floor(rnd() * 12);
    const words = Array.from({ length: n }, () => pick(WORDS));
    return words.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';
  };
  const paragraph = () => Array.from({ length: 2 + Math.floor(rnd() * 4) }, sentence).join(' ');
  const plainPhone = () => {
    const [a, e, l, e164] = phone();
    plain.push(e164);
    return pick([`(${a}) ${e}-${l}`, `${a}-${e}-${l}`, `${a}.${e}.${l}`, `+1 ${a} ${e} ${l}`, `1-${a}-${e}-${l}`, `+1 (${a}) ${e}-${l}`]);
  };
  const obfuscatedPhone = () => {
    const [a, e, l, e164] = phone();
    const full = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const written = pick([
      `${a}[-]${e}[-]${l}`,
      `(${a}) - (${e}) - (${l})`,
      full(`${a}-${e}-${l}`),
      `${a}\u200b${e}\u200b${l}`,
      `${a}${e}${l}`.split('').join(' '),
      `${a}-${e}-${l}`.replace(/0/g, 'O'),
    ]);
    (written === `${a}-${e}-${l}` ? plain : obfuscated).push(e164);
    return written;
  };
  const blocks: Array<() => string> = [
    () => paragraph(),
    () => paragraph(),
    () => paragraph(),
    () => `--\n${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}, Acme Corp., ${100 + Math.floor(rnd() * 9000)} Main St., Suite ${digits(3)}, Springfield, IL ${digits(5)}-${digits(4)}\nTel: ${plainPhone()} | Fax: ${plainPhone()}\nhttps://www.acme.example/people/${digits(8)}/contact?id=${digits(10)}`,
    () => `Order #${digits(3)}-${digits(7)}-${digits(7)} placed ${2000 + Math.floor(rnd() * 26)}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 10)} ${10 + Math.floor(rnd() * 12)}:${digits(2)}:${digits(2)}\nInvoice: INV-2024-${digits(6)}  Amount: $${Math.floor(rnd() * 9) + 1},${digits(3)}.${digits(2)} (${digits(3)}.${digits(2)} USD)\nTracking: 1Z${digits(3)}AA${digits(10)}  Card ending ${digits(4)}\nQuestions? Call ${plainPhone()}.`,
    () => `> On Mon, Oct ${1 + Math.floor(rnd() * 28)}, 2002 at ${digits(1)}:${digits(2)}:${digits(2)}AM -0700, ${pick(FIRST_NAMES)} wrote:\n> ${sentence()}\n> Fixed in 2.4.${digits(2)}-${digits(1)}; see bug ${digits(4)} and r${digits(5)}. Received from 10.${digits(2)}.${digits(1)}.${digits(2)}.`,
    () => `Your subscription renewal of $${digits(3)}.99 was processed. If you did not authorize this charge, call ${obfuscatedPhone()} within 24 hours.`,
    () => `See https://example.org/archive/2002/10/${digits(6)}.html or mail list-${digits(4)}@example.org for details.`,
  ];
  const out: string[] = [];
  let length = 0;
  while (length < size) {
    const block = pick(blocks)();
    out.push(block);
    length += block.length + 2;
  }
  return { text: out.join('\n\n'), plain, obfuscated };
}
