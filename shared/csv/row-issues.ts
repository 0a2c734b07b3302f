/** Turns the board schema's zod issues for one CSV row into problems that name the row, the column and the reason. */
import type { z } from 'zod';
import type { CsvFile, CsvProblem } from './table';

type Issue = z.core.$ZodIssue;

/** Maps a schema path (`position.x`, `capacity.cobalt`, `tags.1`) to the CSV column holding that value. */
export type ColumnOf = (path: readonly PropertyKey[]) => string;

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (typeof value === 'number') return String(value);
  return 'nothing';
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** "The capacity of cobalt" for an amount, "The volume" for a plain column. */
function subject(column: string, path: readonly PropertyKey[]): string {
  const key = path[1];
  if (path.length === 2 && typeof key === 'string' && ['capacity', 'demand', 'stock'].includes(column)) return `The ${column} of ${JSON.stringify(key)}`;
  return `The ${column}`;
}

function rangeMessage(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>, value: unknown, who: string): string {
  const small = issue.code === 'too_small';
  const bound = String(small ? issue.minimum : issue.maximum);
  if (issue.origin === 'string') {
    const length = typeof value === 'string' ? value.length : 0;
    return small ? `${who} must not be empty.` : `${who} must be at most ${bound} characters (it has ${length}).`;
  }
  const relation = small ? (issue.inclusive ? `at least ${bound}` : `greater than ${bound}`) : issue.inclusive ? `at most ${bound}` : `less than ${bound}`;
  return `${who} must be ${relation}, not ${describe(value)}.`;
}

/** A sentence for one issue; the schema's own custom messages (ids, minerals, countries, text) are already sentences. */
function message(issue: Issue, candidate: unknown, column: string, what: string): string {
  const path = issue.path as PropertyKey[];
  const value = valueAt(candidate, path);
  const who = subject(column, path);
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined ? `The ${column} cell is empty; every ${what} needs one.` : `${who} must be a finite number, not ${describe(value)}.`;
    case 'invalid_value':
      return `${who} must be one of ${issue.values.map(String).join(', ')}, not ${describe(value)}.`;
    case 'too_small':
    case 'too_big':
      return rangeMessage(issue, value, who);
    case 'invalid_key':
      return issue.issues[0]?.message ?? `${JSON.stringify(String(path[path.length - 1]))} is not allowed in ${column}.`;
    default:
      return issue.message.endsWith('.') ? issue.message : `${issue.message}.`;
  }
}

/**
 * Validates one row's candidate item with a schema; every issue becomes a problem on its column. Issues on
 * `skip` columns (already reported, e.g. a cell that is not a number) are left out.
 */
export function rowProblems<T>(
  schema: z.ZodType<T>,
  candidate: unknown,
  at: { file: CsvFile; row: number; what: string; columnOf: ColumnOf; skip: ReadonlySet<string> },
): { ok: true; item: T } | { ok: false; problems: CsvProblem[] } {
  const parsed = schema.safeParse(candidate);
  if (parsed.success) return { ok: true, item: parsed.data };
  const problems: CsvProblem[] = [];
  for (const issue of parsed.error.issues) {
    const column = at.columnOf(issue.path as PropertyKey[]);
    if (at.skip.has(column)) continue;
    problems.push({ file: at.file, row: at.row, column, message: message(issue, candidate, column, at.what) });
  }
  return { ok: false, problems };
}
