/**
 * A small RFC 4180 CSV reader and writer: quoted fields, doubled quotes, CRLF / LF / CR line ends, a leading
 * UTF-8 byte order mark. Pure; no dependency.
 */

/** The byte order mark spreadsheets (Excel) need to read a CSV file as UTF-8. */
export const BOM = '\uFEFF';

/** Where a CSV text cannot be read: `row` is the record (1-based, as a spreadsheet numbers it) where the problem starts. */
export interface CsvSyntaxError {
  row: number;
  message: string;
}

/** The records of a CSV text, or the first place it cannot be read. */
export type CsvParseResult = { ok: true; rows: string[][] } | { ok: false; error: CsvSyntaxError };

/**
 * Reads CSV text into records of fields. A blank line is a record with one empty field (so record numbers
 * match a spreadsheet's row numbers); the line end after the last record does not start another one.
 * Outside quotes a stray `"` is kept as a character, as spreadsheets do; after a closing quote only a
 * comma or a line end may follow.
 */
export function parseCsv(text: string): CsvParseResult {
  const rows: string[][] = [];
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  const n = source.length;
  let row: string[] = [];
  let i = 0;
  if (n === 0) return { ok: true, rows };
  for (;;) {
    // At the start of a field.
    let value = '';
    if (source[i] === '"') {
      const startRow = rows.length + 1;
      i++;
      for (;;) {
        const close = source.indexOf('"', i);
        if (close < 0) return { ok: false, error: { row: startRow, message: 'A quoted field is never closed: a " is missing.' } };
        value += source.slice(i, close);
        if (source[close + 1] === '"') {
          value += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      const next = source[i];
      if (i < n && next !== ',' && next !== '\r' && next !== '\n') {
        return { ok: false, error: { row: startRow, message: 'After a closing " only a comma or the end of the line may follow; write a " inside a quoted field as "".' } };
      }
    } else {
      let end = i;
      while (end < n && source[end] !== ',' && source[end] !== '\r' && source[end] !== '\n') end++;
      value = source.slice(i, end);
      i = end;
    }
    row.push(value);
    if (i >= n) {
      rows.push(row);
      return { ok: true, rows };
    }
    const sep = source[i];
    if (sep === ',') {
      i++;
      continue;
    }
    // A line end: CRLF, LF or a lone CR.
    i += sep === '\r' && source[i + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= n) return { ok: true, rows };
  }
}

// A leading U+FEFF is quoted too: at the very start of a file a reader would take it for a byte order mark.
const NEEDS_QUOTES = /^\uFEFF|[",\r\n]/;

/** One field as CSV: quoted (with doubled quotes) when it holds a comma, a quote or a line break, or starts with U+FEFF. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Options of writeCsv. */
export interface WriteCsvOptions {
  /** Start with a byte order mark (for Excel). Default false. */
  bom?: boolean;
}

/**
 * Writes records as CSV with CRLF line ends (RFC 4180), each record ending with one. A record of a single
 * empty field is written `""` so it is not read back as a blank line. parseCsv(writeCsv(rows)) equals rows
 * for any records with at least one field.
 */
export function writeCsv(rows: readonly (readonly string[])[], options: WriteCsvOptions = {}): string {
  const lines = rows.map((row) => (row.length === 1 && row[0] === '' ? '""' : row.map(csvField).join(',')));
  return (options.bom ? BOM : '') + lines.map((line) => `${line}\r\n`).join('');
}
