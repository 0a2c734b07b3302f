/**
 * `__proto__` as a key in a board file: JSON.parse keeps it as an own key, but copying the object by
 * assignment (as a schema library does) turns it into a prototype change, so the entry vanishes without a
 * word. Found here first, so it is reported with its path like every other problem.
 */
import { formatPath, type BoardProblem } from './validate';

/** Keys a board file may not use anywhere. */
const RESERVED = '__proto__';

/** Every `__proto__` key in a parsed JSON value, as problems with their paths (at most 20). */
export function protoKeyProblems(value: unknown): BoardProblem[] {
  const problems: BoardProblem[] = [];
  const walk = (at: unknown, path: (string | number)[]) => {
    if (problems.length >= 20 || typeof at !== 'object' || at === null) return;
    if (Array.isArray(at)) {
      at.forEach((item, i) => walk(item, [...path, i]));
      return;
    }
    for (const key of Object.keys(at)) {
      if (key === RESERVED) problems.push({ path: formatPath([...path, key]), message: `The key "${RESERVED}" cannot be used as a mineral, an id or a field name; rename it.` });
      else walk((at as Record<string, unknown>)[key], [...path, key]);
    }
  };
  walk(value, []);
  return problems;
}
