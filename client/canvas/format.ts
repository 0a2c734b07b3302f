/** Compact figures for node cards and edge labels. */
import type { BoardNode, MineralAmounts, NodeKind } from '../../shared/board/types';

/** 950 -> "950", 12500 -> "12.5k", 2300000 -> "2.3M". */
export function compact(value: number): string {
  if (!Number.isFinite(value)) return '0';
  const abs = Math.abs(value);
  const trim = (x: number) => x.toFixed(1).replace(/\.0$/, '');
  if (abs >= 1e6) return `${trim(value / 1e6)}M`;
  if (abs >= 1e3) return `${trim(value / 1e3)}k`;
  return abs < 10 ? trim(value) : String(Math.round(value));
}

// One formatter each (toLocaleString builds a new one per call, which thousands of flow labels feel).
const SMALL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const LARGE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A volume in t/yr with thousands separators: "1,200 t/yr". */
export function volumeText(volume: number): string {
  const v = Number.isFinite(volume) ? volume : 0;
  return `${(v < 10 ? SMALL : LARGE).format(v)} t/yr`;
}

/** One line of a node card: a mineral and an amount. */
export interface Figure {
  field: 'capacity' | 'demand' | 'stock';
  mineral: string;
  text: string;
}

const PRIMARY: Record<NodeKind, Figure['field']> = {
  mine: 'capacity', refinery: 'capacity', transport: 'capacity', recycler: 'capacity', stockpile: 'stock', consumer: 'demand', manufacturer: 'capacity',
};
const PREFIX: Record<Figure['field'], string> = { capacity: 'cap ', demand: 'needs ', stock: 'holds ' };
const UNIT: Record<Figure['field'], string> = { capacity: 't/yr', demand: 't/yr', stock: 't' };

/** The card's figures: the kind's main field first (no prefix), then the others with a short prefix. */
export function nodeFigures(node: BoardNode): Figure[] {
  const primary = PRIMARY[node.kind] ?? 'capacity';
  const fields: Figure['field'][] = [primary, ...(['capacity', 'demand', 'stock'] as const).filter((f) => f !== primary)];
  const out: Figure[] = [];
  for (const field of fields) {
    const amounts: MineralAmounts | undefined = node[field];
    if (!amounts) continue;
    for (const [mineral, amount] of Object.entries(amounts)) {
      const prefix = field === primary ? '' : PREFIX[field];
      out.push({ field, mineral, text: `${prefix}${compact(amount)} ${UNIT[field]}` });
    }
  }
  return out;
}
