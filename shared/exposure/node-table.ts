import { NODE_KINDS, type NodeKind } from '../board/types';
import type { CleanNode } from './sanitize';

/** Kind codes, in NODE_KINDS order. */
export const KIND = { mine: 0, refinery: 1, transport: 2, stockpile: 3, recycler: 4, consumer: 5 } as const satisfies Record<NodeKind, number>;

/** Pseudo-origin keys: material of unknown origin, and material that has passed no refinery. */
export const UNKNOWN = 0;
export const UNREFINED = 1;

/** The board's nodes as flat arrays, with countries interned as small integers. */
export interface NodeTable {
  nodes: CleanNode[];
  index: Map<string, number>;
  kind: Uint8Array;
  country: Int32Array;
  /** Position of each node when all nodes are sorted by id (for tie-breaks without comparing strings). */
  idRank: Int32Array;
  /** Key -> name: 0 'unknown', 1 'unrefined', then real countries. */
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
    keyNames: ['unknown', 'unrefined'],
    keyOf: new Map([['unknown', UNKNOWN], ['unrefined', UNREFINED]]),
  };
  nodes.forEach((node, i) => {
    table.kind[i] = NODE_KINDS.indexOf(node.kind);
    table.country[i] = internKey(table, node.country);
  });
  const byId = nodes.map((_, i) => i).sort((a, b) => (nodes[a].id < nodes[b].id ? -1 : 1));
  byId.forEach((v, rank) => (table.idRank[v] = rank));
  return table;
}
