/** Joint flags: what separates group j and j+1 of a chain. */
export const LOOSE = 1; // a space or line break: the groups may also be two separate numbers
export const NEWLINE = 2; // a line break: a hard wrap or an RFC 5545 fold
export const OPEN_PAREN = 4; // '(' before the next group
export const ODD = 8; // defanged or odd: [ ] { } / _ ~ •, or a character the normaliser marked odd
export const DOT_ONLY = 16; // only '.' (IP addresses, versions)

/**
 * The digit groups of one chain, in flat typed arrays reused from chain to chain (the pre-scan allocates
 * nothing per chain). Group g spans [start[g], end[g]) of the normalised text; its written form starts at
 * lead[g] (a '+' or an opening bracket); plus[g] says a '+' leads it. joint[g] holds the flags of the gap
 * between group g and g+1.
 */
export class DigitChain {
  count = 0;
  start = new Int32Array(16);
  end = new Int32Array(16);
  lead = new Int32Array(16);
  plus = new Uint8Array(16);
  joint = new Uint8Array(16);

  reset(): void {
    this.count = 0;
  }

  add(start: number, end: number, lead: number, plus: boolean): void {
    if (this.count === this.start.length) this.grow();
    const g = this.count;
    this.start[g] = start;
    this.end[g] = end;
    this.lead[g] = lead;
    this.plus[g] = plus ? 1 : 0;
    this.joint[g] = 0;
    this.count += 1;
  }

  size(g: number): number {
    return this.end[g]! - this.start[g]!;
  }

  private grow(): void {
    const cap = this.start.length * 2;
    const copy = <T extends Int32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
    this.start = copy(this.start, new Int32Array(cap));
    this.end = copy(this.end, new Int32Array(cap));
    this.lead = copy(this.lead, new Int32Array(cap));
    this.plus = copy(this.plus, new Uint8Array(cap));
    this.joint = copy(this.joint, new Uint8Array(cap));
  }
}
