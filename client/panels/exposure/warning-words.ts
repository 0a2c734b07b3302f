/** The engine's data warnings in the page's language: one sentence per warning code, naming the item by its label. */
import type { IntlShape } from 'react-intl';
import type { Board } from '../../../shared/board/types';
import type { ExposureWarning } from '../../../shared/exposure/types';
import { nodeLabel } from '../board-words';

const KNOWN = new Set(['bad-board', 'bad-field', 'duplicate-id', 'dangling-edge', 'dangling-disruption', 'over-capacity', 'outflow-exceeds-inflow']);

/** The warning as a sentence ("Kolwezi plans more out than its capacity."); an unknown code keeps the engine's own text. */
export function warningWords(intl: IntlShape, board: Board, warning: ExposureWarning): string {
  if (!KNOWN.has(warning.code)) return warning.message;
  return intl.formatMessage({ id: `panels.warning.${warning.code}` }, { name: nodeLabel(board, warning.ref) });
}
