/**
 * What the exposure worker needs to hear about a board change. The board reader keeps unchanged items'
 * object identity, so comparing item by item is cheap: edits that only move or rename nodes need
 * nothing, planned-volume edits become setEdgeVolume calls, lever edits one setDisruptions, the rest a load
 * (route capacities and delays, recovery days, expansions, price floors and prices included).
 */
import type { Board, BoardEdge, BoardNode, Disruption, MineralAmounts } from '../../shared/board/types';

/** The smallest message that brings the worker's engine from one board to the next. */
export type ExposureDelta =
  | { type: 'none' }
  | { type: 'load' }
  | { type: 'patch'; volumes: [string, number][]; disruptions: Disruption[] | null };

function sameAmounts(a: MineralAmounts | undefined, b: MineralAmounts | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && Object.is(a[k], b[k]));
}

/** True when the engine sees no difference between two versions of a node (position, label, tags do not count). */
function sameForEngine(a: BoardNode, b: BoardNode): boolean {
  return a.id === b.id && a.kind === b.kind && a.country === b.country && Object.is(a.recoveryDays, b.recoveryDays)
    && sameAmounts(a.capacity, b.capacity) && sameAmounts(a.demand, b.demand) && sameAmounts(a.stock, b.stock);
}

const validVolume = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Changed planned volumes, or null when an edge changed in another way (or a volume was or becomes invalid). */
function volumeChanges(prev: BoardEdge[], next: BoardEdge[]): [string, number][] | null {
  if (prev.length !== next.length) return null;
  const out: [string, number][] = [];
  for (let i = 0; i < next.length; i++) {
    const a = prev[i];
    const b = next[i];
    if (a === b) continue;
    if (a.id !== b.id || a.from !== b.from || a.to !== b.to || a.mineral !== b.mineral) return null;
    if (!Object.is(a.capacity, b.capacity) || !Object.is(a.delayDays, b.delayDays)) return null;
    if (Object.is(a.volume, b.volume)) continue;
    // An invalid volume carries a load-time warning that only a load clears.
    if (!validVolume(a.volume) || !validVolume(b.volume)) return null;
    out.push([b.id, b.volume]);
  }
  return out;
}

/** How the worker's engine, holding `prev`, gets to `next`. */
export function exposureDelta(prev: Board | null, next: Board): ExposureDelta {
  if (prev === null) return { type: 'load' };
  // Expansions, price floors and prices are few and rarely edited: any change reloads.
  if (prev.scenario.expansions !== next.scenario.expansions || prev.scenario.priceFloors !== next.scenario.priceFloors) return { type: 'load' };
  if (prev.prices !== next.prices && !sameAmounts(prev.prices, next.prices)) return { type: 'load' };
  if (prev.nodes !== next.nodes) {
    if (prev.nodes.length !== next.nodes.length) return { type: 'load' };
    for (let i = 0; i < next.nodes.length; i++) {
      if (prev.nodes[i] !== next.nodes[i] && !sameForEngine(prev.nodes[i], next.nodes[i])) return { type: 'load' };
    }
  }
  const volumes = prev.edges === next.edges ? [] : volumeChanges(prev.edges, next.edges);
  if (volumes === null) return { type: 'load' };
  const disruptions = prev.scenario.disruptions === next.scenario.disruptions ? null : next.scenario.disruptions;
  if (volumes.length === 0 && disruptions === null) return { type: 'none' };
  return { type: 'patch', volumes, disruptions };
}
