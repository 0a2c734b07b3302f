/**
 * Edges (planned flows) as CSV, one row per edge: id, from, to, mineral, volume, label, capacity, delay_days. Each row is checked
 * with the board schema's EdgeSchema; every problem names its row and column.
 */
import { EdgeSchema } from '../board/schema';
import type { BoardEdge } from '../board/types';
import { numberCell, protectCell, readNumber } from './cells';
import { writeCsv } from './csv';
import { rowProblems } from './row-issues';
import { readTable, sortProblems, type CsvParsed, type CsvProblem } from './table';

/** The edge columns, in the order the template and the writer use. */
export const EDGE_COLUMNS = ['id', 'from', 'to', 'mineral', 'volume', 'label', 'capacity', 'delay_days'] as const;
/** Columns every edges file must have (label, capacity and delay_days may be left out). */
export const EDGE_REQUIRED_COLUMNS = ['id', 'from', 'to', 'mineral', 'volume'] as const;

/** The CSV rows of edges (header first); text cells that a spreadsheet would run as a formula are protected (protectCell). */
export function edgeRows(edges: readonly BoardEdge[]): string[][] {
  const optional = (value: number | undefined) => (value === undefined ? '' : numberCell(value));
  return [
    [...EDGE_COLUMNS],
    ...edges.map((e) => [
      protectCell(e.id), protectCell(e.from), protectCell(e.to), protectCell(e.mineral), numberCell(e.volume), protectCell(e.label ?? ''),
      optional(e.capacity), optional(e.delayDays),
    ]),
  ];
}

/** Edges as a CSV file (CRLF, no byte order mark); parseEdgesCsv reads it back to the same edges. */
export function edgesToCsv(edges: readonly BoardEdge[]): string {
  return writeCsv(edgeRows(edges));
}

const EXAMPLE_EDGES: BoardEdge[] = [
  { id: 'e1', from: 'cd-mine', to: 'fi-ref', mineral: 'cobalt', volume: 15, label: 'Ore by rail and sea' },
  { id: 'e2', from: 'fi-ref', to: 'eu-ind', mineral: 'cobalt', volume: 15 },
  { id: 'e3', from: 'eu-store', to: 'eu-ind', mineral: 'cobalt', volume: 0, label: 'Backs the EU battery makers' },
];

/** An edges file to start from: the header and example rows between the nodes of NODES_CSV_TEMPLATE. */
export const EDGES_CSV_TEMPLATE = edgesToCsv(EXAMPLE_EDGES);

/** Number columns and the edge field each fills. */
const NUMBER_FIELDS = { volume: 'volume', capacity: 'capacity', delay_days: 'delayDays' } as const;

function edgeColumn(path: readonly PropertyKey[]): string {
  if (path[0] === 'delayDays') return 'delay_days';
  return typeof path[0] === 'string' ? path[0] : '';
}

/**
 * Reads an edges CSV file. Either every row is a valid edge, or every problem of every row is listed (row 1
 * is the header). Whether `from` and `to` name existing nodes is checked by mergeCsvIntoBoard.
 */
export function parseEdgesCsv(text: string): CsvParsed<BoardEdge> {
  const table = readTable(text, { file: 'edges', columns: EDGE_COLUMNS, required: EDGE_REQUIRED_COLUMNS });
  const problems = [...table.problems];
  const items: BoardEdge[] = [];
  const rows: number[] = [];
  const missing = new Set<string>(EDGE_REQUIRED_COLUMNS.filter((c) => !table.present.has(c)));
  for (const { row, cells } of table.records) {
    const candidate: Record<string, unknown> = {};
    const cellProblems: CsvProblem[] = [];
    for (const column of ['id', 'from', 'to', 'mineral'] as const) if (cells[column].trim() !== '') candidate[column] = cells[column].trim();
    if (cells.label.trim() !== '') candidate.label = cells.label;
    for (const [column, field] of Object.entries(NUMBER_FIELDS)) {
      if (cells[column].trim() === '') continue;
      const read = readNumber(cells[column]);
      if (read.ok) candidate[field] = read.value;
      else cellProblems.push({ file: 'edges', row, column, message: `The ${column} ${read.message.charAt(0).toLowerCase()}${read.message.slice(1)}` });
    }
    const skip = new Set([...missing, ...cellProblems.map((p) => p.column)]);
    const checked = rowProblems(EdgeSchema, candidate, { file: 'edges', row, what: 'edge', columnOf: edgeColumn, skip });
    problems.push(...cellProblems);
    if (!checked.ok) problems.push(...checked.problems);
    else if (cellProblems.length === 0) {
      items.push(checked.item as BoardEdge);
      rows.push(row);
    }
  }
  return problems.length > 0 ? { ok: false, problems: sortProblems(problems, EDGE_COLUMNS) } : { ok: true, items, rows };
}
