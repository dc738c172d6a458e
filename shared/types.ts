// Contracts shared by the core, the CLI, the extension and the add-in. See ../shared/DESIGN.md.

export interface Address {
  address: string;
  name: string;
}

export interface Header {
  name: string;
  value: string;
}

export interface Link {
  href: string;
  text: string;
}

export interface Attachment {
  name: string;
  mediaType: string;
  size: number;
  /** Text extracted from the attachment (PDF text layer, OCR) where a surface could do so. */
  text?: string;
  /** Raw bytes, kept only until text extraction has run; never sent anywhere. */
  content?: Uint8Array;
}

/** One piece of text the reader can see, with where it came from (for highlighting evidence). */
export interface TextPart {
  /** Stable id of the part: "subject", "body", "calendar", "attachment:<name>", "message/rfc822:<n>" ... */
  id: string;
  text: string;
}

export interface MailMessage {
  subject: string;
  from: Address | null;
  /** Sender header, where different from From (e.g. calendar-notification@google.com). */
  sender?: Address | null;
  replyTo: Address[];
  to: Address[];
  /** ISO 8601, or null when the message has no usable Date. */
  date: string | null;
  messageId?: string;
  /** As received, in order; empty where a surface cannot read headers. */
  headers: Header[];
  /** Visible text of the body (plain text, or HTML rendered to text without hidden elements). */
  text: string;
  /** Text hidden from the reader (display:none, zero size, white on white, ...). Kept apart, never dialled. */
  hiddenText: string;
  html?: string;
  /** Extra visible text parts: calendar invitations, attached messages. The body is `text`. */
  parts: TextPart[];
  attachments: Attachment[];
  links: Link[];
}

export type Level = 'danger' | 'warning' | 'caution' | 'none';

export const LEVELS: readonly Level[] = ['none', 'caution', 'warning', 'danger'];

export interface Reason {
  /** Stable kebab-case code, e.g. "feed-number", "brand-callback-lure". */
  code: string;
  /** Plain language, for the reader: the English rendering, kept as the fallback and in `scan --json`. */
  message: string;
  evidence?: string;
  /** Values the surfaces' locale catalogues fill into the reason's sentence (shared/i18n/reason-text.ts). */
  params?: Record<string, string | number | string[]>;
}

export type LineType =
  | 'voip'
  | 'toll-free'
  | 'mobile'
  | 'fixed-line'
  | 'fixed-line-or-mobile'
  | 'premium-rate'
  | 'shared-cost'
  | 'personal-number'
  | 'pager'
  | 'uan'
  | 'unknown';

/** A phone number found in a message. */
export interface PhoneFinding {
  e164: string;
  /** The text as written in the message (before de-obfuscation). */
  raw: string;
  region?: string;
  lineType?: LineType;
  /** TextPart id the number sits in. */
  part: string;
  /** Offsets into that part's text (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
  /** True when de-obfuscation was needed to read it (letter O, full-width digits, [-], split tags ...). */
  obfuscated?: boolean;
}

export interface PhoneVerdict {
  e164: string;
  raw: string;
  region?: string;
  lineType?: LineType;
  part: string;
  start: number;
  end: number;
  inFeed?: boolean;
  block?: string;
  trusted?: boolean;
}

export interface SaasVerdict {
  platform: string;
  authentic: boolean;
  instance: string;
  trusted: boolean;
}

export interface Verdict {
  level: Level;
  reasons: Reason[];
  phones: PhoneVerdict[];
  saas?: SaasVerdict;
  brands: string[];
}

/** Organisation policy, as DESIGN.md defines it. Every key optional; defaults in shared/policy/defaults.ts. */
export interface FeedConfig {
  url: string;
  format?: 'ringfence' | 'text' | 'csv' | 'misp' | 'auto';
  publicKey?: string;
  /**
   * With a publicKey: what URL.sig must be. 'statement' (default): a ringfence-feed-sig/1 statement bound
   * to the URL and freshness. 'detached': a plain signature of the bytes is also accepted (legacy, weaker).
   */
  signature?: 'statement' | 'detached';
  verdict?: 'scam' | 'trusted';
  name?: string;
}

export interface Policy {
  feeds?: FeedConfig[];
  reportEndpoint?: string;
  reportMailbox?: string;
  /** Sent as `Authorization: Bearer …` with every report when the report endpoint requires it. */
  reportToken?: string;
  trustedNumbers?: string[];
  trustedGithubOrgs?: string[];
  trustedJiraSites?: string[];
  trustedZendeskTenants?: string[];
  /**
   * The organisation's own instances on other platforms (help desks, Google forms and calendars, invoicing
   * merchants): a domain (`example.com`, covering its subdomains) or an instance id (`acme.freshdesk.com`).
   */
  trustedSenders?: string[];
  defaultRegion?: string;
  feedTtlDays?: number;
  updateIntervalMinutes?: number;
  useBundledFeed?: boolean;
  minimumBannerLevel?: Level;
  /** Extra brand names to watch for, beyond the bundled lexicon. */
  extraBrands?: string[];
  /**
   * Authserv-ids of the organisation's own receiving servers (`mx.example.com`; a domain covers its
   * subdomains): only their Authentication-Results count. Unset: the topmost header's authserv-id.
   */
  trustedAuthservIds?: string[];
  /** ARC sealers (ARC-Seal d=) believed besides the major mailbox providers, e.g. the organisation's gateway. */
  trustedArcSealers?: string[];
  /** Read text in pictures and image-only PDF pages (OCR) where a message calls for it. Default true. */
  ocr?: boolean;
}

/** What a reputation feed knows about one number (exact entry or the block it falls in). */
export interface FeedMatch {
  kind: 'number' | 'block';
  /** E.164 number, or the block prefix. */
  key: string;
  /** For blocks: how many digits follow the prefix. */
  digits?: number;
  verdict: 'scam' | 'trusted';
  feed: string;
  brands?: string[];
  label?: string;
  firstSeen?: string;
  lastSeen?: string;
  reports?: number;
  lineType?: string;
  carrier?: string;
  source?: string;
  /** True when the entry is past `expires` / lastSeen + TTL: kept for history, raises nothing. */
  expired: boolean;
}

export interface NumberReputation {
  e164: string;
  matches: FeedMatch[];
}

/** Looks numbers up in cached feeds. Never touches the network. */
export interface ReputationLookup {
  lookup(e164s: readonly string[], now: Date): Promise<NumberReputation[]>;
}

/** What the device remembers of numbers seen in the user's own mail. Never sent anywhere. */
export interface Sighting {
  e164: string;
  brands: string[];
  /** ISO dates the number was seen. */
  seen: string[];
  messages: number;
}

export interface SightingsStore {
  /** Returns what was known before this message, then records it. */
  recordAndGet(e164s: readonly string[], brands: readonly string[], when: Date): Promise<Sighting[]>;
}

/** What the device remembers of one sender (an address, or a domain that authenticated). Never sent anywhere. */
export interface SenderHistory {
  /** "address:<from address>" or "domain:<authenticated From domain>". */
  key: string;
  /** ISO dates (day precision, YYYY-MM-DD) mail came from this sender, oldest first. */
  days: string[];
  messages: number;
}

export interface SendersStore {
  /** Returns what was known of these senders before this message, then records it. */
  recordAndGet(keys: readonly string[], when: Date): Promise<SenderHistory[]>;
}

export interface ScanContext {
  policy: Policy;
  now: Date;
  reputation?: ReputationLookup;
  sightings?: SightingsStore;
  /** The device's memory of senders: mail from one seen on many earlier days is less likely a one-off lure. */
  senders?: SendersStore;
}
