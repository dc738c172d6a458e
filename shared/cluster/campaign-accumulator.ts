import type { Campaign, MessageRecord, NumberStats } from './types.ts';
import { UnionFind } from './union-find.ts';
import { FirstValues } from './first-values.ts';
import { blockOf } from './block-of.ts';
import { timeSpan } from './date-span.ts';

export interface ClusterLimits {
  /** Distinct numbers tracked; a number first seen after this many is counted as untracked, not clustered. */
  maxNumbers: number;
  /** Files listed per campaign: the first N in input order. */
  fileCap: number;
  /** Distinct subjects, senders and brands listed per campaign, and brands per number: the first N in input order. */
  listCap: number;
}

export const UNLIMITED: ClusterLimits = { maxNumbers: Infinity, fileCap: Infinity, listCap: Infinity };

/** What the accumulator holds per campaign (a set of linked numbers), on the set's root number only. */
interface CampaignState {
  messages: number;
  first: number;
  last: number;
  files: FirstValues;
  subjects: FirstValues;
  senders: FirstValues;
  brands: FirstValues;
}

/**
 * Clusters records as they stream past, keeping per-number aggregates and per-campaign lists capped at
 * `fileCap` / `listCap`, never the records: memory grows with distinct numbers (up to `maxNumbers`), not
 * with messages.
 * Two messages are in one campaign when they share a number, or numbers of one block (the E.164 number minus
 * its last 4 digits), directly or through other messages; so numbers are linked, and messages follow them.
 */
export class CampaignAccumulator {
  messages = 0;
  withoutNumbers = 0;
  /** Numbers seen after `maxNumbers` were tracked: how many times, and messages left with none tracked. */
  untracked = { sightings: 0, messages: 0 };

  private readonly sets = new UnionFind();
  private readonly idOf = new Map<string, number>();
  private readonly e164s: string[] = [];
  private readonly firstOfBlock = new Map<string, number>();
  private numberMessages = new Int32Array(1024);
  private numberFirst = new Float64Array(1024).fill(Number.NaN);
  private numberLast = new Float64Array(1024).fill(Number.NaN);
  private readonly numberBrands = new Map<number, FirstValues>();
  private readonly campaigns = new Map<number, CampaignState>();

  constructor(private readonly limits: ClusterLimits = UNLIMITED) {}

  add(record: MessageRecord): void {
    const order = this.messages++;
    if (record.phones.length === 0) {
      this.withoutNumbers++;
      return;
    }
    const time = record.date === null ? Number.NaN : Date.parse(record.date);
    const cap = this.limits.listCap;
    let root = -1;
    for (const e164 of new Set(record.phones)) {
      const id = this.numberId(e164);
      if (id === -1) {
        this.untracked.sightings++;
        continue;
      }
      this.numberMessages[id]!++;
      widen(this.numberFirst, this.numberLast, id, time);
      if (record.brands.length) {
        let brands = this.numberBrands.get(id);
        if (!brands) this.numberBrands.set(id, (brands = new FirstValues(true)));
        for (const brand of record.brands) brands.add(order, brand, cap);
      }
      root = root === -1 ? this.sets.find(id) : this.join(root, id);
    }
    if (root === -1) {
      this.untracked.messages++;
      return;
    }
    root = this.sets.find(root);
    let state = this.campaigns.get(root);
    if (!state) this.campaigns.set(root, (state = newState()));
    state.messages++;
    if (!Number.isNaN(time)) {
      if (!(time >= state.first)) state.first = time;
      if (!(time <= state.last)) state.last = time;
    }
    state.files.add(order, record.file, this.limits.fileCap);
    for (const brand of record.brands) state.brands.add(order, brand, cap);
    const subject = record.subject.trim();
    if (subject) state.subjects.add(order, subject, cap);
    const sender = record.from.trim();
    if (sender) state.senders.add(order, sender, cap);
  }

  /** Distinct numbers tracked so far. */
  get numbers(): number {
    return this.e164s.length;
  }

  get campaignCount(): number {
    return this.campaigns.size;
  }

  /** Campaigns largest first, built one at a time (ids campaign-1, campaign-2, ...). */
  *campaignList(): Generator<Campaign> {
    const members = new Map<number, number[]>();
    for (let id = 0; id < this.e164s.length; id++) {
      const root = this.sets.find(id);
      const list = members.get(root);
      if (list) list.push(id);
      else members.set(root, [id]);
    }
    const order = [...this.campaigns.entries()].sort(([rootA, a], [rootB, b]) =>
      b.messages - a.messages ||
      members.get(rootB)!.length - members.get(rootA)!.length ||
      earlier(a.first, b.first) ||
      a.files.first().localeCompare(b.files.first()),
    );
    let n = 0;
    for (const [root, state] of order) yield this.describe(`campaign-${++n}`, state, members.get(root)!);
  }

  private describe(id: string, state: CampaignState, ids: number[]): Campaign {
    const cap = this.limits.listCap;
    const numbers = ids.map((n) => this.numberStats(n)).sort((a, b) => b.messages - a.messages || (a.e164 < b.e164 ? -1 : 1));
    const blockCounts = new Map<string, number>();
    for (const n of numbers) blockCounts.set(n.block, (blockCounts.get(n.block) ?? 0) + 1);
    const span = timeSpan(state.first, state.last);
    const files = state.files.list(this.limits.fileCap);
    const campaign: Campaign = {
      id,
      messages: state.messages,
      files,
      numbers,
      blocks: [...blockCounts.keys()].sort(),
      sharedBlocks: [...blockCounts].filter(([, count]) => count > 1).map(([block]) => block).sort(),
      brands: state.brands.list(cap),
      subjects: state.subjects.list(cap),
      senders: state.senders.list(cap),
      firstSeen: span.first,
      lastSeen: span.last,
      lifespanDays: span.days,
    };
    const cut = (['brands', 'subjects', 'senders'] as const).filter((list) => state[list].cut);
    if (files.length < state.messages || cut.length) campaign.capped = [...(files.length < state.messages ? ['files' as const] : []), ...cut];
    return campaign;
  }

  private numberStats(id: number): NumberStats {
    const e164 = this.e164s[id]!;
    const span = timeSpan(this.numberFirst[id]!, this.numberLast[id]!);
    return {
      e164,
      block: blockOf(e164),
      messages: this.numberMessages[id]!,
      brands: this.numberBrands.get(id)?.list(this.limits.listCap) ?? [],
      firstSeen: span.first,
      lastSeen: span.last,
      lifespanDays: span.days,
    };
  }

  /** The number's id, linked to the first number of its block; -1 when it is new and the cap is reached. */
  private numberId(e164: string): number {
    const known = this.idOf.get(e164);
    if (known !== undefined) return known;
    if (this.e164s.length >= this.limits.maxNumbers) return -1;
    const id = this.sets.add();
    this.idOf.set(e164, id);
    this.e164s.push(e164);
    if (id === this.numberMessages.length) this.grow();
    const block = blockOf(e164);
    const first = this.firstOfBlock.get(block);
    if (first === undefined) this.firstOfBlock.set(block, id);
    else this.join(this.sets.find(first), id);
    return id;
  }

  /** Links a number to a campaign root, merging the two campaigns' lists; returns the root after. */
  private join(root: number, id: number): number {
    const joined = this.sets.union(root, id);
    if (!joined) return this.sets.find(root);
    const [kept, absorbed] = joined;
    const gone = this.campaigns.get(absorbed);
    if (gone) {
      this.campaigns.delete(absorbed);
      const into = this.campaigns.get(kept);
      if (!into) this.campaigns.set(kept, gone);
      else mergeState(into, gone, this.limits);
    }
    return kept;
  }

  private grow(): void {
    const size = this.numberMessages.length * 2;
    const messages = new Int32Array(size);
    messages.set(this.numberMessages);
    const first = new Float64Array(size).fill(Number.NaN);
    first.set(this.numberFirst);
    const last = new Float64Array(size).fill(Number.NaN);
    last.set(this.numberLast);
    this.numberMessages = messages;
    this.numberFirst = first;
    this.numberLast = last;
  }
}

function newState(): CampaignState {
  return {
    messages: 0,
    first: Number.NaN,
    last: Number.NaN,
    files: new FirstValues(false),
    subjects: new FirstValues(true),
    senders: new FirstValues(true),
    brands: new FirstValues(true),
  };
}

function mergeState(into: CampaignState, from: CampaignState, { fileCap, listCap: cap }: ClusterLimits): void {
  into.messages += from.messages;
  if (!Number.isNaN(from.first) && !(from.first >= into.first)) into.first = from.first;
  if (!Number.isNaN(from.last) && !(from.last <= into.last)) into.last = from.last;
  into.files.merge(from.files, fileCap);
  into.subjects.merge(from.subjects, cap);
  into.senders.merge(from.senders, cap);
  into.brands.merge(from.brands, cap);
}

function widen(first: Float64Array, last: Float64Array, id: number, time: number): void {
  if (Number.isNaN(time)) return;
  if (!(time >= first[id]!)) first[id] = time;
  if (!(time <= last[id]!)) last[id] = time;
}

/** Earlier first sighting first; a campaign without dates before any with (as an empty date string sorts). */
function earlier(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : -1;
  if (Number.isNaN(b)) return 1;
  return a - b;
}
