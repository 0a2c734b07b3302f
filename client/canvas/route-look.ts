/** How a flow is drawn beyond its mineral colour: alternative routes (volume 0 with a capacity) dashed grey, rerouted flows after rerouting. */
import type { IntlShape } from 'react-intl';
import type { BoardEdge } from '../../shared/board/types';
import { flowTextIn } from './format';

/** Grey of an unused alternative route. */
export const ALTERNATIVE_COLOR = '#9aa0a6';

/** True for an alternative route: unused in the plan (volume 0) but with a capacity for rerouting. */
export function isAlternative(edge: Pick<BoardEdge, 'volume' | 'capacity'>): boolean {
  return edge.volume === 0 && typeof edge.capacity === 'number';
}

/** The label of a flow in `intl`'s language: "cobalt · 1,200 t/yr", "cobalt · alternative, up to 500 t/yr", or the rerouted volume. */
export function flowText(intl: IntlShape, edge: Pick<BoardEdge, 'mineral' | 'volume' | 'capacity'>, rerouted: number | null): string {
  return flowTextIn(intl, edge, rerouted, isAlternative(edge));
}
