/**
 * On the live canvas, which flows a lever cuts reaches each drawn flow through a context, and flows draw their own
 * arrowheads: a lever toggle then changes no React Flow edge object (React Flow re-indexes all 8,000 edges of a dense
 * board, and rebuilds its arrowhead list, on any change to the edges), and only the flows on screen re-render.
 */
import { createContext, memo } from 'react';
import type { Disruption } from '../../shared/board/types';

/** The live canvas's cut flows (edge id -> the levers cutting it); null where edges carry it in their data (read-only boards). */
export const EdgeCutContext = createContext<ReadonlyMap<string, Disruption[]> | null>(null);

/** The id of the arrowhead marker of one colour. */
export function arrowId(color: string): string {
  return `ls-arrow-${color.replace(/[^0-9a-zA-Z]/g, '')}`;
}

/** Closed arrowheads, one per colour, drawn as React Flow's ArrowClosed at 14 px in user space. */
export const EdgeArrows = memo(function EdgeArrows({ colors }: { colors: readonly string[] }) {
  return (
    <svg className="ls-edge-arrows" aria-hidden="true" style={{ position: 'absolute', width: 0, height: 0 }}>
      <defs>
        {colors.map((color) => (
          <marker key={color} id={arrowId(color)} className="react-flow__arrowhead" markerWidth="14" markerHeight="14" viewBox="-10 -10 20 20"
            markerUnits="userSpaceOnUse" orient="auto-start-reverse" refX="0" refY="0">
            <polyline style={{ strokeWidth: 1, stroke: color, fill: color }} strokeLinecap="round" strokeLinejoin="round" points="-5,-4 0,0 -5,4 -5,-4" />
          </marker>
        ))}
      </defs>
    </svg>
  );
});
