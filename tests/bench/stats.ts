/** Small statistics helpers for benchmarks. */

/** The q-quantile (0..1) of a list of numbers, by nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Times `run` `count` times (after `warmup` untimed runs) and returns the durations in ms. */
export function timeRuns(count: number, warmup: number, run: (i: number) => void, setup?: (i: number) => void): number[] {
  const durations: number[] = [];
  for (let i = 0; i < warmup + count; i++) {
    setup?.(i);
    const start = performance.now();
    run(i);
    const ms = performance.now() - start;
    if (i >= warmup) durations.push(ms);
  }
  return durations;
}

/** Prints rows as an aligned text table. */
export function printTable(title: string, header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((row) => row[c].length)));
  const line = (row: string[]) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells.slice(1)) console.log(line(row));
}

/** Formats milliseconds with two decimals. */
export const ms = (value: number) => value.toFixed(2);
