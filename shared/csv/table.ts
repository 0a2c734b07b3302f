/** A CSV file with a header row read as named cells per row, and the problem type every CSV reader reports. */
import { unprotectCell } from './cells';
import { parseCsv } from './csv';

/** Which imported file a problem is in. */
export type CsvFile = 'nodes' | 'edges';

/**
 * One thing wrong in an imported CSV file: `row` as a spreadsheet shows it (the header is row 1, the first
 * data row is 2; 0 for the file as a whole), the column's header name ("" when it is about the whole row),
 * and a sentence for a person.
 */
export interface CsvProblem {
  file: CsvFile;
  row: number;
  column: string;
  message: string;
}

/** The rows read from a CSV file, in file order, with the row number each came from. */
export interface CsvItems<T> {
  items: T[];
  rows: number[];
}

/** Items, or every problem found. */
export type CsvParsed<T> = ({ ok: true } & CsvItems<T>) | { ok: false; problems: CsvProblem[] };

/** One data row: its spreadsheet row number and its cells by (lower-case) column name; absent columns read "". */
export interface TableRecord {
  row: number;
  cells: Record<string, string>;
}

/** The columns a file may have and those it must have. */
export interface TableSpec {
  file: CsvFile;
  columns: readonly string[];
  required: readonly string[];
}

const quote = (text: string): string => JSON.stringify(text);

/** Names the header's problems: unknown, repeated and missing columns, unnamed columns that hold values. */
function headerProblems(header: string[], body: string[][], spec: TableSpec): { problems: CsvProblem[]; index: Map<string, number> } {
  const problems: CsvProblem[] = [];
  const index = new Map<string, number>();
  const at = (column: string, message: string) => problems.push({ file: spec.file, row: 1, column, message });
  header.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if (name === '') {
      // Spreadsheets often save trailing empty columns; an unnamed column only matters when it holds values.
      const used = body.find((cells) => (cells[i] ?? '').trim() !== '');
      if (used) at('', `Column ${i + 1} has no name in the header but holds values; name it or remove it.`);
    } else if (!spec.columns.includes(name)) {
      at(raw, `Unknown column ${quote(raw)}; the columns are ${spec.columns.join(', ')}.`);
    } else if (index.has(name)) {
      at(raw, `The column ${quote(name)} appears twice in the header.`);
    } else {
      index.set(name, i);
    }
  });
  for (const name of spec.required) if (!index.has(name)) at(name, `The column ${quote(name)} is missing from the header (row 1).`);
  return { problems, index };
}

/** The data rows of a table, the problems of the file and its header, and the columns the header names. */
export interface Table {
  records: TableRecord[];
  problems: CsvProblem[];
  present: ReadonlySet<string>;
}

/**
 * Reads a CSV text whose first row names the columns (in any order, any case). Blank rows are skipped but
 * still counted, so row numbers are those a spreadsheet shows. Rows are returned even when the header has
 * problems, so every row can still be checked (callers skip the columns the header lacks).
 */
export function readTable(text: string, spec: TableSpec): Table {
  const parsed = parseCsv(text);
  const none = (problem: Omit<CsvProblem, 'file'>): Table => ({ records: [], problems: [{ file: spec.file, ...problem }], present: new Set() });
  if (!parsed.ok) return none({ row: parsed.error.row, column: '', message: parsed.error.message });
  const [header, ...body] = parsed.rows;
  if (header === undefined || header.every((cell) => cell.trim() === '')) {
    return none({ row: 1, column: '', message: `The file is empty; its first row must name the columns (${spec.columns.join(', ')}).` });
  }
  const { problems, index } = headerProblems(header, body, spec);
  const records: TableRecord[] = [];
  body.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((cell) => cell.trim() === '')) return;
    const extra = cells.slice(header.length).some((cell) => cell.trim() !== '');
    if (extra) problems.push({ file: spec.file, row, column: '', message: `This row has ${cells.length} cells but the header names ${header.length} columns; remove the extra values or add a column name.` });
    const named: Record<string, string> = {};
    for (const name of spec.columns) {
      const at = index.get(name);
      // A cell the export protected from spreadsheets (protectCell) reads back as written.
      named[name] = at === undefined ? '' : unprotectCell(cells[at] ?? '');
    }
    records.push({ row, cells: named });
  });
  return { records, problems, present: new Set(index.keys()) };
}

/** Problems in reading order: by row, then by the column's place in `order`. */
export function sortProblems(problems: CsvProblem[], order: readonly string[]): CsvProblem[] {
  const rank = (column: string) => (order.includes(column) ? order.indexOf(column) : order.length);
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.row - b.p.row || rank(a.p.column) - rank(b.p.column) || a.i - b.i)
    .map(({ p }) => p);
}
