/** Which edges an enabled scenario lever cuts, so the canvas can draw them as disrupted. */
import type { Board, BoardEdge, BoardNode, Disruption, NodeKind } from '../../shared/board/types';

function kindMatches(kinds: NodeKind[] | undefined, node: BoardNode): boolean {
  return kinds === undefined || kinds.includes(node.kind);
}

/** True when `lever` is enabled, lets less than all of the flow pass, applies to the edge's mineral and targets the edge, one of its ends, or their country. */
export function leverCutsEdge(lever: Disruption, edge: BoardEdge, from: BoardNode | undefined, to: BoardNode | undefined): boolean {
  if (!lever.enabled || !(lever.factor < 1)) return false;
  if (Array.isArray(lever.minerals) && !lever.minerals.includes(edge.mineral)) return false;
  const target = lever.target;
  if ('edge' in target) return target.edge === edge.id;
  if ('node' in target) return target.node === edge.from || target.node === edge.to;
  if (!('country' in target)) return false;
  if (target.exportsOnly === true) {
    return from !== undefined && from.country === target.country && to?.country !== target.country && kindMatches(target.kinds, from);
  }
  const hits = (node: BoardNode | undefined) => node !== undefined && node.country === target.country && kindMatches(target.kinds, node);
  return hits(from) || hits(to);
}

const NOTHING_CUT: ReadonlyMap<string, Disruption[]> = new Map();

/** Edge id -> the enabled levers that cut it (edges no lever cuts are absent; one shared empty map when none). */
export function disruptedEdges(board: Pick<Board, 'nodes' | 'edges' | 'scenario'>): ReadonlyMap<string, Disruption[]> {
  const levers = board.scenario.disruptions.filter((d) => d.enabled && d.factor < 1);
  // The same empty map every time, so a drag on a board without levers does not re-derive every edge.
  if (levers.length === 0) return NOTHING_CUT;
  const cut = new Map<string, Disruption[]>();
  const byId = new Map(board.nodes.map((n) => [n.id, n]));
  for (const edge of board.edges) {
    const from = byId.get(edge.from);
    const to = byId.get(edge.to);
    for (const lever of levers) {
      if (!leverCutsEdge(lever, edge, from, to)) continue;
      const list = cut.get(edge.id);
      if (list) list.push(lever);
      else cut.set(edge.id, [lever]);
    }
  }
  return cut;
}
