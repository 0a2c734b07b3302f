/** The nodes the map cannot place (no latitude and longitude), for the "not on the map" strip. Pure. */
import type { BoardNode } from '../../shared/board/types';
import { hasCoordinates } from './projection';

/** Nodes without valid coordinates, by label (then id), so the strip reads like a list. */
export function nodesOffMap(nodes: readonly BoardNode[]): BoardNode[] {
  return nodes.filter((n) => !hasCoordinates(n)).sort((a, b) => a.label.localeCompare(b.label) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
