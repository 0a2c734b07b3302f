/** Figures for node cards and flow labels, in the page's language (the numbers through formatsFor). */
import type { IntlShape } from 'react-intl';
import type { BoardEdge, BoardNode, MineralAmounts, NodeKind } from '../../shared/board/types';
import { formatsFor } from '../i18n/format';
import { kindName } from '../i18n/kind-name';

/** One line of a node card: a mineral and an amount of one field. */
export interface Figure {
  field: 'capacity' | 'demand' | 'stock';
  mineral: string;
  amount: number;
  /** The kind's main field (shown bare); the others carry a short word ("cap", "needs", "holds"). */
  primary: boolean;
}

const PRIMARY: Record<NodeKind, Figure['field']> = {
  mine: 'capacity', refinery: 'capacity', transport: 'capacity', recycler: 'capacity', stockpile: 'stock', consumer: 'demand', manufacturer: 'capacity',
};
const FIELDS = ['capacity', 'demand', 'stock'] as const;

/** The card's figures: the kind's main field first, then the others. */
export function nodeFigures(node: BoardNode): Figure[] {
  const main = PRIMARY[node.kind] ?? 'capacity';
  const fields: Figure['field'][] = [main, ...FIELDS.filter((f) => f !== main)];
  const out: Figure[] = [];
  for (const field of fields) {
    const amounts: MineralAmounts | undefined = node[field];
    if (!amounts) continue;
    for (const [mineral, amount] of Object.entries(amounts)) {
      out.push({ field, mineral, amount, primary: field === main });
    }
  }
  return out;
}

/** A message split around one argument, so that a card or label fills it in without formatting a message. */
type Template = readonly [before: string, after: string];
const HOLE = '\uE000';

function template(intl: IntlShape, id: string, argument: string, values: Record<string, string> = {}): Template {
  const text = intl.formatMessage({ id }, { ...values, [argument]: HOLE });
  const at = text.indexOf(HOLE);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + HOLE.length)];
}

/** The card and label words of one language, built once per IntlShape. */
export interface CanvasWords {
  kind: Record<NodeKind, string>;
  figure: Record<`${Figure['field']}${'' | '.named'}`, Template>;
  perYear: Template;
  rerouted: Template;
  alternative: Template;
  alternativeShort: Template;
}

const words = new WeakMap<IntlShape, CanvasWords>();

/** The memoized words of `intl`'s language. */
export function canvasWords(intl: IntlShape): CanvasWords {
  const known = words.get(intl);
  if (known) return known;
  const kind = Object.fromEntries((Object.keys(PRIMARY) as NodeKind[]).map((k) => [k, kindName(intl, k)])) as Record<NodeKind, string>;
  const figure = Object.fromEntries(FIELDS.flatMap((f) => [
    [f, template(intl, `canvas.figure.${f}`, 'amount')],
    [`${f}.named`, template(intl, `canvas.figure.${f}.named`, 'amount')],
  ])) as CanvasWords['figure'];
  const made: CanvasWords = {
    kind,
    figure,
    perYear: template(intl, 'format.perYear', 'value'),
    rerouted: template(intl, 'canvas.flow.rerouted', 'volume'),
    alternative: template(intl, 'canvas.flow.alternative', 'capacity'),
    alternativeShort: template(intl, 'canvas.flow.alternativeShort', 'capacity'),
  };
  words.set(intl, made);
  return made;
}

const fill = ([before, after]: Template, value: string) => `${before}${value}${after}`;

/** A card line's amount with its unit and word: "12.5k t/yr", "cap 30k t/yr" (Italian "cap. 12,5K t/anno"). */
export function figureText(intl: IntlShape, figure: Pick<Figure, 'field' | 'primary' | 'amount'>): string {
  const t = canvasWords(intl).figure[figure.primary ? figure.field : (`${figure.field}.named` as const)];
  return fill(t, formatsFor(intl).compact(figure.amount));
}

/** A card line's exact amount with its unit, for its tooltip: "1,234.5 t/yr" (Italian "1.234,5 t/anno"). */
export function figureFullText(intl: IntlShape, figure: Pick<Figure, 'field' | 'amount'>): string {
  return fill(canvasWords(intl).figure[figure.field], formatsFor(intl).number(Number.isFinite(figure.amount) ? figure.amount : 0, 1));
}

/** A volume per year with grouping: "1,200 t/yr" (Italian "1.200 t/anno"). */
export function volumeIn(intl: IntlShape, volume: number): string {
  return fill(canvasWords(intl).perYear, formatsFor(intl).number(Number.isFinite(volume) ? volume : 0));
}

/** The full label of a flow: "cobalt · 1,200 t/yr", "cobalt · alternative, up to 500 t/yr", or the rerouted volume. */
export function flowTextIn(intl: IntlShape, edge: Pick<BoardEdge, 'mineral' | 'volume' | 'capacity'>, rerouted: number | null, alternative: boolean): string {
  const w = canvasWords(intl);
  if (rerouted !== null) return `${edge.mineral} · ${fill(w.rerouted, volumeIn(intl, rerouted))}`;
  if (alternative) return `${edge.mineral} · ${fill(w.alternative, volumeIn(intl, edge.capacity ?? 0))}`;
  return `${edge.mineral} · ${volumeIn(intl, edge.volume)}`;
}

/** The short "alternative" form of a compact flow label: "Co ≤10k alt". */
export function alternativeShortIn(intl: IntlShape, symbol: string, capacity: number): string {
  return `${symbol} ${fill(canvasWords(intl).alternativeShort, formatsFor(intl).compact(capacity))}`;
}
