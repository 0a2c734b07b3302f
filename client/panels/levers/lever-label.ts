/** The label a lever gets when none is typed, and how a label follows the lever's days (and, when generated, its other fields). */
import type { IntlShape } from 'react-intl';
import type { Board, Disruption } from '../../../shared/board/types';
import { mineralWords, passesWords, targetWords } from '../board-words';

type LeverFields = Pick<Disruption, 'target' | 'minerals' | 'factor' | 'days'>;

/** "China refineries, exports only · gallium: stopped for 90 days", in the language of the person who adds the lever (then it is board content). */
export function generatedLabel(intl: IntlShape, board: Board, lever: LeverFields): string {
  const target = targetWords(intl, board, lever.target);
  const what = lever.minerals === undefined ? target : intl.formatMessage({ id: 'panels.leverLabel.withMinerals' }, { target, minerals: mineralWords(intl, lever.minerals) });
  const effect = lever.factor === 0 ? intl.formatMessage({ id: 'panels.leverLabel.stopped' }) : passesWords(intl, lever.factor);
  return intl.formatMessage({ id: 'panels.leverLabel.generated' }, { what, effect, days: String(lever.days) });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The label after `changes`: a generated label is generated again; a typed one that names the old days
 * ("90 days", "90-day", "90 d", "90 giorni") gets the new days; any other label is kept.
 */
export function followLabel(intl: IntlShape, board: Board, lever: Disruption, changes: Partial<Omit<Disruption, 'id'>>): string {
  if (changes.label !== undefined) return changes.label;
  const next = { ...lever, ...changes };
  if (lever.label === generatedLabel(intl, board, lever)) return generatedLabel(intl, board, next);
  if (changes.days === undefined || changes.days === lever.days) return lever.label;
  const old = escape(String(lever.days));
  return lever.label.replace(new RegExp(`(^|[^\\d.])${old}(\\s*days?\\b|-day\\b|\\s*d\\b|\\s*giorn[oi]\\b|\\s*gg\\b)`, 'g'), (_m, before: string, unit: string) => `${before}${changes.days}${unit}`);
}

/** `changes` plus the label that follows them, when it differs. */
export function withFollowingLabel(intl: IntlShape, board: Board, lever: Disruption, changes: Partial<Omit<Disruption, 'id'>>): Partial<Omit<Disruption, 'id'>> {
  const label = followLabel(intl, board, lever, changes);
  return label === lever.label ? changes : { ...changes, label };
}
