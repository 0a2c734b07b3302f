/** Board file format v2 (shared/board-format.md, scenario-analysis.md section 1): plain data shared by client, server and engine. */

/** The kinds of node a supply graph may hold. */
export const NODE_KINDS = ['mine', 'refinery', 'transport', 'stockpile', 'recycler', 'consumer', 'manufacturer'] as const;
/** One of NODE_KINDS. */
export type NodeKind = (typeof NODE_KINDS)[number];

/** Mineral key -> tonnes (per year for capacity and demand, plain tonnes for stock). */
export type MineralAmounts = Record<string, number>;

/** A canvas position. */
export interface Position {
  x: number;
  y: number;
}

/** A mine, refinery, manufacturer, transport link, stockpile, recycler or consumer. */
export interface BoardNode {
  id: string;
  kind: NodeKind;
  label: string;
  country: string;
  position: Position;
  lat?: number;
  lon?: number;
  capacity?: MineralAmounts;
  demand?: MineralAmounts;
  stock?: MineralAmounts;
  tags?: string[];
  /** Days this node needs to recover if it stops (its time to recover), > 0. */
  recoveryDays?: number;
}

/** A planned flow of one mineral between two nodes, in t/yr. */
export interface BoardEdge {
  id: string;
  from: string;
  to: string;
  mineral: string;
  volume: number;
  label?: string;
  /** The most this route can carry, t/yr; with `volume: 0` the edge is an alternative route. */
  capacity?: number;
  /** Extra days material takes on this route compared with the planned one. */
  delayDays?: number;
}

/** What a disruption hits: one node, one edge, or a country (optionally only some kinds, or only its exports). */
export type DisruptionTarget =
  | { node: string }
  | { edge: string }
  | { country: string; kinds?: NodeKind[]; exportsOnly?: boolean; to?: string[] };

/** A scenario lever. */
export interface Disruption {
  id: string;
  label: string;
  enabled: boolean;
  target: DisruptionTarget;
  minerals?: string[];
  factor: number;
  days: number;
}

/** Capacity that comes online at a node (a new mine, refinery or corridor upgrade), t/yr per mineral. */
export interface Expansion {
  id: string;
  label: string;
  enabled: boolean;
  node: string;
  capacity: MineralAmounts;
}

/** The supply stages a price floor can cover. */
export const PRICE_FLOOR_STAGES = ['mining', 'refining', 'manufacturing'] as const;
/** One of PRICE_FLOOR_STAGES. */
export type PriceFloorStage = (typeof PRICE_FLOOR_STAGES)[number];

/** A coordinated reference price acting as a floor for the producers of one stage, USD/kg. */
export interface PriceFloor {
  id: string;
  label: string;
  enabled: boolean;
  mineral: string;
  stage: PriceFloorStage;
  floor: number;
  /** Covered producers' countries; absent = all. */
  countries?: string[];
  /** Countries never covered. */
  excludeCountries?: string[];
}

/** The scenario a board is evaluated under; every list is present once validated. */
export interface Scenario {
  name: string;
  disruptions: Disruption[];
  expansions: Expansion[];
  priceFloors: PriceFloor[];
}

/** A free-text sticky note on the canvas. */
export interface BoardNote {
  id: string;
  text: string;
  position: Position;
}

/** A whole board file (always version 2 once validated). `notes` and `scenario` are always present once validated. */
export interface Board {
  format: 'lodestone.board';
  version: 2;
  title: string;
  description?: string;
  /** Market reference price of each mineral, USD/kg. */
  prices?: MineralAmounts;
  nodes: BoardNode[];
  edges: BoardEdge[];
  scenario: Scenario;
  notes: BoardNote[];
}

/** The version every validated board has and export writes (version 1 files are read as version 2). */
export const BOARD_VERSION = 2;

/** Pattern every mineral key must match. */
export const MINERAL_KEY_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;
/** Pattern every node, edge, disruption, expansion, price floor and note id must match. */
export const ITEM_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/;
