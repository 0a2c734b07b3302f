/** Benchmark settings from the environment, for exploration runs. */

/** The whole number in env var `name` if it is at least `min`, else `fallback`. */
export function envInt(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  const value = Number(raw);
  return raw !== undefined && raw !== '' && Number.isInteger(value) && value >= min ? value : fallback;
}
