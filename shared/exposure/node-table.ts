import { NODE_KINDS, type NodeKind } from '../board/types';
import type { CleanNode } from './sanitize';

/** The node kinds the engine knows (board format v2's, `manufacturer` included). */
export const ENGINE_KINDS = NODE_KINDS;
/** One of ENGINE_KINDS. */
export type EngineKind = NodeKind;

/** Kind codes, in ENGINE_KINDS order. */
export const KIND = { mine: 0, refinery: 1, transport: 2, stockpile: 3, recycler: 4, consumer: 5, manufacturer: 6 } as const satisfies Record<EngineKind, number>;

/** Pseudo-origin keys: material of unknown origin, material that has passed no refinery, and none that passed no manufacturer. */
export const UNKNOWN = 0;
export const UNREFINED = 1;
export const UNMANUFACTURED = 2;

/** Whether an interned key is a pseudo-origin rather than a country. */
export function isPseudoOrigin(key: number): boolean {
  return key <= UNMANUFACTURED;
}

/** The board's nodes as flat arrays, with countries interned as small integers. */
export interface NodeTable {
  nodes: CleanNode[];
  index: Map<string, number>;
  kind: Uint8Array;
  country: Int32Array;
  /** Position of each node when all nodes are sorted by id (for tie-breaks without comparing strings). */
  idRank: Int32Array;
  /** Key -> name: 0 'unknown', 1 'unrefined', 2 'unmanufactured', then real countries. */
  keyNames: string[];
  keyOf: Map<string, number>;
}

/** Interns a country (or pseudo-origin) name as a key. */
export function internKey(table: NodeTable, name: string): number {
  let key = table.keyOf.get(name);
  if (key === undefined) {
    key = table.keyNames.length;
    table.keyNames.push(name);
    table.keyOf.set(name, key);
  }
  return key;
}

/** Builds the table for a list of clean nodes. */
export function buildNodeTable(nodes: CleanNode[]): NodeTable {
  const table: NodeTable = {
    nodes,
    index: new Map(nodes.map((n, i) => [n.id, i])),
    kind: new Uint8Array(nodes.length),
    country: new Int32Array(nodes.length),
    idRank: new Int32Array(nodes.length),
    keyNames: ['unknown', 'unrefined', 'unmanufactured'],
    keyOf: new Map([['unknown', UNKNOWN], ['unrefined', UNREFINED], ['unmanufactured', UNMANUFACTURED]]),
  };
  nodes.forEach((node, i) => {
    table.kind[i] = KIND[node.kind];
    table.country[i] = internKey(table, node.country);
  });
  const byId = nodes.map((_, i) => i).sort((a, b) => (nodes[a].id < nodes[b].id ? -1 : 1));
  byId.forEach((v, rank) => (table.idRank[v] = rank));
  return table;
}
