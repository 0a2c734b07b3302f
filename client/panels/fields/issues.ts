/** Turns zod issues into one sentence per field in the page's language, and parses what people type into numbers and lists. */
import type { IntlShape } from 'react-intl';
import type { z } from 'zod';
import { ITEM_ID_PATTERN, MINERAL_KEY_PATTERN } from '../../../shared/board/types';
import { parseAmount } from '../../../shared/input/amount';

type Issue = z.core.$ZodIssue;
type Parsed = { success: true } | { success: false; error: { issues: Issue[] } };

const MINERAL_PATTERN = String(MINERAL_KEY_PATTERN);
const ID_PATTERN = String(ITEM_ID_PATTERN);
const COUNTRY_FIELDS = new Set(['country', 'to', 'countries', 'excludeCountries']);

/** The value at `path` inside `input` (a candidate item), or undefined. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at = input;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key as string];
  }
  return at;
}

/**
 * A sentence in the page's language for one zod issue, from its code and path (never zod's English):
 * `input` is the candidate that was checked, so the sentence can quote the value ("Mineral "Bad Key" ...").
 */
export function issueSentence(intl: IntlShape, issue: Issue, input?: unknown): string {
  const m = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `panels.issue.${id}` }, values);
  const quoted = (id: string, value: unknown) => (typeof value === 'string' ? m(id, { value }) : m(`${id}.any`));
  const number = (v: unknown) => intl.formatNumber(Number(v));
  const formatSentence = (pattern: string | undefined, value: unknown) =>
    pattern === MINERAL_PATTERN ? quoted('mineral', value) : pattern === ID_PATTERN ? quoted('id', value) : m('invalid');
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'number') return issue.inclusive ? m('atMost', { max: number(issue.maximum) }) : m('lessThan', { max: number(issue.maximum) });
      if (issue.origin === 'string') return m('maxChars', { max: Number(issue.maximum) });
      return m('invalid');
    case 'too_small':
      if (issue.origin === 'number') return issue.inclusive ? m('atLeast', { min: number(issue.minimum) }) : m('moreThan', { min: number(issue.minimum) });
      if (issue.origin === 'string') return Number(issue.minimum) === 1 ? m('empty') : m('minChars', { min: Number(issue.minimum) });
      return m('invalid');
    case 'invalid_type':
      return issue.expected === 'number' ? m('number') : m('invalid');
    case 'invalid_key': {
      // A record key (a mineral in capacity, demand, stock or prices): the key is the path's last part.
      const inner = issue.issues[0];
      const key = String(issue.path[issue.path.length - 1] ?? '');
      return inner && inner.code === 'invalid_format' ? formatSentence(inner.pattern, key) : m('invalid');
    }
    case 'invalid_format':
      return formatSentence('pattern' in issue ? issue.pattern : undefined, valueAt(input, issue.path));
    case 'custom': {
      const field = issue.path.find((k) => typeof k === 'string' && COUNTRY_FIELDS.has(k));
      return field !== undefined ? quoted('country', valueAt(input, issue.path)) : m('brokenText');
    }
    case 'invalid_value':
      return m('choose');
    case 'invalid_union':
      return m('target');
    case 'unrecognized_keys':
      return m('unknownField', { fields: issue.keys.join(', ') });
    default:
      return m('invalid');
  }
}

/** The first problem at `path` or below it, as a sentence; null when that part of the candidate (`input`) is valid. */
export function errorAt(intl: IntlShape, result: Parsed, path: readonly PropertyKey[], input?: unknown): string | null {
  if (result.success) return null;
  const issue = result.error.issues.find((i) => path.every((key, n) => String(i.path[n]) === String(key)));
  return issue === undefined ? null : issueSentence(intl, issue, input);
}

/** Every problem of a candidate (`input`), by top-level field (for forms that show each next to its field). */
export function errorsByField(intl: IntlShape, result: Parsed, input?: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (result.success) return out;
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.');
    const top = String(issue.path[0] ?? '');
    out[key] ??= issueSentence(intl, issue, input);
    out[top] ??= issueSentence(intl, issue, input);
  }
  return out;
}

/** A typed number: '' is undefined (absent); "12k", "1,5M", "2 500" and "12,000" are read (shared/input/amount.ts); other text is NaN. */
export function parseNumber(text: string): number | undefined {
  return parseAmount(text);
}

/** A number as people type it back: no exponent for ordinary sizes, empty for absent. */
export function numberText(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}

/** A comma list: trimmed, empty entries dropped, duplicates removed. */
export function parseList(text: string): string[] {
  return [...new Set(text.split(',').map((s) => s.trim()).filter((s) => s !== ''))];
}
