/** Disjoint sets over 0..count-1 that grow one item at a time, with path halving and union by size. */
export class UnionFind {
  private parent = new Int32Array(1024);
  private size = new Int32Array(1024);
  count = 0;

  /** A new item in a set of its own; returns its number. */
  add(): number {
    if (this.count === this.parent.length) {
      this.parent = grown(this.parent);
      this.size = grown(this.size);
    }
    const item = this.count++;
    this.parent[item] = item;
    this.size[item] = 1;
    return item;
  }

  find(item: number): number {
    let node = item;
    while (this.parent[node] !== node) {
      const grand = this.parent[this.parent[node]!]!;
      this.parent[node] = grand;
      node = grand;
    }
    return node;
  }

  /** Joins the sets of a and b; returns [kept root, absorbed root], or undefined when already one set. */
  union(a: number, b: number): [number, number] | undefined {
    let rootA = this.find(a);
    let rootB = this.find(b);
    if (rootA === rootB) return undefined;
    if (this.size[rootA]! < this.size[rootB]!) [rootA, rootB] = [rootB, rootA];
    this.parent[rootB] = rootA;
    this.size[rootA]! += this.size[rootB]!;
    return [rootA, rootB];
  }
}

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const next = new Int32Array(array.length * 2);
  next.set(array);
  return next;
}
