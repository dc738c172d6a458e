/**
 * The earliest values of a list by input order (file names; or distinct subjects, senders, brands compared
 * without case), holding at most `cap` once trimmed. Lists of merged campaigns merge: the result is exactly
 * the first `cap` values of the union, since a value among those is among the first `cap` of its own side.
 * A list is trimmed back to `cap` once it holds half as many again, so trimming costs little per value.
 * Entries sit in one flat array (order, value[, lower-cased key]), made on first use at its exact size:
 * most campaigns hold one or two messages, and each array's spare room would cost more than its values.
 */
export class FirstValues {
  private items: (number | string)[] | undefined;
  /** Key → entry number, built once a distinct list grows long enough for a linear search to cost. */
  private index: Map<string, number> | undefined;
  /** Some value was left out because the list was full. */
  cut = false;

  constructor(private readonly distinct: boolean) {}

  private get width(): number {
    return this.distinct ? 3 : 2;
  }

  get length(): number {
    return (this.items?.length ?? 0) / this.width;
  }

  add(order: number, value: string, cap: number): void {
    const key = this.distinct ? value.toLowerCase() : '';
    const items = this.items;
    if (!items) {
      this.items = this.distinct ? [order, value, key === value ? value : key] : [order, value];
      return;
    }
    if (this.distinct) {
      const at = this.find(key);
      if (at !== -1) {
        if (order < (items[at * 3] as number)) {
          items[at * 3] = order;
          items[at * 3 + 1] = value;
        }
        return;
      }
      this.index?.set(key, this.length);
      items.push(order, value, key === value ? value : key); // the value itself when already lower-case: one string kept
      if (!this.index && this.length > LINEAR_SEARCH) this.reindex();
    } else items.push(order, value);
    if (this.length > cap + (cap >> 1) + 1) this.trim(cap);
  }

  merge(other: FirstValues, cap: number): void {
    const items = other.items ?? [];
    for (let i = 0; i < items.length; i += other.width) this.add(items[i] as number, items[i + 1] as string, cap);
    if (other.cut) this.cut = true;
  }

  /** The first `cap` values in input order. */
  list(cap: number): string[] {
    const kept = this.sortedEntries();
    if (kept.length > cap) this.cut = true;
    return kept.slice(0, cap).map((e) => this.items![e * this.width + 1] as string);
  }

  /** The earliest value, or '' for an empty list. */
  first(): string {
    const items = this.items ?? [];
    let best = -1;
    for (let i = 0; i < items.length; i += this.width) if (best === -1 || (items[i] as number) < (items[best] as number)) best = i;
    return best === -1 ? '' : (items[best + 1] as string);
  }

  private find(key: string): number {
    if (this.index) return this.index.get(key) ?? -1;
    const items = this.items!;
    for (let i = 2; i < items.length; i += 3) if (items[i] === key) return (i - 2) / 3;
    return -1;
  }

  private sortedEntries(): number[] {
    const items = this.items ?? [];
    const width = this.width;
    return Array.from({ length: this.length }, (_, e) => e).sort((a, b) => (items[a * width] as number) - (items[b * width] as number));
  }

  private trim(cap: number): void {
    const width = this.width;
    const items = this.items!;
    this.items = this.sortedEntries().slice(0, cap).flatMap((e) => items.slice(e * width, e * width + width));
    this.cut = true;
    if (this.index) this.reindex();
  }

  private reindex(): void {
    const items = this.items!;
    this.index = new Map();
    for (let i = 2; i < items.length; i += 3) this.index.set(items[i] as string, (i - 2) / 3);
  }
}

const LINEAR_SEARCH = 32;
