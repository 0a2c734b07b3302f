/** Terse builders for small hand-made boards in the format of board-format.md (tests only). */
import type { Board, BoardEdge, BoardNode, Disruption, DisruptionTarget, NodeKind } from '../../shared/board/types';

/** Optional node fields (capacity, demand, stock, label, ...). */
export type NodeExtras = Partial<Omit<BoardNode, 'id' | 'kind' | 'country'>>;

/** A node at the origin, labelled with its id. */
export function node(id: string, kind: NodeKind, country: string, extras: NodeExtras = {}): BoardNode {
  return { id, kind, label: id, country, position: { x: 0, y: 0 }, ...extras };
}

/** A planned flow of `volume` t/yr of `mineral` from `from` to `to`. */
export function edge(id: string, from: string, to: string, mineral: string, volume: number): BoardEdge {
  return { id, from, to, mineral, volume };
}

/** Optional disruption fields. */
export interface DisruptionExtras {
  minerals?: string[];
  enabled?: boolean;
  label?: string;
}

/** An enabled disruption (every mineral unless `minerals` is given). */
export function disruption(id: string, target: DisruptionTarget, factor: number, days: number, extras: DisruptionExtras = {}): Disruption {
  const { minerals, enabled = true, label = id } = extras;
  return { id, label, enabled, target, factor, days, ...(minerals === undefined ? {} : { minerals }) };
}

/** A whole board file (version 2, no expansions, price floors or prices). */
export function board(nodes: BoardNode[], edges: BoardEdge[], disruptions: Disruption[] = []): Board {
  return {
    format: 'lodestone.board',
    version: 2,
    title: 'test board',
    nodes,
    edges,
    scenario: { name: 'test', disruptions, expansions: [], priceFloors: [] },
    notes: [],
  };
}
