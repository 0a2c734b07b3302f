/** How a flow is drawn beyond its mineral colour: alternative routes (volume 0 with a capacity) dashed grey, rerouted flows after rerouting. */
import type { BoardEdge } from '../../shared/board/types';
import { volumeText } from './format';

/** Grey of an unused alternative route. */
export const ALTERNATIVE_COLOR = '#9aa0a6';

/** True for an alternative route: unused in the plan (volume 0) but with a capacity for rerouting. */
export function isAlternative(edge: Pick<BoardEdge, 'volume' | 'capacity'>): boolean {
  return edge.volume === 0 && typeof edge.capacity === 'number';
}

/** The label of a flow: "cobalt · 1,200 t/yr", "cobalt · alternative, up to 500 t/yr", or the rerouted volume. */
export function flowText(edge: Pick<BoardEdge, 'mineral' | 'volume' | 'capacity'>, rerouted: number | null): string {
  if (rerouted !== null) return `${edge.mineral} · ${volumeText(rerouted)} rerouted`;
  if (isAlternative(edge)) return `${edge.mineral} · alternative, up to ${volumeText(edge.capacity ?? 0)}`;
  return `${edge.mineral} · ${volumeText(edge.volume)}`;
}
