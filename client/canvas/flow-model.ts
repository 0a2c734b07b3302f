/**
 * React Flow nodes and edges derived from the board. The board is the source of truth; these functions
 * rebuild only the items whose board object or look changed, keeping React Flow's own fields (measured,
 * width, height, dragging) so memo components do not re-render and measurements are not lost.
 */
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type { BoardEdge, BoardNode, Disruption, NodeKind } from '../../shared/board/types';
import { ZERO_TOLERANCE, type ExposureReport } from '../../shared/exposure/types';
import { mineralColor } from '../state/look';
import type { Peer } from '../state/types';
import { DEFAULT_NODE_SIZE } from './node-size';
import type { RerouteView } from './reroute-view';
import { ALTERNATIVE_COLOR, isAlternative } from './route-look';

/** Who else has an item selected: their names and the first one's colour. */
export type PeerMark = { names: string; color: string };

/**
 * What a node card shows beyond the board node. Its exposure figures are not here: cards read them from the
 * NodeLooksStore (node-looks-store.ts), so an exposure reply changes no React Flow node.
 */
export type FlowNodeData = {
  node: BoardNode;
  peer: PeerMark | null;
  /** With "after rerouting" on: this node limits rerouted delivery. */
  bottleneck?: boolean;
};
/** A React Flow node of one board kind. */
export type FlowNode = Node<FlowNodeData, NodeKind>;

/** What an edge draws beyond the board edge. */
export type FlowEdgeData = {
  edge: BoardEdge;
  width: number;
  /** Labels of the enabled levers cutting this edge, or null. */
  disruptedBy: string | null;
  peer: PeerMark | null;
  /** False on a dense board zoomed out (the label is not mounted unless the edge is selected). */
  showLabel: boolean;
  /** With "after rerouting" on: the rerouted t/yr of this flow (0 when it carries nothing); absent otherwise. */
  rerouted?: number;
  /** With "after rerouting" on: this flow limits rerouted delivery. */
  bottleneck?: boolean;
};
/** A React Flow edge of type 'flow'. */
export type FlowEdge = Edge<FlowEdgeData, 'flow'>;

/** Disrupted edges are red whatever their mineral. */
export const DISRUPTED_COLOR = '#d62728';
/** Above this many edges, ordinary labels are unmounted when zoomed out. */
export const DENSE_EDGES = 400;

/** Shares of 1 % and more to whole percents (what the card, its tint and the mini-map can show), so tiny changes re-render nothing. */
function shown(share: number): number {
  return share >= 0.01 ? Math.round(share * 100) / 100 : share;
}

/** What a card shows from the exposure report. */
export interface NodeLook {
  /** Largest lossPct of this node across minerals, 0..1. */
  criticality: number;
  /** Consumers: worst shortfallPct across minerals (null without a report entry). */
  shortfall: number | null;
  /** Shortest time to survive (whole days) of any consumer if this node stopped, or null. */
  worstTts?: number | null;
}

/** Per-node criticality and (consumers) worst shortfall from an exposure report, at the precision a card shows. */
export function nodeLooks(report: ExposureReport | null): Map<string, NodeLook> {
  const looks = new Map<string, NodeLook>();
  if (!report) return looks;
  const get = (id: string) => {
    let look = looks.get(id);
    if (!look) looks.set(id, (look = { criticality: 0, shortfall: null, worstTts: null }));
    return look;
  };
  for (const mineral of Object.values(report.minerals)) {
    for (const c of mineral.criticalNodes) {
      const pct = Number.isFinite(c.lossPct) ? Math.min(1, Math.max(0, c.lossPct)) : 0;
      const look = get(c.node);
      look.criticality = Math.max(look.criticality, shown(pct));
    }
    for (const [id, consumer] of Object.entries(mineral.consumers)) {
      const pct = consumer.shortfall <= ZERO_TOLERANCE || !Number.isFinite(consumer.shortfallPct) ? 0 : consumer.shortfallPct;
      // A consumer that receives less than it wants is short too, even when nothing planned is cut.
      const gap = consumer.demand > 0 && consumer.demandGap > ZERO_TOLERANCE ? consumer.demandGap / consumer.demand : 0;
      const look = get(id);
      look.shortfall = Math.max(look.shortfall ?? 0, shown(Math.max(pct, gap)));
      for (const n of consumer.criticalNodes) {
        if (!Number.isFinite(n.tts)) continue;
        const days = Math.round(n.tts);
        const at = get(n.node);
        at.worstTts = at.worstTts == null ? days : Math.min(at.worstTts, days);
      }
    }
  }
  return looks;
}

/** Item id -> the peers who have it selected. */
export function peerMarks(peers: Peer[]): Map<string, PeerMark> {
  const marks = new Map<string, PeerMark>();
  for (const peer of peers) {
    for (const id of peer.selection) {
      const mark = marks.get(id);
      marks.set(id, mark ? { names: `${mark.names}, ${peer.name}`, color: mark.color } : { names: peer.name, color: peer.color });
    }
  }
  return marks;
}

/** A string that changes only when some peer's selection, name or colour changes (not on cursor moves). */
export function peerSelectionKey(peers: Peer[]): string {
  return peers.map((p) => `${p.clientId}\u0000${p.name}\u0000${p.color}\u0000${p.selection.join('\u0001')}`).join('\u0002');
}

const samePeer = (a: PeerMark | null, b: PeerMark | null) => a === b || (a !== null && b !== null && a.names === b.names && a.color === b.color);

/** What React Flow says about each node and flow to a screen reader, in the person's language (its own words are English). */
export interface FlowA11y {
  /** Replaces React Flow's aria-roledescription "node". */
  nodeRole: string;
  /** Replaces React Flow's aria-roledescription "edge". */
  flowRole: string;
  /** Replaces React Flow's "Edge from <id> to <id>". */
  flowLabel(from: string, to: string, mineral: string): string;
}

/** Inputs of the node derivation (the exposure figures are not: see FlowNodeData). */
export interface NodeContext {
  /** Screen-reader words (absent: React Flow's English ones). */
  a11y?: FlowA11y;
  /** Bottleneck nodes with "after rerouting" on (absent: off). */
  bottlenecks?: ReadonlySet<string>;
  marks: Map<string, PeerMark>;
  selected: ReadonlySet<string>;
}

/** Next React Flow nodes; returns `prev` itself when nothing changed, and reuses every unchanged node object. */
export function syncNodes(prev: FlowNode[], board: BoardNode[], ctx: NodeContext): FlowNode[] {
  const before = new Map(prev.map((n) => [n.id, n]));
  let changed = prev.length !== board.length;
  const next = board.map((node, i) => {
    const old = before.get(node.id);
    const peer = ctx.marks.get(node.id) ?? null;
    const selected = ctx.selected.has(node.id);
    const bottleneck = ctx.bottlenecks?.has(node.id) === true;
    const role = ctx.a11y?.nodeRole;
    if (
      old !== undefined && old.data.node === node && old.domAttributes?.['aria-roledescription'] === role &&
      samePeer(old.data.peer, peer) && Boolean(old.selected) === selected && Boolean(old.data.bottleneck) === bottleneck
    ) {
      if (prev[i] !== old) changed = true;
      return old;
    }
    changed = true;
    // While I drag, my local position is ahead of the throttled doc echo.
    const position = old?.dragging ? old.position : node.position;
    // initialWidth/Height: the mini-map and fitView size nodes React Flow has not measured yet (far zoom, off screen).
    return {
      ...old, id: node.id, type: node.kind, position, selected, initialWidth: DEFAULT_NODE_SIZE.width, initialHeight: DEFAULT_NODE_SIZE.height,
      ...(role === undefined ? {} : { domAttributes: { 'aria-roledescription': role } }),
      data: { node, peer, bottleneck },
    } as FlowNode;
  });
  return changed ? next : prev;
}

/** Inputs of the edge derivation. */
export interface EdgeContext {
  /** Screen-reader words, with the node labels flows are named by (absent: React Flow's English ones and ids). */
  a11y?: FlowA11y;
  labels?: ReadonlyMap<string, string>;
  nodeIds: ReadonlySet<string>;
  cut: ReadonlyMap<string, Disruption[]>;
  marks: Map<string, PeerMark>;
  selected: ReadonlySet<string>;
  /** Zoomed in enough for every label (dense boards hide ordinary labels otherwise). */
  zoomedIn: boolean;
  /** Dense board zoomed far out: FarEdges draws the flows, React Flow only the selected ones (mine or a peer's). */
  farLayer?: boolean;
  /** "After rerouting" on: rerouted volumes and bottlenecks (absent or null: off). */
  rerouted?: RerouteView | null;
  /** The live canvas: the edge view reads the cut from EdgeCutContext and draws its own arrowheads (`cut` is not read). */
  cutInView?: boolean;
}

/** Stroke width from volume: 1.5 px plus up to 6 px for the board's largest flow. */
export function edgeWidth(volume: number, maxVolume: number): number {
  const v = Number.isFinite(volume) && volume > 0 ? volume : 0;
  return maxVolume > 0 ? 1.5 + 6 * Math.sqrt(Math.min(1, v / maxVolume)) : 1.5;
}

/** Next React Flow edges (edges with a missing end are left out, and in the far layer all but selected ones); reuses unchanged edge objects. */
export function syncEdges(prev: FlowEdge[], board: BoardEdge[], ctx: EdgeContext): FlowEdge[] {
  const before = new Map(prev.map((e) => [e.id, e]));
  let maxVolume = 0;
  for (const e of board) if (Number.isFinite(e.volume) && e.volume > maxVolume) maxVolume = e.volume;
  const dense = board.length > DENSE_EDGES;
  let changed = false;
  const next: FlowEdge[] = [];
  for (const edge of board) {
    if (!ctx.nodeIds.has(edge.from) || !ctx.nodeIds.has(edge.to)) continue;
    const peer = ctx.marks.get(edge.id) ?? null;
    const selected = ctx.selected.has(edge.id);
    if (ctx.farLayer && !selected && peer === null) continue;
    const old = before.get(edge.id);
    const view = ctx.rerouted ?? null;
    const rerouted = view === null ? undefined : view.flows.get(edge.id) ?? 0;
    const bottleneck = view !== null && view.bottleneckEdges.has(edge.id);
    const width = rerouted === undefined ? edgeWidth(edge.volume, maxVolume) : edgeWidth(rerouted, Math.max(maxVolume, view!.maxFlow));
    const levers = ctx.cutInView ? undefined : ctx.cut.get(edge.id);
    const disruptedBy = levers ? levers.map((l) => l.label).join(', ') : null;
    const showLabel = !dense || ctx.zoomedIn || disruptedBy !== null || bottleneck;
    const ariaLabel = ctx.a11y?.flowLabel(ctx.labels?.get(edge.from) ?? edge.from, ctx.labels?.get(edge.to) ?? edge.to, edge.mineral);
    const d = old?.data;
    if (
      old !== undefined && d !== undefined && d.edge === edge && old.ariaLabel === ariaLabel && d.width === width && d.disruptedBy === disruptedBy &&
      samePeer(d.peer, peer) && d.showLabel === showLabel && Boolean(old.selected) === selected && d.rerouted === rerouted && Boolean(d.bottleneck) === bottleneck
    ) {
      if (prev[next.length] !== old) changed = true;
      next.push(old);
      continue;
    }
    changed = true;
    const color = disruptedBy !== null ? DISRUPTED_COLOR : isAlternative(edge) && !((rerouted ?? 0) > 0) ? ALTERNATIVE_COLOR : mineralColor(edge.mineral);
    next.push({
      ...old,
      id: edge.id,
      source: edge.from,
      target: edge.to,
      type: 'flow',
      selected,
      ...(ctx.a11y ? { ariaLabel, domAttributes: { 'aria-roledescription': ctx.a11y.flowRole } } : {}),
      // In user space, so thick flows do not get huge arrowheads (the live canvas's edge view draws its own).
      ...(ctx.cutInView ? {} : { markerEnd: { type: MarkerType.ArrowClosed, color, width: 14, height: 14, markerUnits: 'userSpaceOnUse' as const } }),
      data: { edge, width, disruptedBy, peer, showLabel, ...(rerouted === undefined ? {} : { rerouted, bottleneck }) },
    });
  }
  return changed || next.length !== prev.length ? next : prev;
}
