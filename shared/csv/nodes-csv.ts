/**
 * Nodes as CSV, one row per node: id, kind, label, country, x, y, lat, lon, capacity, demand, stock, tags, recovery_days.
 * Amounts are written `cobalt=120;copper=30`, tags `estimate;project`. Each row is checked with the board
 * schema's NodeSchema; every problem names its row and column.
 */
import { NodeSchema } from '../board/schema';
import type { BoardNode, NodeKind } from '../board/types';
import { amountsCell, numberCell, protectCell, readAmounts, readNumber, readTags, tagsCell } from './cells';
import { writeCsv } from './csv';
import { rowProblems } from './row-issues';
import { readTable, sortProblems, type CsvItems, type CsvProblem, type TableRecord } from './table';

/** The node columns, in the order the template and the writer use. */
export const NODE_COLUMNS = ['id', 'kind', 'label', 'country', 'x', 'y', 'lat', 'lon', 'capacity', 'demand', 'stock', 'tags', 'recovery_days'] as const;
/** Columns every nodes file must have; x and y may be left out (the nodes are then laid out by kind). */
export const NODE_REQUIRED_COLUMNS = ['id', 'kind', 'label', 'country'] as const;

/** Parsed nodes and the ids of those whose x and y were empty (placed on a grid by kind). */
export interface NodesCsv extends CsvItems<BoardNode> {
  autoPlaced: string[];
}

/** The outcome of parseNodesCsv. */
export type NodesCsvParsed = ({ ok: true } & NodesCsv) | { ok: false; problems: CsvProblem[] };

/** Grid column per kind for nodes without a position: sources left, consumers right. */
const KIND_COLUMN: Record<NodeKind, number> = { mine: 0, recycler: 0, refinery: 1, transport: 2, manufacturer: 3, stockpile: 3, consumer: 4 };
/** Grid spacing of placed nodes, in canvas units. */
export const GRID = { x: 280, y: 140 };

/** The CSV rows of nodes (header first); text cells that a spreadsheet would run as a formula are protected (protectCell). */
export function nodeRows(nodes: readonly BoardNode[]): string[][] {
  return [
    [...NODE_COLUMNS],
    ...nodes.map((n) => [
      protectCell(n.id), protectCell(n.kind), protectCell(n.label), protectCell(n.country), numberCell(n.position.x), numberCell(n.position.y),
      n.lat === undefined ? '' : numberCell(n.lat), n.lon === undefined ? '' : numberCell(n.lon),
      amountsCell(n.capacity), amountsCell(n.demand), amountsCell(n.stock), protectCell(tagsCell(n.tags)),
      n.recoveryDays === undefined ? '' : numberCell(n.recoveryDays),
    ]),
  ];
}

/** Nodes as a CSV file (CRLF, no byte order mark); parseNodesCsv reads it back to the same nodes. */
export function nodesToCsv(nodes: readonly BoardNode[]): string {
  return writeCsv(nodeRows(nodes));
}

const EXAMPLE_NODES: BoardNode[] = [
  { id: 'cd-mine', kind: 'mine', label: 'Kolwezi copper-cobalt belt', country: 'CD', position: { x: 0, y: 0 }, lat: -10.7, lon: 25.5, capacity: { cobalt: 120, copper: 30 }, tags: ['estimate'] },
  { id: 'fi-ref', kind: 'refinery', label: 'Kokkola refinery', country: 'FI', position: { x: 280, y: 0 }, lat: 63.8, lon: 23.1, capacity: { cobalt: 15 } },
  { id: 'eu-store', kind: 'stockpile', label: 'EU strategic store', country: 'DE', position: { x: 560, y: 140 }, stock: { cobalt: 5 } },
  { id: 'eu-ind', kind: 'consumer', label: 'EU battery makers', country: 'DE', position: { x: 840, y: 0 }, demand: { cobalt: 100 } },
];

/** A nodes file to start from: the header and example rows (they import together with EDGES_CSV_TEMPLATE). */
export const NODES_CSV_TEMPLATE = nodesToCsv(EXAMPLE_NODES);

/** Where the value of a schema path sits. */
function nodeColumn(path: readonly PropertyKey[]): string {
  const [first, second] = path;
  if (first === 'position' && (second === 'x' || second === 'y')) return second;
  if (first === 'recoveryDays') return 'recovery_days';
  return typeof first === 'string' ? first : '';
}

const blank = (text: string): boolean => text.trim() === '';

/** One row as a candidate node (fields only when their cell has a value) and the cells that could not be read. */
function candidateOf(record: TableRecord, file: 'nodes'): { candidate: Record<string, unknown>; problems: CsvProblem[] } {
  const { cells, row } = record;
  const problems: CsvProblem[] = [];
  const candidate: Record<string, unknown> = {};
  const fail = (column: string, message: string) => problems.push({ file, row, column, message });
  const text = (column: string, trim: boolean) => {
    if (!blank(cells[column])) candidate[column] = trim ? cells[column].trim() : cells[column];
  };
  const number = (column: string): number | undefined => {
    if (blank(cells[column])) return undefined;
    const read = readNumber(cells[column]);
    if (read.ok) return read.value;
    fail(column, `The ${column} ${read.message.charAt(0).toLowerCase()}${read.message.slice(1)}`);
    return undefined;
  };
  text('id', true);
  text('kind', true);
  text('label', false);
  text('country', true);
  const x = number('x');
  const y = number('y');
  if (blank(cells.x) !== blank(cells.y)) fail(blank(cells.x) ? 'x' : 'y', 'Give both x and y, or leave both empty to have the node placed by its kind.');
  candidate.position = { x: x ?? 0, y: y ?? 0 };
  for (const column of ['lat', 'lon'] as const) {
    const value = number(column);
    if (value !== undefined) candidate[column] = value;
  }
  const recoveryDays = number('recovery_days');
  if (recoveryDays !== undefined) candidate.recoveryDays = recoveryDays;
  for (const column of ['capacity', 'demand', 'stock'] as const) {
    const read = readAmounts(cells[column]);
    if (!read.ok) fail(column, `The ${column} cell: ${read.message}`);
    else if (read.value !== undefined) candidate[column] = read.value;
  }
  const tags = readTags(cells.tags);
  if (tags !== undefined) candidate.tags = tags;
  return { candidate, problems };
}

/**
 * Reads a nodes CSV file. Either every row is a valid node, or every problem of every row is listed
 * (row 1 is the header). Blank rows are skipped; rows with empty x and y are placed on a grid by kind.
 */
export function parseNodesCsv(text: string): NodesCsvParsed {
  const table = readTable(text, { file: 'nodes', columns: NODE_COLUMNS, required: NODE_REQUIRED_COLUMNS });
  const problems = [...table.problems];
  const result: NodesCsv = { items: [], rows: [], autoPlaced: [] };
  const missing = new Set(NODE_REQUIRED_COLUMNS.filter((c) => !table.present.has(c)));
  const perColumn = new Map<number, number>();
  for (const record of table.records) {
    const { candidate, problems: cellProblems } = candidateOf(record, 'nodes');
    const skip = new Set([...missing, ...cellProblems.map((p) => p.column)]);
    const checked = rowProblems(NodeSchema, candidate, { file: 'nodes', row: record.row, what: 'node', columnOf: nodeColumn, skip });
    problems.push(...cellProblems);
    if (!checked.ok) {
      problems.push(...checked.problems);
      continue;
    }
    if (cellProblems.length > 0) continue;
    const node = checked.item as BoardNode;
    if (blank(record.cells.x) && blank(record.cells.y)) {
      const column = KIND_COLUMN[node.kind];
      const slot = perColumn.get(column) ?? 0;
      perColumn.set(column, slot + 1);
      node.position = { x: column * GRID.x, y: slot * GRID.y };
      result.autoPlaced.push(node.id);
    }
    result.items.push(node);
    result.rows.push(record.row);
  }
  return problems.length > 0 ? { ok: false, problems: sortProblems(problems, NODE_COLUMNS) } : { ok: true, ...result };
}
