/** Mini-map colours: the criticality tint where there is one, else a quiet colour per kind. */
import type { NodeKind } from '../../shared/board/types';
import type { FlowNode, NodeLook } from './flow-model';
import { criticalityTint } from './nodes';

const KIND_COLORS: Record<NodeKind, string> = {
  mine: '#8d6e63', refinery: '#5c6bc0', transport: '#4fa3c7', stockpile: '#9e9d24', recycler: '#43a047', consumer: '#6d4c9f', manufacturer: '#3949ab',
};

/** The fill of one node in the mini-map, given its figures (see NodeLooksStore). */
export function minimapColor(node: FlowNode, look: NodeLook | undefined): string {
  const tint = criticalityTint(look?.criticality ?? 0);
  return tint.borderColor ?? KIND_COLORS[node.data.node.kind] ?? '#999';
}
