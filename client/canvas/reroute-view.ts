/** What the canvas draws with "after rerouting" on: each flow's rerouted volume, the bottlenecks, and each mineral's delay gap. */
import type { ExposureReport } from '../../shared/exposure/types';

/** The rerouted picture of a whole board (every mineral). */
export interface RerouteView {
  /** Edge id -> rerouted t/yr (edges absent carry nothing). */
  flows: ReadonlyMap<string, number>;
  /** The largest rerouted flow, for widths. */
  maxFlow: number;
  bottleneckNodes: ReadonlySet<string>;
  bottleneckEdges: ReadonlySet<string>;
  /** Per mineral: tonnes held in transit once by longer routes, and the t/yr recovered by rerouting. */
  minerals: { mineral: string; delayGap: number; recovered: number; delivered: number }[];
}

/** The view from a report's reroute blocks; null when no mineral has one yet. */
export function rerouteView(report: ExposureReport | null): RerouteView | null {
  if (report === null) return null;
  const flows = new Map<string, number>();
  const bottleneckNodes = new Set<string>();
  const bottleneckEdges = new Set<string>();
  const minerals: RerouteView['minerals'] = [];
  let maxFlow = 0;
  let any = false;
  for (const [mineral, m] of Object.entries(report.minerals)) {
    const r = m.reroute;
    if (r === undefined) continue;
    any = true;
    for (const [id, flow] of Object.entries(r.flows)) {
      flows.set(id, flow);
      if (flow > maxFlow) maxFlow = flow;
    }
    for (const b of r.bottlenecks) {
      if ('node' in b) bottleneckNodes.add(b.node);
      else bottleneckEdges.add(b.edge);
    }
    minerals.push({ mineral, delayGap: r.delayGap, recovered: r.recovered, delivered: r.delivered });
  }
  return any ? { flows, maxFlow, bottleneckNodes, bottleneckEdges, minerals } : null;
}
