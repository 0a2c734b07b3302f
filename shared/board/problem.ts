/** The problem type the board validator reports, and the raw-input helpers its checks share. */

/** One thing wrong with a board: where (`nodes[3].country`, "" for the whole input) and a sentence for a person. */
export interface BoardProblem {
  path: string;
  message: string;
}

/** A non-null, non-array object (any prototype): raw input is checked before it is known to be plain. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a raw object or list has its own property `key`. */
export function hasKey(value: unknown, key: PropertyKey): boolean {
  return (isRecord(value) || Array.isArray(value)) && Object.prototype.hasOwnProperty.call(value, key);
}

/** A list's entries with their index, or none when `value` is not a list. */
export function entries(value: unknown): Array<[unknown, number]> {
  return Array.isArray(value) ? value.map((item, i): [unknown, number] => [item, i]) : [];
}
