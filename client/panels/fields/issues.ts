/** Turns zod issues into one sentence per field, and parses what people type into numbers and lists. */
import type { z } from 'zod';
import { parseAmount } from '../../../shared/input/amount';

type Issue = z.core.$ZodIssue;
type Parsed = { success: true } | { success: false; error: { issues: Issue[] } };

/** A person-readable sentence for one issue (the schemas' own messages where they wrote one). */
export function issueSentence(issue: Issue): string {
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'number') return issue.inclusive ? `At most ${issue.maximum}.` : `Less than ${issue.maximum}.`;
      if (issue.origin === 'string') return `At most ${issue.maximum} characters.`;
      return issue.message;
    case 'too_small':
      if (issue.origin === 'number') return issue.inclusive ? `At least ${issue.minimum}.` : `More than ${issue.minimum}.`;
      if (issue.origin === 'string') return Number(issue.minimum) === 1 ? 'Cannot be empty.' : `At least ${issue.minimum} characters.`;
      return issue.message;
    case 'invalid_type':
      return issue.expected === 'number' ? 'Enter a number.' : issue.message;
    case 'invalid_key':
      return issue.issues[0]?.message ?? issue.message;
    default:
      return issue.message;
  }
}

/** The first problem at `path` or below it, as a sentence; null when that part of the candidate is valid. */
export function errorAt(result: Parsed, path: readonly PropertyKey[]): string | null {
  if (result.success) return null;
  const issue = result.error.issues.find((i) => path.every((key, n) => String(i.path[n]) === String(key)));
  return issue === undefined ? null : issueSentence(issue);
}

/** Every problem of a candidate, by top-level field (for forms that show each next to its field). */
export function errorsByField(result: Parsed): Record<string, string> {
  const out: Record<string, string> = {};
  if (result.success) return out;
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.');
    const top = String(issue.path[0] ?? '');
    out[key] ??= issueSentence(issue);
    out[top] ??= issueSentence(issue);
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
