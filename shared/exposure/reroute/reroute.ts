/** The `reroute` block of one mineral (scenario-analysis.md section 3): fair delivery, least-delay flows, bottlenecks, stock. */
import { dict } from '../dict';
import type { Factors } from '../factors';
import type { MineralGraph } from '../graph';
import { KIND, type NodeTable } from '../node-table';
import { allocateStock, cleanShortfall, stockDays, stockNeeded, survives, type Backing } from '../stock';
import { ZERO_TOLERANCE, type Bottleneck, type RerouteConsumer, type RerouteReport } from '../types';
import { fairShare } from './fair-share';
import { leastDelayFlow } from './least-delay';
import { buildFlowGraph, buildNetwork, flowEpsilon, type FlowGraph, type RerouteNetwork } from './network';

/** What rerouting needs besides the mineral graph. */
export interface RerouteInputs {
  factors: Factors | null;
  /** Enabled expansions' capacity per node for this mineral (null when none). */
  added: Float64Array | null;
  /** The v1 disruption days per node (null when nothing is cut). */
  days: Float64Array | null;
  backing: Backing;
  /** The consumers the mineral's report lists. */
  consumers: readonly number[];
}

/** Nodes that can reach a consumer still short, along network arcs (open or closed). */
function reachesShort(g: MineralGraph, net: RerouteNetwork, short: Uint8Array): Uint8Array {
  const reaches = new Uint8Array(g.nodeCount);
  const stack: number[] = [];
  for (let v = 0; v < g.nodeCount; v++) if (short[v]) {
    reaches[v] = 1;
    stack.push(v);
  }
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (let i = g.inStart[v]; i < g.inStart[v + 1]; i++) {
      const e = g.inEdges[i];
      const u = g.from[e];
      if (!net.isArc[e] || reaches[u]) continue;
      reaches[u] = 1;
      stack.push(u);
    }
  }
  return reaches;
}

function bottlenecks(g: MineralGraph, table: NodeTable, net: RerouteNetwork, fg: FlowGraph, reach: Uint8Array, short: Uint8Array): Bottleneck[] {
  const reaches = reachesShort(g, net, short);
  const nodes: string[] = [];
  for (let v = 0; v < g.nodeCount; v++) {
    if (!g.touched[v] || table.kind[v] === KIND.consumer || !(net.usable[v] > 0)) continue;
    if (reach[fg.pointIn[v]] && !reach[fg.pointOut[v]] && reaches[v]) nodes.push(table.nodes[v].id);
  }
  const edges: string[] = [];
  for (let e = 0; e < g.from.length; e++) {
    if (!net.isArc[e] || !(net.edgeLimit[e] > 0)) continue;
    if (reach[fg.pointOut[g.from[e]]] && !reach[fg.pointIn[g.to[e]]] && reaches[g.to[e]]) edges.push(g.edgeIds[e]);
  }
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...nodes.sort(byId).map((node) => ({ node })), ...edges.sort(byId).map((edge) => ({ edge }))];
}

/** The edge flows of a flow-graph flow (both parts of an edge added), by mineral edge index. */
function edgeFlows(g: MineralGraph, fg: FlowGraph, arcFlow: Float64Array): Float64Array {
  const flows = new Float64Array(g.from.length);
  for (let a = 0; a < fg.tail.length; a++) if (fg.edge[a] >= 0) flows[fg.edge[a]] += arcFlow[a];
  return flows;
}

/** Computes the reroute block of one mineral. */
export function computeReroute(g: MineralGraph, table: NodeTable, inputs: RerouteInputs): RerouteReport {
  const net = buildNetwork(g, table, inputs.factors, inputs.added);
  const delivered = new Float64Array(g.nodeCount);
  let flows: Float64Array;
  let found: Bottleneck[] = [];
  let plannedDelay = 0;
  for (let e = 0; e < g.from.length; e++) if (net.isArc[e]) plannedDelay += net.floorFlow[e] * g.delayDays[e];
  if (net.uncut && plannedDelay === 0) {
    for (const c of net.consumers) delivered[c] = net.planned[c];
    flows = net.floorFlow;
  } else {
    const fg = buildFlowGraph(g, table, net);
    const eps = flowEpsilon(fg);
    let shortAny = false;
    let fairFlow: Float64Array | null = null;
    const short = new Uint8Array(g.nodeCount);
    if (net.uncut) {
      for (const c of net.consumers) delivered[c] = net.planned[c];
    } else {
      const fair = fairShare(fg, net, eps);
      for (const c of net.consumers) {
        delivered[c] = Math.min(net.planned[c], fair.delivered[c]);
        if (delivered[c] < net.planned[c] - ZERO_TOLERANCE) {
          short[c] = 1;
          shortAny = true;
        }
      }
      if (shortAny) found = bottlenecks(g, table, net, fg, fair.reach, short);
      fairFlow = fair.arcFlow;
    }
    // A flow without delay is a least-delay one already (delays are never negative).
    let delay = 0;
    if (fairFlow !== null) for (let a = 0; a < fg.tail.length; a++) if (fg.edge[a] >= 0) delay += fairFlow[a] * g.delayDays[fg.edge[a]];
    flows = edgeFlows(g, fg, fairFlow !== null && delay === 0 ? fairFlow : leastDelayFlow(fg, g.delayDays, delivered, eps));
  }
  return report(g, table, net, inputs, delivered, flows, found);
}

function report(g: MineralGraph, table: NodeTable, net: RerouteNetwork, inputs: RerouteInputs, delivered: Float64Array, flows: Float64Array, found: Bottleneck[]): RerouteReport {
  const shortfall = new Float64Array(g.nodeCount);
  for (const c of inputs.consumers) shortfall[c] = cleanShortfall(net.planned[c] - delivered[c]);
  const allocated = allocateStock(inputs.backing, shortfall, g.nodeCount);
  const consumers = dict<RerouteConsumer>();
  let total = 0;
  let floors = 0;
  let stockpileGap = 0;
  for (const c of inputs.consumers) {
    const days = inputs.days === null ? 0 : inputs.days[c];
    const coverDays = stockDays(allocated[c], shortfall[c]);
    const needed = stockNeeded(shortfall[c], days, allocated[c]);
    total += delivered[c];
    floors += net.floor[c];
    stockpileGap += needed;
    consumers[table.nodes[c].id] = {
      delivered: delivered[c], floor: net.floor[c], shortfall: shortfall[c],
      shortfallPct: net.planned[c] > 0 ? shortfall[c] / net.planned[c] : 0,
      stockDays: coverDays, survives: survives(coverDays, days), stockNeeded: needed,
    };
  }
  const flowById = dict<number>();
  let delaySum = 0;
  for (let e = 0; e < g.from.length; e++) {
    if (!net.isArc[e] || !(flows[e] > ZERO_TOLERANCE)) continue;
    flowById[g.edgeIds[e]] = flows[e];
    delaySum += flows[e] * g.delayDays[e];
  }
  return {
    delivered: total, recovered: Math.max(0, total - floors), consumers, flows: flowById, bottlenecks: found,
    stockpileGap, delayGap: delaySum / 365,
  };
}
