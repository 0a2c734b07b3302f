/**
 * Which of a board's stored seqs a room holds. Seqs come from storage (one counter per board, gap-free,
 * committed in order), but reach an instance from several places out of order: its own appends, other
 * instances' messages, reads from storage. The watermark is the highest seq up to which the room holds
 * every row: what catch-up reads after, and the only safe point to compact up to.
 */
export class SeqTracker {
  private done: number;
  /** Disjoint ranges held above done + 1, sorted by start. */
  private ahead: [number, number][] = [];
  private head: number;

  constructor(loadedUpTo: number) {
    this.done = loadedUpTo;
    this.head = loadedUpTo;
  }

  /** Every seq up to this one is held. */
  get watermark(): number {
    return this.done;
  }

  /** The highest seq known to be stored. */
  get highest(): number {
    return this.head;
  }

  /** True when some stored seq up to `highest` is not held yet. */
  get hasGap(): boolean {
    return this.head > this.done;
  }

  /** True when every seq of from..to is held. */
  covers(from: number, to: number): boolean {
    if (to <= this.done) return true;
    return this.ahead.some(([a, b]) => a <= Math.max(from, this.done + 1) && to <= b);
  }

  /** Records that the rows from..to are held. */
  mark(from: number, to: number): void {
    if (to > this.head) this.head = to;
    if (to <= this.done) return;
    const start = Math.max(from, this.done + 1);
    const merged: [number, number][] = [];
    let range: [number, number] = [start, to];
    for (const r of this.ahead) {
      if (r[1] + 1 < range[0] || range[1] + 1 < r[0]) merged.push(r);
      else range = [Math.min(r[0], range[0]), Math.max(r[1], range[1])];
    }
    merged.push(range);
    merged.sort((x, y) => x[0] - y[0]);
    this.ahead = merged;
    this.settle();
  }

  /** Records a read from storage: every row up to `seq` is held (storage commits seqs in order). */
  advanceTo(seq: number): void {
    if (seq > this.head) this.head = seq;
    if (seq <= this.done) return;
    this.done = seq;
    this.settle();
  }

  /** Records that rows up to `seq` exist (another instance said so). */
  noteHead(seq: number): void {
    if (seq > this.head) this.head = seq;
  }

  private settle(): void {
    while (this.ahead.length > 0 && this.ahead[0][0] <= this.done + 1) {
      this.done = Math.max(this.done, this.ahead[0][1]);
      this.ahead.shift();
    }
  }
}
