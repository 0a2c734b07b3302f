/** Validates untrusted board input (files, HTTP bodies, live docs) and names every problem in words. */
import type { z } from 'zod';
import { hasKey, isRecord, type BoardProblem } from './problem';
import { referenceProblems } from './references';
import { BoardSchema } from './schema';
import type { Board } from './types';
import { v2FieldsInV1 } from './v1-fields';

export type { BoardProblem } from './problem';

/** The outcome of validateBoard: a clean board, or every problem found. */
export type BoardValidation = { ok: true; board: Board } | { ok: false; problems: BoardProblem[] };

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

/** Formats a path as `nodes[3].capacity.cobalt`; keys that are not plain words are quoted in brackets. */
export function formatPath(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** One line per problem, `path: message`, for CLIs and HTTP 400 bodies. */
export function formatProblems(problems: readonly BoardProblem[]): string {
  return problems.map((p) => `${p.path === '' ? '(board)' : p.path}: ${p.message}`).join('\n');
}

function valueAt(root: unknown, path: readonly PathKey[]): { found: boolean; value: unknown } {
  let current = root;
  for (const key of path) {
    if (!hasKey(current, key)) return { found: false, value: undefined };
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return { found: true, value: current };
}

/** Describes any value in a few words without ever throwing (no JSON.stringify of objects or bigints). */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return value.length > 40 ? `the text ${JSON.stringify(value.slice(0, 40))}...` : `the text ${JSON.stringify(value)}`;
    case 'number':
      return Number.isNaN(value) ? 'NaN' : String(value);
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    case 'undefined':
      return 'nothing';
    default:
      return `a ${typeof value}`;
  }
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a finite number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  record: 'an object',
};

function fieldName(path: readonly PathKey[]): string {
  if (path.length === 0) return 'The board';
  const last = path[path.length - 1];
  return typeof last === 'number' ? 'This entry' : `"${String(last)}"`;
}

const TARGET_SHAPES = '{"node": id}, {"edge": id} or {"country": code, "kinds"?: [...], "exportsOnly"?: true|false, "to"?: [codes]}';

function unionMessage(value: unknown, field: string): string {
  if (!isRecord(value)) return `${field} must be exactly one of ${TARGET_SHAPES}, not ${describe(value)}.`;
  const keys = Object.keys(value);
  const got = keys.length === 0 ? 'an empty object' : `an object with ${keys.map((k) => `"${k}"`).join(', ')}`;
  return `${field} must be exactly one of ${TARGET_SHAPES}; got ${got}.`;
}

function rangeMessage(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>, value: unknown, field: string): string {
  const small = issue.code === 'too_small';
  const bound = String(small ? (issue as { minimum: unknown }).minimum : (issue as { maximum: unknown }).maximum);
  if (issue.origin === 'string') {
    const length = typeof value === 'string' ? value.length : 0;
    return small ? `${field} must not be empty.` : `${field} must be at most ${bound} characters (it has ${length}).`;
  }
  const relation = small
    ? issue.inclusive
      ? `at least ${bound}`
      : `greater than ${bound}`
    : issue.inclusive
      ? `at most ${bound}`
      : `less than ${bound}`;
  return `${field} must be ${relation}, not ${describe(value)}.`;
}

/** Turns one zod issue into one or more problems, with messages built from the offending value. */
function issueProblems(issue: Issue, base: readonly PathKey[], input: unknown): BoardProblem[] {
  const path = [...base, ...issue.path];
  const at = valueAt(input, path);
  const field = fieldName(path);
  const one = (message: string): BoardProblem[] => [{ path: formatPath(path), message }];
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      if (!at.found && path.length > 0) return one(`${field} is missing; it must be ${expected}.`);
      return one(`${field} must be ${expected}, not ${describe(at.value)}.`);
    }
    case 'too_small':
    case 'too_big':
      return one(rangeMessage(issue, at.value, field));
    case 'invalid_value': {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
      const rule = issue.values.length === 1 ? `must be ${allowed}` : `must be one of ${allowed}`;
      return one(`${field} ${rule}, not ${describe(at.value)}.`);
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: formatPath([...path, key]),
        message: `Unknown field "${key}": it is not part of the board format (version 2).`,
      }));
    case 'invalid_key':
      return one(issue.issues[0]?.message ?? `Key ${JSON.stringify(String(path[path.length - 1]))} is not allowed.`);
    case 'invalid_union': {
      // Report the one branch whose shape matched (only its values are wrong); otherwise the shape itself is wrong.
      const fitting = issue.errors.filter((branch) => branch.every((i) => i.path.length > 0));
      if (fitting.length === 1) return fitting[0].flatMap((i) => issueProblems(i, path, input));
      return one(unionMessage(at.value, field));
    }
    default:
      return one(issue.message.endsWith('.') ? issue.message : `${issue.message}.`);
  }
}

/** A copy without keys whose value is undefined, so a validated board is plain JSON data. */
function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutUndefined) as T;
  if (!isRecord(value)) return value;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return Object.fromEntries(entries.map(([k, v]) => [k, withoutUndefined(v)])) as T;
}

function unique(problems: BoardProblem[]): BoardProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Checks any value against the board format (version 1 or 2) and lists every problem; never throws.
 * The returned board is version 2, has defaults filled in (scenario and its lists, notes) and no keys set to undefined.
 */
export function validateBoard(input: unknown): BoardValidation {
  try {
    const parsed = BoardSchema.safeParse(input);
    const problems = parsed.success ? [] : parsed.error.issues.flatMap((issue) => issueProblems(issue, [], input));
    problems.push(...referenceProblems(input), ...v2FieldsInV1(input));
    if (parsed.success && problems.length === 0) return { ok: true, board: withoutUndefined(parsed.data) };
    return { ok: false, problems: unique(problems) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unknown error';
    return { ok: false, problems: [{ path: '', message: `The board could not be read (${reason}).` }] };
  }
}
