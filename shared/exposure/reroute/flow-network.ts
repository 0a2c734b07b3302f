/**
 * A directed network with real-valued capacities and Dinic's maximum flow. Arcs come in pairs (arc a and
 * its reverse a ^ 1); `residual` holds what each can still carry. Amounts at or below `eps` count as 0,
 * so floating-point dust never opens a path.
 */
export class FlowNetwork {
  pointCount: number;
  private arcCount = 0;
  head: Int32Array;
  next: Int32Array;
  first: Int32Array;
  residual: Float64Array;
  capacity: Float64Array;
  private level: Int32Array;
  private cursor: Int32Array;
  private queue: Int32Array;
  private path: Int32Array;

  constructor(pointCount: number, arcHint = 16) {
    this.pointCount = pointCount;
    const size = Math.max(2, arcHint * 2);
    this.head = new Int32Array(size);
    this.next = new Int32Array(size);
    this.residual = new Float64Array(size);
    this.capacity = new Float64Array(size);
    this.first = new Int32Array(pointCount).fill(-1);
    this.level = new Int32Array(pointCount);
    this.cursor = new Int32Array(pointCount);
    this.queue = new Int32Array(pointCount);
    this.path = new Int32Array(pointCount + 1);
  }

  private grow(): void {
    const size = this.head.length * 2;
    const copy = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.head = copy(this.head, (n) => new Int32Array(n));
    this.next = copy(this.next, (n) => new Int32Array(n));
    this.residual = copy(this.residual, (n) => new Float64Array(n));
    this.capacity = copy(this.capacity, (n) => new Float64Array(n));
  }

  /** Adds an arc u -> v that can carry `capacity` (Infinity allowed); returns its index. */
  addArc(u: number, v: number, capacity: number): number {
    if (this.arcCount + 2 > this.head.length) this.grow();
    const a = this.arcCount;
    this.head[a] = v;
    this.residual[a] = capacity;
    this.capacity[a] = capacity;
    this.next[a] = this.first[u];
    this.first[u] = a;
    this.head[a + 1] = u;
    this.residual[a + 1] = 0;
    this.capacity[a + 1] = 0;
    this.next[a + 1] = this.first[v];
    this.first[v] = a + 1;
    this.arcCount += 2;
    return a;
  }

  /** The tail of an arc. */
  tail(a: number): number {
    return this.head[a ^ 1];
  }

  /** The flow an arc carries (for forward arcs). */
  flow(a: number): number {
    return this.residual[a ^ 1];
  }

  /** Sets the flow of a forward arc (within its capacity). */
  setFlow(a: number, flow: number): void {
    this.residual[a] = this.capacity[a] - flow;
    this.residual[a ^ 1] = flow;
  }

  /** Takes an arc out of the network (it carries nothing and offers nothing, either way). */
  remove(a: number): void {
    this.residual[a] = this.residual[a ^ 1] = this.capacity[a] = 0;
  }

  /** Changes the capacity of a forward arc, keeping its flow (the flow must stay within the new capacity). */
  setCapacity(a: number, capacity: number): void {
    this.residual[a] = capacity - this.residual[a ^ 1];
    this.capacity[a] = capacity;
  }

  private levels(s: number, t: number, eps: number, admissible: Uint8Array | null): boolean {
    const level = this.level;
    level.fill(-1);
    const queue = this.queue;
    let qHead = 0;
    let qTail = 0;
    level[s] = 0;
    queue[qTail++] = s;
    while (qHead < qTail) {
      const u = queue[qHead++];
      // Points at or beyond the sink's level lead nowhere useful in this phase.
      if (level[t] !== -1 && level[u] >= level[t]) break;
      for (let a = this.first[u]; a !== -1; a = this.next[a]) {
        const v = this.head[a];
        if (level[v] !== -1 || this.residual[a] <= eps) continue;
        if (admissible !== null && admissible[a] === 0) continue;
        level[v] = level[u] + 1;
        queue[qTail++] = v;
      }
    }
    return level[t] !== -1;
  }

  /** Pushes one augmenting path of the level graph; returns the amount (0 when none is left). */
  private augment(s: number, t: number, eps: number, admissible: Uint8Array | null, path: Int32Array): number {
    const { level, cursor, head, residual, next } = this;
    let depth = 0;
    let u = s;
    for (;;) {
      if (u === t) {
        let amount = Infinity;
        for (let i = 0; i < depth; i++) amount = Math.min(amount, residual[path[i]]);
        for (let i = 0; i < depth; i++) {
          residual[path[i]] -= amount;
          residual[path[i] ^ 1] += amount;
        }
        return amount;
      }
      let a = cursor[u];
      while (a !== -1 && (residual[a] <= eps || level[head[a]] !== level[u] + 1 || (admissible !== null && admissible[a] === 0))) a = next[a];
      cursor[u] = a;
      if (a !== -1) {
        path[depth++] = a;
        u = head[a];
        continue;
      }
      if (u === s) return 0;
      level[u] = -1;
      const back = path[--depth];
      u = this.head[back ^ 1];
      cursor[u] = next[cursor[u]];
    }
  }

  /**
   * Augments the current flow to a maximum s -> t flow (through the arcs marked 1 in `admissible`, when
   * given) and returns the amount added.
   */
  maxFlow(s: number, t: number, eps: number, admissible: Uint8Array | null = null): number {
    let total = 0;
    const path = this.path;
    while (this.levels(s, t, eps, admissible)) {
      this.cursor.set(this.first);
      for (;;) {
        const amount = this.augment(s, t, eps, admissible, path);
        if (amount <= 0) break;
        total += amount;
      }
    }
    return total;
  }

  /** 1 for each point reachable from s through arcs with residual above eps. */
  reachable(s: number, eps: number): Uint8Array {
    const seen = new Uint8Array(this.pointCount);
    const stack = [s];
    seen[s] = 1;
    while (stack.length > 0) {
      const u = stack.pop()!;
      for (let a = this.first[u]; a !== -1; a = this.next[a]) {
        const v = this.head[a];
        if (seen[v] === 0 && this.residual[a] > eps) {
          seen[v] = 1;
          stack.push(v);
        }
      }
    }
    return seen;
  }

  /** The number of arcs (forward and reverse). */
  get size(): number {
    return this.arcCount;
  }
}
