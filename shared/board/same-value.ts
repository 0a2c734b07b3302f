/** Deep equality of the plain JSON-like values boards are made of. */

/** Whether an object has its own property `key`. */
export const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** A non-null, non-array object whose prototype is Object.prototype or null. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Own keys holding a defined value (an undefined property counts as absent, as in the board format). */
export function definedKeys(o: Record<string, unknown>): string[] {
  return Object.keys(o).filter((key) => o[key] !== undefined);
}

/** An own property's value, or undefined. */
export function field(o: Record<string, unknown>, key: string): unknown {
  return hasOwn(o, key) ? o[key] : undefined;
}

/** Deep equality of JSON-like values: numbers by Object.is, plain objects regardless of key order, undefined = absent. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = definedKeys(a);
  return keys.length === definedKeys(b).length && keys.every((key) => sameValue(a[key], field(b, key)));
}
