/**
 * The earliest values of a list by input order (file names; or distinct subjects, senders, brands compared
 * without case), holding at most `cap` once trimmed. Lists of merged campaigns merge: the result is exactly
 * the first `cap` values of the union, since a value among those is among the first `cap` of its own side.
 */
export class FirstValues {
  private orders: number[] = [];
  private values: string[] = [];
  /** Lower-cased values, for distinct lists only. */
  private keys: string[] | undefined;
  /** Key → position, built once a distinct list grows long enough for a linear search to cost. */
  private index: Map<string, number> | undefined;
  /** Some value was left out because the list was full. */
  cut = false;

  constructor(distinct: boolean) {
    if (distinct) this.keys = [];
  }

  add(order: number, value: string, cap: number): void {
    const keys = this.keys;
    if (keys) {
      const key = value.toLowerCase();
      const at = this.find(key);
      if (at !== -1) {
        if (order < this.orders[at]!) {
          this.orders[at] = order;
          this.values[at] = value;
        }
        return;
      }
      keys.push(key);
      this.index?.set(key, this.values.length);
    }
    this.orders.push(order);
    this.values.push(value);
    if (keys && !this.index && keys.length > LINEAR_SEARCH) this.reindex();
    if (this.values.length > 2 * cap) this.trim(cap);
  }

  merge(other: FirstValues, cap: number): void {
    for (let i = 0; i < other.values.length; i++) this.add(other.orders[i]!, other.values[i]!, cap);
    if (other.cut) this.cut = true;
  }

  /** The first `cap` values in input order. */
  list(cap: number): string[] {
    const kept = this.sortedPositions();
    if (kept.length > cap) this.cut = true;
    return kept.slice(0, cap).map((i) => this.values[i]!);
  }

  get length(): number {
    return this.values.length;
  }

  private find(key: string): number {
    if (this.index) return this.index.get(key) ?? -1;
    return this.keys!.indexOf(key);
  }

  private sortedPositions(): number[] {
    return this.orders.map((_, i) => i).sort((a, b) => this.orders[a]! - this.orders[b]!);
  }

  private trim(cap: number): void {
    const kept = this.sortedPositions().slice(0, cap);
    this.orders = kept.map((i) => this.orders[i]!);
    this.values = kept.map((i) => this.values[i]!);
    if (this.keys) this.keys = kept.map((i) => this.keys![i]!);
    this.cut = true;
    if (this.index) this.reindex();
  }

  private reindex(): void {
    this.index = new Map(this.keys!.map((key, i) => [key, i]));
  }
}

const LINEAR_SEARCH = 32;
