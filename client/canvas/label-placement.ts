/** Flow labels that would overlap another label are left out, most important labels first. */

/** A label's anchor and size in flow coordinates, and how much it matters. */
export interface LabelBox {
  id: string;
  /** Centre. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Higher first (disrupted flows, then bigger volumes). */
  priority: number;
}

type Box = {
  x: number;
  y: number;
  width: number;
  height: number;
};

const CELL = 160;

/** Ids of the labels to hide: each label is kept unless it overlaps a kept label of higher priority. */
export function hiddenLabels(labels: readonly LabelBox[]): Set<string> {
  const grid = new Map<string, Box[]>();
  const cells = (b: Box, fn: (key: string) => void) => {
    for (let cx = Math.floor(b.x / CELL); cx <= Math.floor((b.x + b.width) / CELL); cx++) {
      for (let cy = Math.floor(b.y / CELL); cy <= Math.floor((b.y + b.height) / CELL); cy++) fn(`${cx}:${cy}`);
    }
  };
  const add = (b: Box) => cells(b, (key) => {
    const list = grid.get(key);
    if (list) list.push(b);
    else grid.set(key, [b]);
  });
  const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  const blocked = (b: Box) => {
    let hit = false;
    cells(b, (key) => {
      if (!hit) hit = grid.get(key)?.some((o) => overlaps(o, b)) ?? false;
    });
    return hit;
  };
  const hidden = new Set<string>();
  const order = [...labels].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : 1));
  for (const label of order) {
    const box = { x: label.x - label.width / 2, y: label.y - label.height / 2, width: label.width, height: label.height };
    if (blocked(box)) hidden.add(label.id);
    else add(box);
  }
  return hidden;
}
