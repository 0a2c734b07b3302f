/** Where each node card sits (flow coordinates and size), for the far layer and for placing flow labels. */
import { useMemo, useRef } from 'react';
import type { NodeBox } from './far-edge-paths';
import type { FlowNode } from './flow-model';
import { DEFAULT_NODE_SIZE } from './node-size';

const boxOf = (n: FlowNode): NodeBox => ({
  x: n.position.x, y: n.position.y, width: n.measured?.width ?? DEFAULT_NODE_SIZE.width, height: n.measured?.height ?? DEFAULT_NODE_SIZE.height,
});
const sameBox = (n: FlowNode, b: NodeBox | undefined) => b !== undefined && n.position.x === b.x && n.position.y === b.y
  && (n.measured?.width ?? DEFAULT_NODE_SIZE.width) === b.width && (n.measured?.height ?? DEFAULT_NODE_SIZE.height) === b.height;

/** Node boxes from React Flow nodes (local positions while dragging, measured sizes); unchanged boxes keep their identity. */
export function useNodeBoxes(nodes: readonly FlowNode[]): ReadonlyMap<string, NodeBox> {
  const last = useRef<Map<string, NodeBox>>(new Map());
  return useMemo(() => {
    const prev = last.current;
    if (prev.size === nodes.length && nodes.every((n) => sameBox(n, prev.get(n.id)))) return prev;
    const next = new Map<string, NodeBox>();
    for (const n of nodes) {
      const old = prev.get(n.id);
      next.set(n.id, sameBox(n, old) ? old! : boxOf(n));
    }
    last.current = next;
    return next;
  }, [nodes]);
}

/** The node whose block contains the flow point (the topmost, i.e. last drawn), or null. */
export function farNodeAt(nodes: readonly FlowNode[], boxes: ReadonlyMap<string, NodeBox>, x: number, y: number): string | null {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const b = boxes.get(nodes[i].id);
    if (b && x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height) return nodes[i].id;
  }
  return null;
}
