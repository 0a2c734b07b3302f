/** "Arrange by stage": a left-to-right dagre layout of the supply graph, mines on the left and consumers on the right. */
import dagre from '@dagrejs/dagre';
import type { Board, NodeKind, Position } from '../../shared/board/types';

/** Column of each kind when the graph does not decide (isolated nodes). */
export const STAGE_ORDER: Record<NodeKind, number> = { mine: 0, transport: 1, refinery: 2, stockpile: 3, recycler: 3, consumer: 4 };

/** Size assumed for a node React Flow has not measured yet. */
export const DEFAULT_NODE_SIZE = { width: 200, height: 90 };

const NODE_SEP = 32;
const RANK_SEP = 110;

type Size = { width: number; height: number };

/** Top-left positions for every node: connected nodes by dagre (rankdir LR), isolated ones in kind columns below. */
export function arrangeByStage(board: Pick<Board, 'nodes' | 'edges'>, sizes: Record<string, Size> = {}): Record<string, Position> {
  const sizeOf = (id: string): Size => {
    const s = sizes[id];
    return s && s.width > 0 && s.height > 0 ? s : DEFAULT_NODE_SIZE;
  };
  const ids = new Set(board.nodes.map((n) => n.id));
  const linked = new Set<string>();
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: NODE_SEP, ranksep: RANK_SEP, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const edge of board.edges) {
    if (edge.from === edge.to || !ids.has(edge.from) || !ids.has(edge.to)) continue;
    linked.add(edge.from);
    linked.add(edge.to);
  }
  for (const node of board.nodes) if (linked.has(node.id)) g.setNode(node.id, { ...sizeOf(node.id) });
  for (const edge of board.edges) {
    if (!linked.has(edge.from) || !linked.has(edge.to) || edge.from === edge.to) continue;
    const old = g.edge(edge.from, edge.to) as { weight?: number } | undefined;
    g.setEdge(edge.from, edge.to, { weight: (old?.weight ?? 0) + 1, minlen: 1 });
  }
  if (g.nodeCount() > 0) dagre.layout(g);

  const positions: Record<string, Position> = {};
  let bottom = 0;
  for (const node of board.nodes) {
    if (!linked.has(node.id)) continue;
    const laid = g.node(node.id) as { x?: number; y?: number } | undefined;
    const size = sizeOf(node.id);
    const x = (laid?.x ?? NaN) - size.width / 2;
    const y = (laid?.y ?? NaN) - size.height / 2;
    positions[node.id] = Number.isFinite(x) && Number.isFinite(y) ? { x, y } : { ...node.position };
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
