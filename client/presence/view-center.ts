/** Converts between a React Flow transform and the screen-size-independent view centre people share. */
import type { ViewCenter } from '../../shared/presence/presence';

/** The centre of a `width` x `height` pane in flow coordinates, for transform [tx, ty, zoom]. */
export function centerOf(transform: readonly [number, number, number], width: number, height: number): ViewCenter {
  const [tx, ty, zoom] = transform;
  return { x: (width / 2 - tx) / zoom, y: (height / 2 - ty) / zoom, zoom };
}

/** Whether two centres differ by less than `tolerance` screen pixels and 0.1 % zoom (not worth sending). */
export function sameCenter(a: ViewCenter | null, b: ViewCenter | null, tolerance = 0.5): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a.zoom - b.zoom) <= 0.001 * a.zoom && Math.abs(a.x - b.x) * a.zoom <= tolerance && Math.abs(a.y - b.y) * a.zoom <= tolerance;
}
