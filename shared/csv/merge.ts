/**
 * Puts parsed CSV nodes and edges into a board: checks what single rows cannot (repeated ids, flows between
 * nodes that exist nowhere) and validates the result as a whole board.
 */
import type { Board, BoardEdge, BoardNode } from '../board/types';
import { validateBoard } from '../board/validate';
import { GRID, type NodesCsv } from './nodes-csv';
import { sortProblems, type CsvFile, type CsvItems, type CsvProblem } from './table';

/** How many items the import adds and how many it replaces (same id already on the board). */
export interface MergeSummary {
  nodesAdded: number;
  nodesUpdated: number;
  edgesAdded: number;
  edgesUpdated: number;
}

/** The board with the CSV items in it, or every problem (each naming its file, row and column). */
export type MergeResult = { ok: true; board: Board; summary: MergeSummary } | { ok: false; problems: CsvProblem[] };

const EMPTY: CsvItems<never> = { items: [], rows: [] };

/** A problem for every row whose id an earlier row of the same file already used. */
function repeatedIds(file: CsvFile, what: string, csv: CsvItems<{ id: string }>): CsvProblem[] {
  const first = new Map<string, number>();
  const problems: CsvProblem[] = [];
  csv.items.forEach((item, i) => {
    const row = csv.rows[i] ?? 0;
    const seen = first.get(item.id);
    if (seen === undefined) first.set(item.id, row);
    else problems.push({ file, row, column: 'id', message: `${what} id ${JSON.stringify(item.id)} is used more than once in this file (first in row ${seen}).` });
  });
  return problems;
}

/** Items with the CSV's replacing those of the same id in place, new ones appended in file order. */
function upsert<T extends { id: string }>(existing: readonly T[], incoming: readonly T[], replace: (old: T, now: T) => T): { items: T[]; added: number; updated: number } {
  const byId = new Map(incoming.map((item) => [item.id, item]));
  const known = new Set(existing.map((item) => item.id));
  const items = existing.map((old) => (byId.has(old.id) ? replace(old, byId.get(old.id)!) : old));
  const fresh = incoming.filter((item) => !known.has(item.id));
  return { items: [...items, ...fresh], added: fresh.length, updated: incoming.length - fresh.length };
}

/** Maps a whole-board problem path (`nodes[7].label`) back to the CSV row it came from, when it did. */
function backToRow(path: string, message: string, board: Board, nodes: CsvItems<BoardNode>, edges: CsvItems<BoardEdge>, merged: Board): CsvProblem {
  const match = /^(nodes|edges)\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (match) {
    const file = match[1] as CsvFile;
    const item = (file === 'nodes' ? merged.nodes : merged.edges)[Number(match[2])];
    const csv: CsvItems<{ id: string }> = file === 'nodes' ? nodes : edges;
    const index = item === undefined ? -1 : csv.items.findIndex((i) => i.id === item.id);
    if (index >= 0) return { file, row: csv.rows[index] ?? 0, column: match[3] ?? '', message };
  }
  return { file: path.startsWith('edges') ? 'edges' : 'nodes', row: 0, column: path, message: `On the board "${board.title}": ${message}` };
}

/**
 * Adds the CSV's nodes and edges to a copy of `board`; an item whose id is already on the board replaces it
 * (a node placed by kind keeps its position on the board). New nodes placed by kind go to the right of the
 * board's existing nodes. Nothing is merged unless the whole result is a valid board.
 */
export function mergeCsvIntoBoard(board: Board, nodes: NodesCsv | CsvItems<BoardNode> = EMPTY, edges: CsvItems<BoardEdge> = EMPTY): MergeResult {
  const problems = [...repeatedIds('nodes', 'Node', nodes), ...repeatedIds('edges', 'Edge', edges)];
  const nodeIds = new Set([...board.nodes.map((n) => n.id), ...nodes.items.map((n) => n.id)]);
  edges.items.forEach((edge, i) => {
    const row = edges.rows[i] ?? 0;
    const where = 'which is neither in the nodes file nor on the board';
    if (!nodeIds.has(edge.from)) problems.push({ file: 'edges', row, column: 'from', message: `Edge ${JSON.stringify(edge.id)} starts at node ${JSON.stringify(edge.from)}, ${where}.` });
    if (!nodeIds.has(edge.to)) problems.push({ file: 'edges', row, column: 'to', message: `Edge ${JSON.stringify(edge.id)} ends at node ${JSON.stringify(edge.to)}, ${where}.` });
  });
  if (problems.length > 0) return { ok: false, problems: order(problems) };

  const autoPlaced = new Set('autoPlaced' in nodes ? nodes.autoPlaced : []);
  // reduce, not Math.max(...spread): a generated board can have more nodes than a call has arguments.
  const right = board.nodes.length === 0 ? 0 : board.nodes.reduce((m, n) => Math.max(m, n.position.x), -Infinity) + GRID.x;
  const top = board.nodes.length === 0 ? 0 : board.nodes.reduce((m, n) => Math.min(m, n.position.y), Infinity);
  const placed = nodes.items.map((n) => (autoPlaced.has(n.id) ? { ...n, position: { x: n.position.x + right, y: n.position.y + top } } : n));
  const mergedNodes = upsert(board.nodes, placed, (old, now) => (autoPlaced.has(now.id) ? { ...now, position: old.position } : now));
  const mergedEdges = upsert(board.edges, edges.items, (_old, now) => now);
  const merged: Board = { ...board, nodes: mergedNodes.items, edges: mergedEdges.items };
  const checked = validateBoard(merged);
  if (!checked.ok) return { ok: false, problems: order(checked.problems.map((p) => backToRow(p.path, p.message, board, nodes, edges, merged))) };
  return {
    ok: true,
    board: checked.board,
    summary: { nodesAdded: mergedNodes.added, nodesUpdated: mergedNodes.updated, edgesAdded: mergedEdges.added, edgesUpdated: mergedEdges.updated },
  };
}

/** Nodes-file problems first, then edges, each by row. */
function order(problems: CsvProblem[]): CsvProblem[] {
  const nodes = problems.filter((p) => p.file === 'nodes');
  const edges = problems.filter((p) => p.file === 'edges');
  return [...sortProblems(nodes, ['id']), ...sortProblems(edges, ['id', 'from', 'to'])];
}
