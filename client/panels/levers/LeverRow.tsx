/** One scenario lever in the list: on/off switch, factor slider, days, what it hits. */
import { useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { DisruptionSchema } from '../schemas';
import type { Board, Disruption } from '../../../shared/board/types';
import type { BoardActions } from '../../state/types';
import { mineralWords, passesWords, targetWords } from '../board-words';
import { DraftField } from '../fields/DraftField';
import { errorAt, numberText, parseNumber } from '../fields/issues';
import { withFollowingLabel } from './lever-label';

/** Props of LeverRow. */
export interface LeverRowProps {
  board: Board;
  lever: Disruption;
  actions: BoardActions;
  readOnly: boolean;
  onEdit?(id: string): void;
}

/** A lever: the switch writes at once; the slider writes when the person lets go (pointer up, key up or blur). */
export function LeverRow({ board, lever, actions, readOnly, onEdit }: LeverRowProps) {
  const intl = useIntl();
  const m = (id: string) => intl.formatMessage({ id: `panels.leverRow.${id}` }, { name: lever.label });
  const [factorDraft, setFactorDraft] = useState<number | null>(null);
  const latest = useRef<number | null>(null);
  const factor = factorDraft ?? lever.factor;
  const problem = (changes: Partial<Disruption>, path: string[]) => errorAt(intl, DisruptionSchema.safeParse({ ...lever, ...changes }), path, { ...lever, ...changes });

  const moveFactor = (value: number) => {
    latest.current = value;
    setFactorDraft(value);
  };
  const commitFactor = () => {
    const value = latest.current;
    latest.current = null;
    setFactorDraft(null);
    if (value !== null && value !== lever.factor && problem({ factor: value }, ['factor']) === null) actions.updateLever(lever.id, withFollowingLabel(intl, board, lever, { factor: value }));
  };

  return (
    <li className={`lever${lever.enabled ? ' on' : ''}`} data-lever={lever.id}>
      <div className="lever-head">
        <input
          type="checkbox"
          role="switch"
          className="switch"
          aria-label={m('enable')}
          checked={lever.enabled}
          disabled={readOnly}
          onChange={(e) => actions.updateLever(lever.id, { enabled: e.target.checked })}
        />
        <span className="lever-label">{lever.label}</span>
        {onEdit && (
          <button type="button" className="icon-button" aria-label={m('edit')} onClick={() => onEdit(lever.id)}>✎</button>
        )}
        {!readOnly && (
          <button type="button" className="icon-button" aria-label={m('remove')} onClick={() => actions.deleteItems([lever.id])}>×</button>
        )}
      </div>
      <p className="lever-target">
        {targetWords(intl, board, lever.target)} · {mineralWords(intl, lever.minerals)}
      </p>
      <div className="lever-controls">
        <input
          type="range"
          min={0}
          max={1}
          step={0.05}
          value={factor}
          disabled={readOnly}
          aria-label={m('factor')}
          aria-valuetext={passesWords(intl, factor)}
          onChange={(e) => moveFactor(Number(e.target.value))}
          onPointerUp={commitFactor}
          onKeyUp={commitFactor}
          onBlur={commitFactor}
        />
        <output className="lever-passes">{passesWords(intl, factor)}</output>
        <DraftField
          className="lever-days"
          label={m('days')}
          hideLabel
          value={numberText(lever.days)}
          inputMode="decimal"
          disabled={readOnly}
          check={(t) => {
            const value = parseNumber(t);
            return value === undefined || Number.isNaN(value) ? intl.formatMessage({ id: 'panels.issue.number' }) : problem({ days: value }, ['days']);
          }}
          commit={(t) => actions.updateLever(lever.id, withFollowingLabel(intl, board, lever, { days: parseNumber(t) ?? 0 }))}
          adornment={() => <span className="unit">{m('daysUnit')}</span>}
        />
      </div>
    </li>
  );
}
