/** Disjoint sets over 0..size-1 with path halving and union by size. */
export class UnionFind {
  private readonly parent: number[];
  private readonly size: number[];

  constructor(count: number) {
    this.parent = Array.from({ length: count }, (_, i) => i);
    this.size = new Array<number>(count).fill(1);
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

  union(a: number, b: number): void {
    let rootA = this.find(a);
    let rootB = this.find(b);
    if (rootA === rootB) return;
    if (this.size[rootA]! < this.size[rootB]!) [rootA, rootB] = [rootB, rootA];
    this.parent[rootB] = rootA;
    this.size[rootA]! += this.size[rootB]!;
  }
}
