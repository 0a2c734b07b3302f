/** "Arrange by stage": a left-to-right layout of the supply graph, mines on the left and consumers on the right. */
import dagre from '@dagrejs/dagre';
import type { Board, NodeKind, Position } from '../../shared/board/types';
import { layeredLayout } from './layered';
import { DEFAULT_NODE_SIZE } from './node-size';

/** Column of each kind when the graph does not decide (isolated nodes). */
export const STAGE_ORDER: Record<NodeKind, number> = { mine: 0, transport: 1, refinery: 2, manufacturer: 3, stockpile: 3, recycler: 3, consumer: 4 };


/** Above this many linked nodes dagre takes over a second, so the fast layered layout is used instead. */
export const DAGRE_MAX_NODES = 150;

const NODE_SEP = 32;
const RANK_SEP = 110;

type Size = { width: number; height: number };

/**
 * Top-left positions for every node: linked nodes by dagre (rankdir LR; the fast layered layout above
 * DAGRE_MAX_NODES), nodes without flows in kind columns below, so mines still sit left of consumers.
 */
export function arrangeByStage(board: Pick<Board, 'nodes' | 'edges'>, sizes: Record<string, Size> = {}): Record<string, Position> {
  const sizeOf = (id: string): Size => {
    const s = sizes[id];
    return s && s.width > 0 && s.height > 0 ? s : DEFAULT_NODE_SIZE;
  };
  const ids = new Set(board.nodes.map((n) => n.id));
  const linked = new Set<string>();
  for (const edge of board.edges) {
    if (edge.from === edge.to || !ids.has(edge.from) || !ids.has(edge.to)) continue;
    linked.add(edge.from);
    linked.add(edge.to);
  }
  const kindOf = new Map(board.nodes.map((n) => [n.id, n.kind]));
  const laidOut = linked.size > DAGRE_MAX_NODES ? layered(board, linked, sizeOf, kindOf) : withDagre(board, linked, sizeOf);

  const positions: Record<string, Position> = {};
  let bottom = 0;
  for (const node of board.nodes) {
    if (!linked.has(node.id)) continue;
    const size = sizeOf(node.id);
    const laid = laidOut[node.id];
    positions[node.id] = laid && Number.isFinite(laid.x) && Number.isFinite(laid.y) ? laid : { ...node.position };
    bottom = Math.max(bottom, positions[node.id].y + size.height);
  }
  // Nodes without flows: one column per stage, under the graph, so mines still sit left of consumers.
  const columnWidth = DEFAULT_NODE_SIZE.width + RANK_SEP;
  const columnY = new Map<number, number>();
  const top = linked.size > 0 ? bottom + RANK_SEP : 0;
  for (const node of board.nodes) {
    if (linked.has(node.id)) continue;
    const stage = STAGE_ORDER[node.kind] ?? 0;
    const y = columnY.get(stage) ?? top;
    positions[node.id] = { x: stage * columnWidth, y };
    columnY.set(stage, y + sizeOf(node.id).height + NODE_SEP);
  }
  return positions;
}

/** Dagre (network-simplex ranks, crossing minimisation): the nicest result, for boards of workshop size. */
function withDagre(board: Pick<Board, 'nodes' | 'edges'>, linked: Set<string>, sizeOf: (id: string) => Size): Record<string, Position> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: NODE_SEP, ranksep: RANK_SEP, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of board.nodes) if (linked.has(node.id)) g.setNode(node.id, { ...sizeOf(node.id) });
  for (const edge of board.edges) {
    if (!linked.has(edge.from) || !linked.has(edge.to) || edge.from === edge.to) continue;
    const old = g.edge(edge.from, edge.to) as { weight?: number } | undefined;
    g.setEdge(edge.from, edge.to, { weight: (old?.weight ?? 0) + 1, minlen: 1 });
  }
  if (g.nodeCount() > 0) dagre.layout(g);
  const out: Record<string, Position> = {};
  for (const id of linked) {
    const laid = g.node(id) as { x?: number; y?: number } | undefined;
    const size = sizeOf(id);
    // Dagre gives centres; React Flow positions are top-left corners.
    out[id] = { x: (laid?.x ?? NaN) - size.width / 2, y: (laid?.y ?? NaN) - size.height / 2 };
  }
  return out;
}

function layered(board: Pick<Board, 'nodes' | 'edges'>, linked: Set<string>, sizeOf: (id: string) => Size, kindOf: Map<string, NodeKind>) {
  return layeredLayout({
    ids: board.nodes.filter((n) => linked.has(n.id)).map((n) => n.id),
    links: board.edges.filter((e) => linked.has(e.from) && linked.has(e.to) && e.from !== e.to).map((e) => [e.from, e.to]),
    size: sizeOf,
    stage: (id) => STAGE_ORDER[kindOf.get(id) ?? 'mine'] ?? 0,
    nodeSep: NODE_SEP,
    rankSep: RANK_SEP,
  });
}
