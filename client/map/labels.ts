/** Which node labels the map shows: those in view that do not overlap (on a large board only from a zoom on). Pure. */
import type { MapTransform } from './view-transform';

/** From this zoom on, a large board's labels show (a small board's at any zoom). */
export const LABEL_ZOOM = 3;
/** At most this many labels at once: more cannot be read, and each costs the browser on every pan. */
export const MAX_LABELS = 250;

/** A node as the labeller sees it: frame point, ring offset (screen frame units), label, how critical it is. */
export interface LabelCandidate {
  id: string;
  x: number;
  y: number;
  dx: number;
  dy: number;
  label: string;
  criticality: number;
}

/** The visible part of the map, in screen frame units (after the pan and zoom). */
export interface ViewRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A label's box around its node's centre, in screen frame units (10 px type under the node's circle). */
function labelBox(c: LabelCandidate, sx: number, sy: number): ViewRect {
  const half = Math.max(12, c.label.length * 2.9);
  return { left: sx - half, right: sx + half, top: sy + 13, bottom: sy + 27 };
}

const overlaps = (a: ViewRect, b: ViewRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * The ids whose labels show: the selected ones always, and the nodes in `view` whose label does not overlap one
 * already placed, the most critical first, at most MAX_LABELS; on a board that is not `small`, only from LABEL_ZOOM on.
 */
export function labelledNodes(candidates: readonly LabelCandidate[], t: MapTransform, view: ViewRect, selected: ReadonlySet<string>, small: boolean): Set<string> {
  const shown = new Set<string>([...selected]);
  if (!small && t.k < LABEL_ZOOM) return shown;
  const inView = candidates
    .map((c, order) => ({ c, order, sx: t.k * c.x + t.x + c.dx, sy: t.k * c.y + t.y + c.dy }))
    .filter(({ sx, sy }) => sx >= view.left && sx <= view.right && sy >= view.top && sy <= view.bottom)
    .sort((a, b) => Number(selected.has(b.c.id)) - Number(selected.has(a.c.id)) || b.c.criticality - a.c.criticality || a.order - b.order);
  // Placed boxes in a coarse grid, so each new label checks only its neighbours.
  const CELL = 64;
  const grid = new Map<string, ViewRect[]>();
  const cells = (r: ViewRect) => {
    const keys: string[] = [];
    for (let gx = Math.floor(r.left / CELL); gx <= Math.floor(r.right / CELL); gx++) {
      for (let gy = Math.floor(r.top / CELL); gy <= Math.floor(r.bottom / CELL); gy++) keys.push(`${gx},${gy}`);
    }
    return keys;
  };
  let placed = 0;
  for (const { c, sx, sy } of inView) {
    if (placed >= MAX_LABELS) break;
    const box = labelBox(c, sx, sy);
    const keys = cells(box);
    if (keys.some((k) => grid.get(k)?.some((other) => overlaps(box, other)))) continue;
    for (const k of keys) grid.set(k, [...(grid.get(k) ?? []), box]);
    shown.add(c.id);
    placed++;
  }
  return shown;
}
