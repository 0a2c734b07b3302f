/**
 * Sparse non-negative vectors of every node, stored as slices of two flat typed arrays. A node's vector
 * is immutable once written, so nodes may share a slice; rewriting a node appends a new slice.
 */
export class SparseStore {
  keys = new Int32Array(4096);
  values = new Float64Array(4096);
  used = 0;
  readonly start: Int32Array;
  readonly length: Int32Array;
  private units = new Map<number, number>();

  constructor(nodeCount: number) {
    this.start = new Int32Array(nodeCount);
    this.length = new Int32Array(nodeCount);
  }

  private reserve(extra: number): void {
    if (this.used + extra <= this.keys.length) return;
    let size = this.keys.length * 2;
    while (size < this.used + extra) size *= 2;
    const keys = new Int32Array(size);
    keys.set(this.keys.subarray(0, this.used));
    const values = new Float64Array(size);
    values.set(this.values.subarray(0, this.used));
    this.keys = keys;
    this.values = values;
  }

  /** Sets node v to the empty vector. */
  setEmpty(v: number): void {
    this.length[v] = 0;
  }

  /** Sets node v to the vector {key: 1} (one shared slice per key). */
  setUnit(v: number, key: number): void {
    let at = this.units.get(key);
    if (at === undefined) {
      this.reserve(1);
      at = this.used++;
      this.keys[at] = key;
      this.values[at] = 1;
      this.units.set(key, at);
    }
    this.start[v] = at;
    this.length[v] = 1;
  }

  /** Makes node v share node u's vector. */
  share(v: number, u: number): void {
    this.start[v] = this.start[u];
    this.length[v] = this.length[u];
  }

  /** Adds weight * (node u's vector) into an accumulator. */
  addTo(acc: Accumulator, u: number, weight: number): void {
    const end = this.start[u] + this.length[u];
    for (let i = this.start[u]; i < end; i++) acc.add(this.keys[i], weight * this.values[i]);
  }

  /** Writes the accumulator's positive entries as node v's vector and resets the accumulator. */
  commit(v: number, acc: Accumulator): void {
    this.reserve(acc.count);
    const at = this.used;
    let n = 0;
    for (let i = 0; i < acc.count; i++) {
      const key = acc.touched[i];
      const value = acc.dense[key];
      if (value > 0) {
        this.keys[at + n] = key;
        this.values[at + n] = value;
        n++;
      }
      acc.dense[key] = 0;
      acc.seen[key] = 0;
    }
    acc.count = 0;
    this.used += n;
    this.start[v] = at;
    this.length[v] = n;
  }

  /** Largest absolute difference between node v's vector and the slice (start, length). */
  distance(acc: Accumulator, v: number, start: number, length: number): number {
    for (let i = start; i < start + length; i++) acc.add(this.keys[i], -this.values[i]);
    this.addTo(acc, v, 1);
    let max = 0;
    for (let i = 0; i < acc.count; i++) {
      const key = acc.touched[i];
      max = Math.max(max, Math.abs(acc.dense[key]));
      acc.dense[key] = 0;
      acc.seen[key] = 0;
    }
    acc.count = 0;
    return max;
  }

  /**
   * Drops entries below `threshold` from node v's vector and rescales the rest to the same total:
   * the residue a fixed-point iteration leaves of its starting value is noise, not an origin.
   */
  prune(v: number, threshold: number): void {
    const start = this.start[v];
    const end = start + this.length[v];
    let total = 0;
    let kept = 0;
    for (let i = start; i < end; i++) {
      total += this.values[i];
      if (this.values[i] >= threshold) kept += this.values[i];
    }
    if (kept === total || kept === 0) return;
    this.reserve(this.length[v]);
    const at = this.used;
    let n = 0;
    for (let i = start; i < end; i++) {
      if (this.values[i] < threshold) continue;
      this.keys[at + n] = this.keys[i];
      this.values[at + n] = (this.values[i] * total) / kept;
      n++;
    }
    this.used += n;
    this.start[v] = at;
    this.length[v] = n;
  }

  /** The value at `key` in node v's vector (0 when absent). */
  valueAt(v: number, key: number): number {
    const end = this.start[v] + this.length[v];
    for (let i = this.start[v]; i < end; i++) if (this.keys[i] === key) return this.values[i];
    return 0;
  }

  /** Calls fn(key, value) for each entry of node v's vector. */
  forEach(v: number, fn: (key: number, value: number) => void): void {
    const end = this.start[v] + this.length[v];
    for (let i = this.start[v]; i < end; i++) fn(this.keys[i], this.values[i]);
  }
}

/** A dense scratch vector that remembers which keys it touched. */
export class Accumulator {
  dense: Float64Array;
  seen: Uint8Array;
  touched: Int32Array;
  count = 0;

  constructor(size: number) {
    const n = Math.max(size, 1);
    this.dense = new Float64Array(n);
    this.seen = new Uint8Array(n);
    this.touched = new Int32Array(n);
  }

  /** Adds value at key (keys must be below the size given at construction). */
  add(key: number, value: number): void {
    if (this.seen[key] === 0) {
      this.seen[key] = 1;
      this.touched[this.count++] = key;
    }
    this.dense[key] += value;
  }

  /** Sets key to an exact value. */
  set(key: number, value: number): void {
    this.add(key, 0);
    this.dense[key] = value;
  }
}
