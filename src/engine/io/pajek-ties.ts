/**
 * The ties of one Pajek network as it is read: columns of typed arrays that grow by doubling,
 * so a file of millions of ties holds no object per tie until the records are made.
 */
export class TieColumns {
  count = 0;
  from = new Int32Array(256);
  to = new Int32Array(256);
  /** Relation key: the `k` of `*Arcs :k`, -1 for unnumbered sections, below -1 for sections named without a number. */
  relation = new Int32Array(256);
  line = new Int32Array(256);
  weight = new Float64Array(256);
  directed = new Uint8Array(256);

  push(from: number, to: number, weight: number, directed: boolean, relation: number, line: number): void {
    if (this.count === this.from.length) this.grow();
    const i = this.count;
    this.from[i] = from;
    this.to[i] = to;
    this.weight[i] = weight;
    this.directed[i] = directed ? 1 : 0;
    this.relation[i] = relation;
    this.line[i] = line;
    this.count = i + 1;
  }

  private grow(): void {
    const size = this.from.length * 2;
    const copy = <T extends Int32Array | Float64Array | Uint8Array>(array: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(array);
      return next;
    };
    this.from = copy(this.from, (n) => new Int32Array(n));
    this.to = copy(this.to, (n) => new Int32Array(n));
    this.relation = copy(this.relation, (n) => new Int32Array(n));
    this.line = copy(this.line, (n) => new Int32Array(n));
    this.weight = copy(this.weight, (n) => new Float64Array(n));
    this.directed = copy(this.directed, (n) => new Uint8Array(n));
  }
}
