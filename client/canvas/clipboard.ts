/** The canvas clipboard: copied nodes and the flows between them, kept in memory and offered as board JSON. */
import type { Board, BoardEdge, BoardNode } from '../../shared/board/types';

/** What Ctrl+C copies and Ctrl+V pastes. */
export interface ClipboardItems {
  nodes: BoardNode[];
  edges: BoardEdge[];
}

/** The selected nodes and every edge whose two ends are among them (deep copies). */
export function copyItems(board: Pick<Board, 'nodes' | 'edges'>, ids: readonly string[]): ClipboardItems {
  const chosen = new Set(ids);
  const nodes = board.nodes.filter((n) => chosen.has(n.id));
  const nodeIds = new Set(nodes.map((n) => n.id));
  const edges = board.edges.filter((e) => nodeIds.has(e.from) && nodeIds.has(e.to));
  return structuredClone({ nodes, edges });
}

/** The items as a board file (board-format.md), for the system clipboard. */
export function clipboardJson(items: ClipboardItems): string {
  const board: Board = {
    format: 'lodestone.board', version: 2, title: 'Copied from Lodestone',
    nodes: items.nodes, edges: items.edges, scenario: { name: 'Baseline', disruptions: [], expansions: [], priceFloors: [] }, notes: [],
  };
  return JSON.stringify(board, null, 2);
}

/** The items moved by an offset (so each paste lands a step further). */
export function shiftItems(items: ClipboardItems, dx: number, dy: number): ClipboardItems {
  return { nodes: items.nodes.map((n) => ({ ...n, position: { x: n.position.x + dx, y: n.position.y + dy } })), edges: items.edges };
}

let memory: ClipboardItems | null = null;

/** The in-memory clipboard shared by every canvas of this tab. */
export const canvasClipboard = {
  get: (): ClipboardItems | null => memory,
  set(items: ClipboardItems | null): void {
    memory = items;
  },
};

/** Also puts the items on the system clipboard when the browser allows it (failures are harmless). */
export function writeSystemClipboard(items: ClipboardItems): void {
  const clip = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
  if (!clip?.writeText) return;
  clip.writeText(clipboardJson(items)).catch(() => undefined);
}
