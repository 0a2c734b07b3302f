/** Horizontal bar charts in the terminal, for benchmark numbers people compare side by side. */

const WIDTH = 40;
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** One bar: its label and value. */
export interface Bar {
  label: string;
  value: number;
}

/** A group of bars shown together under a heading (e.g. one client count). */
export interface BarGroup {
  name: string;
  bars: Bar[];
}

/** A bar of `value` on a scale where `max` fills WIDTH cells, in eighths of a cell. */
export function barOf(value: number, max: number, width = WIDTH): string {
  if (!(value > 0) || !(max > 0)) return '';
  const eighths = Math.round((Math.min(value, max) / max) * width * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/** Prints groups of bars on one shared scale, each with its value. */
export function printBars(title: string, groups: BarGroup[], format: (value: number) => string = (v) => v.toFixed(2)): void {
  const max = Math.max(...groups.flatMap((g) => g.bars.map((b) => b.value)).filter(Number.isFinite), 0);
  const nameWidth = Math.max(...groups.map((g) => g.name.length), 0);
  const labelWidth = Math.max(...groups.flatMap((g) => g.bars.map((b) => b.label.length)), 0);
  console.log(`\n${title}`);
  for (const group of groups) {
    group.bars.forEach((bar, i) => {
      const name = (i === 0 ? group.name : '').padStart(nameWidth);
      console.log(`${name}  ${bar.label.padEnd(labelWidth)}  ${barOf(bar.value, max).padEnd(WIDTH)}  ${format(bar.value)}`);
    });
  }
}
