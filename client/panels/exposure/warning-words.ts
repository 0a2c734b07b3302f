/** The engine's data warnings in the page's language: one sentence per warning key, with its numbers in the locale and the item by its label. */
import type { IntlShape } from 'react-intl';
import type { Board } from '../../../shared/board/types';
import type { ExposureWarning } from '../../../shared/exposure/types';
import { formatsFor } from '../../i18n/format';
import { edgeWords, nodeLabel } from '../board-words';

/** The label of the item a warning is about (node, edge, lever, expansion or price floor), or its id. */
function itemLabel(board: Board, ref: string): string {
  const edge = board.edges.find((e) => e.id === ref);
  if (edge) return edgeWords(board, edge);
  const { disruptions, expansions, priceFloors } = board.scenario;
  const lever = [...disruptions, ...expansions, ...priceFloors].find((item) => item.id === ref);
  return lever?.label || nodeLabel(board, ref);
}

/**
 * The warning as a sentence ("Kolwezi plans 1,234.5 t/yr of cobalt out, above its capacity of 1,000 t/yr."): the
 * catalog's sentence for its key, numbers formatted in the page's locale; a warning without a known key keeps the
 * engine's English text.
 */
export function warningWords(intl: IntlShape, board: Board, warning: ExposureWarning): string {
  const id = `panels.warning.${warning.key}`;
  if (warning.key === undefined || warning.values === undefined || !Object.hasOwn(intl.messages, id)) return warning.message;
  const f = formatsFor(intl);
  const values: Record<string, string> = { name: itemLabel(board, warning.ref) };
  for (const [name, value] of Object.entries(warning.values)) values[name] = typeof value === 'number' ? f.number(value, 3) : value;
  return intl.formatMessage({ id }, values);
}
