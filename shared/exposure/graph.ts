/** The edges of one mineral compiled into flat arrays, with strongly connected components in topological order. */
export interface MineralGraph {
  mineral: string;
  nodeCount: number;
  edgeIds: string[];
  /** Edge id -> edge index, built on first use by edgeIndexOf. */
  edgeIndex: Map<string, number> | null;
  from: Int32Array;
  to: Int32Array;
  volume: Float64Array;
  /** Route capacity per edge (v2), NaN where the edge states none. */
  capacity: Float64Array;
  /** Extra days per edge against the planned route (v2), 0 when absent. */
  delayDays: Float64Array;
  inStart: Int32Array;
  inEdges: Int32Array;
  outStart: Int32Array;
  outEdges: Int32Array;
  /** Planned inflow I_n and outflow per node. */
  inflow: Float64Array;
  outflow: Float64Array;
  /** 1 when the node has at least one edge of this mineral. */
  touched: Uint8Array;
  /** Touched nodes, component by component, upstream components first. */
  order: Int32Array;
  /** Component k is order[sccStart[k] .. sccStart[k+1]). */
  sccStart: Int32Array;
  /** 1 when component k contains a cycle (two or more nodes, or a self-loop). */
  sccCyclic: Uint8Array;
  /** Component index of each touched node (-1 for untouched). */
  sccOf: Int32Array;
}

/** One edge of the mineral, with endpoints as node indices. */
export interface IndexedEdge {
  id: string;
  from: number;
  to: number;
  volume: number;
  capacity?: number | null;
  delayDays?: number;
}

function csr(nodeCount: number, key: Int32Array): { start: Int32Array; list: Int32Array } {
  const start = new Int32Array(nodeCount + 1);
  for (let e = 0; e < key.length; e++) start[key[e] + 1]++;
  for (let i = 0; i < nodeCount; i++) start[i + 1] += start[i];
  const fill = start.slice(0, nodeCount);
  const list = new Int32Array(key.length);
  for (let e = 0; e < key.length; e++) list[fill[key[e]]++] = e;
  return { start, list };
}

/** Tarjan's algorithm without recursion; components come out downstream-first and are reversed. */
function componentsInTopologicalOrder(g: MineralGraph): void {
  const n = g.nodeCount;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const calls = new Int32Array(n);
  const cursor = new Int32Array(n);
  const emitted: number[] = [];
  const bounds: number[] = [0];
  let counter = 0;
  let sp = 0;
  for (let root = 0; root < n; root++) {
    if (!g.touched[root] || index[root] !== -1) continue;
    let cp = 0;
    const open = (v: number) => {
      index[v] = low[v] = counter++;
      stack[sp++] = v;
      onStack[v] = 1;
      cursor[v] = g.outStart[v];
      calls[cp++] = v;
    };
    open(root);
    while (cp > 0) {
      const v = calls[cp - 1];
      if (cursor[v] < g.outStart[v + 1]) {
        const w = g.to[g.outEdges[cursor[v]++]];
        if (index[w] === -1) open(w);
        else if (onStack[w] && index[w] < low[v]) low[v] = index[w];
        continue;
      }
      cp--;
      if (cp > 0 && low[v] < low[calls[cp - 1]]) low[calls[cp - 1]] = low[v];
      if (low[v] !== index[v]) continue;
      let w: number;
      do {
        w = stack[--sp];
        onStack[w] = 0;
        emitted.push(w);
      } while (w !== v);
      bounds.push(emitted.length);
    }
  }
  const count = bounds.length - 1;
  g.order = new Int32Array(emitted.length);
  g.sccStart = new Int32Array(count + 1);
  g.sccCyclic = new Uint8Array(count);
  g.sccOf = new Int32Array(n).fill(-1);
  let at = 0;
  for (let k = 0; k < count; k++) {
    const from = bounds[count - 1 - k];
    const to = bounds[count - k];
    g.sccStart[k] = at;
    for (let i = from; i < to; i++) {
      g.order[at++] = emitted[i];
      g.sccOf[emitted[i]] = k;
    }
    if (to - from > 1) g.sccCyclic[k] = 1;
  }
  g.sccStart[count] = at;
  for (let e = 0; e < g.from.length; e++) if (g.from[e] === g.to[e]) g.sccCyclic[g.sccOf[g.from[e]]] = 1;
}

/** Recomputes planned inflow and outflow of every node from the edge volumes. */
export function recomputeFlows(g: MineralGraph): void {
  g.inflow.fill(0);
  g.outflow.fill(0);
  for (let e = 0; e < g.volume.length; e++) {
    g.inflow[g.to[e]] += g.volume[e];
    g.outflow[g.from[e]] += g.volume[e];
  }
}

/** Compiles one mineral's edges over `nodeCount` nodes. */
export function compileMineralGraph(mineral: string, nodeCount: number, edges: readonly IndexedEdge[]): MineralGraph {
  const from = new Int32Array(edges.length);
  const to = new Int32Array(edges.length);
  const volume = new Float64Array(edges.length);
  const capacity = new Float64Array(edges.length);
  const delayDays = new Float64Array(edges.length);
  const touched = new Uint8Array(nodeCount);
  edges.forEach((edge, e) => {
    from[e] = edge.from;
    to[e] = edge.to;
    volume[e] = edge.volume;
    capacity[e] = edge.capacity ?? NaN;
    delayDays[e] = edge.delayDays ?? 0;
    touched[edge.from] = touched[edge.to] = 1;
  });
  const incoming = csr(nodeCount, to);
  const outgoing = csr(nodeCount, from);
  const g: MineralGraph = {
    mineral, nodeCount, edgeIds: edges.map((e) => e.id), edgeIndex: null, from, to, volume, capacity, delayDays,
    inStart: incoming.start, inEdges: incoming.list, outStart: outgoing.start, outEdges: outgoing.list,
    inflow: new Float64Array(nodeCount), outflow: new Float64Array(nodeCount), touched,
    order: new Int32Array(0), sccStart: new Int32Array(1), sccCyclic: new Uint8Array(0), sccOf: new Int32Array(0),
  };
  recomputeFlows(g);
  componentsInTopologicalOrder(g);
  return g;
}

/** The index of an edge of this mineral, or undefined. */
export function edgeIndexOf(g: MineralGraph, id: string): number | undefined {
  if (g.edgeIndex === null) g.edgeIndex = new Map(g.edgeIds.map((edgeId, e) => [edgeId, e]));
  return g.edgeIndex.get(id);
}

/** Changes one edge's planned volume in place (the structure is unchanged); sums are redone exactly, not by delta. */
export function setEdgeVolume(g: MineralGraph, e: number, volume: number): void {
  g.volume[e] = volume;
  const target = g.to[e];
  const source = g.from[e];
  let inflow = 0;
  for (let i = g.inStart[target]; i < g.inStart[target + 1]; i++) inflow += g.volume[g.inEdges[i]];
  let outflow = 0;
  for (let i = g.outStart[source]; i < g.outStart[source + 1]; i++) outflow += g.volume[g.outEdges[i]];
  g.inflow[target] = inflow;
  g.outflow[source] = outflow;
}
