/**
 * The names and fields of the live document's board maps ("Live document layout (Yjs)" in board-format.md,
 * extended by scenario-analysis.md section 1): one table that writing, reading and applying boards share.
 */

/** Name of the map of node id -> node Y.Map. */
export const NODES_MAP = 'nodes';
/** Name of the map of edge id -> edge Y.Map. */
export const EDGES_MAP = 'edges';
/** Name of the map of disruption id -> disruption Y.Map. */
export const DISRUPTIONS_MAP = 'disruptions';
/** Name of the map of expansion id -> expansion Y.Map. */
export const EXPANSIONS_MAP = 'expansions';
/** Name of the map of price floor id -> price floor Y.Map. */
export const PRICE_FLOORS_MAP = 'priceFloors';
/** Name of the map holding title, description, scenarioName and prices. */
export const META_MAP = 'meta';
/** Name of the map of note id -> note Y.Map. */
export const NOTES_MAP = 'notes';
/** The maps writeBoardToDoc owns and clears; other maps in the doc are left alone. */
export const BOARD_MAP_NAMES = [NODES_MAP, EDGES_MAP, DISRUPTIONS_MAP, EXPANSIONS_MAP, PRICE_FLOORS_MAP, META_MAP, NOTES_MAP] as const;
/** Key of the number that orders items across peers (Y.Map key order is not stable). */
export const RANK_KEY = 'rank';
/** Key in the meta map of the nested Y.Map mineral -> price (USD/kg). */
export const PRICES_KEY = 'prices';

/** How one kind of board item is held: its top-level map, its fields (besides id and rank) in board order. */
export interface ItemLayout {
  map: string;
  keys: readonly string[];
  /** Fields held as a nested Y.Map mineral -> number, so concurrent edits of different minerals merge. */
  amountKeys: readonly string[];
}

/** Nodes: mineral amounts nested. */
export const NODE_LAYOUT: ItemLayout = {
  map: NODES_MAP,
  keys: ['kind', 'label', 'country', 'position', 'lat', 'lon', 'capacity', 'demand', 'stock', 'tags', 'recoveryDays'],
  amountKeys: ['capacity', 'demand', 'stock'],
};
/** Edges: every field plain (an edge's `capacity` is one number, not per mineral). */
export const EDGE_LAYOUT: ItemLayout = {
  map: EDGES_MAP,
  keys: ['from', 'to', 'mineral', 'volume', 'label', 'capacity', 'delayDays'],
  amountKeys: [],
};
/** Scenario levers: `target` a plain object, `minerals` a plain array. */
export const DISRUPTION_LAYOUT: ItemLayout = {
  map: DISRUPTIONS_MAP,
  keys: ['label', 'enabled', 'target', 'minerals', 'factor', 'days'],
  amountKeys: [],
};
/** Expansions: the added capacity nested per mineral. */
export const EXPANSION_LAYOUT: ItemLayout = {
  map: EXPANSIONS_MAP,
  keys: ['label', 'enabled', 'node', 'capacity'],
  amountKeys: ['capacity'],
};
/** Price floors: country lists as plain arrays. */
export const PRICE_FLOOR_LAYOUT: ItemLayout = {
  map: PRICE_FLOORS_MAP,
  keys: ['label', 'enabled', 'mineral', 'stage', 'floor', 'countries', 'excludeCountries'],
  amountKeys: [],
};
/** Notes. */
export const NOTE_LAYOUT: ItemLayout = { map: NOTES_MAP, keys: ['text', 'position'], amountKeys: [] };
