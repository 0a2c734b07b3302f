/**
 * Large boards: the view is fitted to the board before React Flow draws any node, so the first drawing is the
 * fitted one (zoomed out, the far layer) instead of thousands of full cards at zoom 1 that are then thrown away.
 */
import { useEffect, useState, type RefObject } from 'react';
import { getViewportForBounds, useReactFlow } from '@xyflow/react';
import type { BoardNode } from '../../shared/board/types';
import { DEFAULT_NODE_SIZE } from './node-size';

/** How the first fit frames the board (React Flow's fitView options and zoom limits). */
export interface FitSettings {
  padding: number;
  minZoom: number;
  maxZoom: number;
}

/** The flow-space box around nodes at their default card size. */
export function nodesBox(nodes: readonly BoardNode[]): { x: number; y: number; width: number; height: number } {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const n of nodes) {
    x0 = Math.min(x0, n.position.x);
    y0 = Math.min(y0, n.position.y);
    x1 = Math.max(x1, n.position.x + DEFAULT_NODE_SIZE.width);
    y1 = Math.max(y1, n.position.y + DEFAULT_NODE_SIZE.height);
  }
  return nodes.length === 0 ? { x: 0, y: 0, width: 0, height: 0 } : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** False while a large board waits for its first fit (draw no nodes yet); true afterwards and for small boards. */
export function useInitialFit(nodes: readonly BoardNode[], loaded: boolean, large: boolean, container: RefObject<HTMLElement | null>, fit: FitSettings): boolean {
  const rf = useReactFlow();
  const [done, setDone] = useState(false);
  // An effect, not a layout effect: it runs after React Flow's own effects have set up its zoom, so setViewport works.
  useEffect(() => {
    if (done || !loaded || nodes.length === 0) return;
    const rect = container.current?.getBoundingClientRect();
    if (large && rect && rect.width > 0 && rect.height > 0) {
      void rf.setViewport(getViewportForBounds(nodesBox(nodes), rect.width, rect.height, fit.minZoom, fit.maxZoom, fit.padding));
    }
    // A board that is small when its first nodes arrive is never held back later (an import that makes it large).
    setDone(true);
  }, [done, loaded, large, nodes, rf, container, fit]);
  return done || !large;
}
