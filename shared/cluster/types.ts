/** What clustering needs of one message: no body text, only what links and describes campaigns. */
export interface MessageRecord {
  file: string;
  /** ISO date from the Date header, or null. */
  date: string | null;
  subject: string;
  /** Sender address (or display name when there is no address). */
  from: string;
  brands: string[];
  /** E.164 numbers found in the message. */
  phones: string[];
}

export interface NumberStats {
  e164: string;
  /** The number minus its last 4 digits: scammers buy sequential DID blocks. */
  block: string;
  messages: number;
  brands: string[];
  firstSeen: string | null;
  lastSeen: string | null;
  /** Days from first to last sighting (one decimal), null without dates. */
  lifespanDays: number | null;
}

export interface Campaign {
  /** "campaign-1" is the largest. */
  id: string;
  messages: number;
  files: string[];
  numbers: NumberStats[];
  /** Every block the campaign's numbers fall in. */
  blocks: string[];
  /** Blocks holding two or more of the campaign's numbers (evidence of a bought DID block). */
  sharedBlocks: string[];
  brands: string[];
  subjects: string[];
  senders: string[];
  firstSeen: string | null;
  lastSeen: string | null;
  lifespanDays: number | null;
  /** Lists holding only their first values in input order (a campaign of many messages); absent when all are whole. */
  capped?: ('files' | 'brands' | 'subjects' | 'senders')[];
}

export interface ClusterResult {
  messages: number;
  /** Messages with no phone number: in no campaign. */
  withoutNumbers: number;
  campaigns: Campaign[];
}
