/** Nodes that share a site (same or very close place on the map) spread in a small ring so each can be picked. Pure. */
import type { MapXY } from './projection';

/** One node's place on the map frame. */
export interface SitePoint extends MapXY {
  id: string;
}

/** An offset in screen pixels from the node's place. */
export interface Offset {
  dx: number;
  dy: number;
}

/**
 * Screen offsets of the nodes that share a site: points closer than `near` (map frame units) to the first point of a
 * group join it; each group of two or more is laid on a ring of `radius` px (a larger ring for larger groups), in id
 * order so everyone sees the same ring. Nodes alone at their site are absent from the result.
 */
export function spreadSites(points: readonly SitePoint[], near = 1.5, radius = 16): Map<string, Offset> {
  const groups: SitePoint[][] = [];
  // A coarse grid of cells `near` wide: a point's group can only start in its cell or a neighbouring one.
  const cells = new Map<string, SitePoint[][]>();
  const cellOf = (x: number, y: number) => `${Math.floor(x / near)}:${Math.floor(y / near)}`;
  for (const p of [...points].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const cx = Math.floor(p.x / near);
    const cy = Math.floor(p.y / near);
    let joined: SitePoint[] | undefined;
    for (let dx = -1; dx <= 1 && !joined; dx++) {
      for (let dy = -1; dy <= 1 && !joined; dy++) {
        joined = cells.get(`${cx + dx}:${cy + dy}`)?.find((g) => Math.hypot(g[0].x - p.x, g[0].y - p.y) < near);
      }
    }
    if (joined) {
      joined.push(p);
      continue;
    }
    const group = [p];
    groups.push(group);
    const key = cellOf(p.x, p.y);
    const list = cells.get(key);
    if (list) list.push(group);
    else cells.set(key, [group]);
  }
  const offsets = new Map<string, Offset>();
  for (const group of groups) {
    if (group.length < 2) continue;
    const r = radius * Math.max(1, group.length / 6);
    group.forEach((p, i) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / group.length;
      offsets.set(p.id, { dx: Math.round(r * Math.cos(angle) * 10) / 10, dy: Math.round(r * Math.sin(angle) * 10) / 10 });
    });
  }
  return offsets;
}
