/** Deep comparison of JSON-like values with numbers equal within a relative tolerance. */

/** Returns the first path where a and b differ (numbers within `tolerance` relative, 1e-9 absolute), or null. */
export function firstDifference(a: unknown, b: unknown, tolerance = 1e-9, path = '$'): string | null {
  if (typeof a === 'number' && typeof b === 'number') {
    const scale = Math.max(Math.abs(a), Math.abs(b), 1e-9 / tolerance);
    return Math.abs(a - b) <= tolerance * scale ? null : `${path}: ${a} vs ${b}`;
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return Object.is(a, b) ? null : `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const diff = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], tolerance, `${path}.${key}`);
    if (diff !== null) return diff;
  }
  return null;
}
