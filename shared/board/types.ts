/** Board file format v1 (see docs/board-format.md): plain data shared by client, server and engine. */

/** The kinds of node a supply graph may hold. */
export const NODE_KINDS = ['mine', 'refinery', 'transport', 'stockpile', 'recycler', 'consumer'] as const;
/** One of NODE_KINDS. */
export type NodeKind = (typeof NODE_KINDS)[number];

/** Mineral key -> tonnes (per year for capacity and demand, plain tonnes for stock). */
export type MineralAmounts = Record<string, number>;

/** A canvas position. */
export interface Position {
  x: number;
  y: number;
}

/** A mine, refinery, transport link, stockpile, recycler or consumer. */
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
}

/** A planned flow of one mineral between two nodes, in t/yr. */
export interface BoardEdge {
  id: string;
  from: string;
  to: string;
  mineral: string;
  volume: number;
  label?: string;
}

/** What a disruption hits: one node, one edge, or a country (optionally only some kinds, or only its exports). */
export type DisruptionTarget =
  | { node: string }
  | { edge: string }
  | { country: string; kinds?: NodeKind[]; exportsOnly?: boolean };

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

/** The scenario a board is evaluated under. */
export interface Scenario {
  name: string;
  disruptions: Disruption[];
}

/** A free-text sticky note on the canvas. */
export interface BoardNote {
  id: string;
  text: string;
  position: Position;
}

/** A whole board file. `notes` and `scenario` are always present once validated. */
export interface Board {
  format: 'lodestone.board';
  version: 1;
  title: string;
  description?: string;
  nodes: BoardNode[];
  edges: BoardEdge[];
  scenario: Scenario;
  notes: BoardNote[];
}

/** Pattern every mineral key must match. */
export const MINERAL_KEY_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;
/** Pattern every node, edge, disruption and note id must match. */
export const ITEM_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/;
