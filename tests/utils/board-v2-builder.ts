/** Terse builders for small hand-made boards in board format v2 (scenario-analysis.md), as plain JSON (tests only). */

/** A plain JSON object. */
export type Json = Record<string, unknown>;

/** A node at the origin, labelled with its id; `extras` may hold any v1 or v2 node field. */
export function node(id: string, kind: string, country: string, extras: Json = {}): Json {
  return { id, kind, label: id, country, position: { x: 0, y: 0 }, ...extras };
}

/** A planned flow; `extras` may hold `capacity`, `delayDays`, `label`. */
export function edge(id: string, from: string, to: string, mineral: string, volume: number, extras: Json = {}): Json {
  return { id, from, to, mineral, volume, ...extras };
}

/** An alternative route: volume 0 with a capacity (and optional delay). */
export function route(id: string, from: string, to: string, mineral: string, capacity: number, delayDays?: number): Json {
  return edge(id, from, to, mineral, 0, delayDays === undefined ? { capacity } : { capacity, delayDays });
}

/** An enabled lever (every mineral unless `extras.minerals` says otherwise). */
export function lever(id: string, target: Json, factor: number, days: number, extras: Json = {}): Json {
  return { id, label: id, enabled: true, target, factor, days, ...extras };
}

/** What a v2 board may carry beyond nodes, edges and levers. */
export interface BoardExtras {
  expansions?: Json[];
  priceFloors?: Json[];
  prices?: Record<string, number>;
}

/** A whole v2 board file. */
export function board(nodes: Json[], edges: Json[], levers: Json[] = [], extras: BoardExtras = {}): Json {
  return {
    format: 'lodestone.board', version: 2, title: 'test board', nodes, edges,
    scenario: { name: 'test', disruptions: levers, ...(extras.expansions ? { expansions: extras.expansions } : {}), ...(extras.priceFloors ? { priceFloors: extras.priceFloors } : {}) },
    notes: [],
    ...(extras.prices ? { prices: extras.prices } : {}),
  };
}
