/** An empty object without a prototype, safe to key by user-supplied ids such as "__proto__" or "constructor". */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
