/** Every field of one scenario lever: label, on/off, target, minerals, factor, days. */
import { useIntl } from 'react-intl';
import { DisruptionSchema } from '../schemas';
import type { Board, Disruption, DisruptionTarget } from '../../../shared/board/types';
import { sameValue } from '../../../shared/board/same-value';
import { boardMinerals, passesWords, targetWords } from '../board-words';
import { CountryField } from '../fields/CountryField';
import { DraftField } from '../fields/DraftField';
import { errorAt, numberText, parseNumber } from '../fields/issues';
import { MineralPicker } from '../fields/MineralPicker';
import { TargetFields } from '../fields/TargetFields';
import { withFollowingLabel } from '../levers/lever-label';

type LeverChanges = Partial<Omit<Disruption, 'id'>>;

/** Props of LeverEditor. */
export interface LeverEditorProps {
  board: Board;
  lever: Disruption;
  readOnly: boolean;
  update(changes: LeverChanges): void;
}

/** The lever's fields; each is checked against DisruptionSchema as a whole candidate lever and stored only when valid. */
export function LeverEditor({ board, lever, readOnly, update }: LeverEditorProps) {
  const intl = useIntl();
  const m = (key: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `panels.leverEditor.${key}` }, values);
  const problem = (changes: LeverChanges, path: PropertyKey[]) => {
    const candidate = { ...lever, ...changes };
    return errorAt(intl, DisruptionSchema.safeParse(candidate), path, candidate);
  };
  const store = <K extends keyof LeverChanges>(key: K, value: LeverChanges[K]) => {
    if (!sameValue(value, lever[key])) update(withFollowingLabel(intl, board, lever, { [key]: value } as LeverChanges));
  };
  const numberField = (key: 'factor' | 'days', label: string, hint: (v: number) => string) => (
    <DraftField
      label={label}
      value={numberText(lever[key])}
      inputMode="decimal"
      disabled={readOnly}
      check={(t) => {
        const value = parseNumber(t);
        return value === undefined || Number.isNaN(value) ? intl.formatMessage({ id: 'panels.issue.number' }) : problem({ [key]: value }, [key]);
      }}
      commit={(t) => store(key, parseNumber(t) ?? 0)}
      adornment={(t) => {
        const value = parseNumber(t);
        return value === undefined || Number.isNaN(value) ? null : <span className="hint">{hint(value)}</span>;
      }}
    />
  );
  const setTarget = (target: DisruptionTarget) => {
    if (problem({ target }, ['target']) === null) store('target', target);
  };
  const targetError = problem({}, ['target']);
  const country = 'country' in lever.target ? lever.target : null;

  return (
    <div className="lever-editor">
      <p className="summary">{targetWords(intl, board, lever.target)}</p>
      <DraftField label={m('label')} value={lever.label} disabled={readOnly} check={(t) => problem({ label: t }, ['label'])} commit={(t) => store('label', t)} />
      <label className="check-row">
        <input type="checkbox" role="switch" checked={lever.enabled} disabled={readOnly} onChange={(e) => store('enabled', e.target.checked)} />
        {m('enabled')}
      </label>
      <TargetFields
        board={board}
        target={lever.target}
        disabled={readOnly}
        onChange={setTarget}
        error={targetError}
        countryField={
          country && (
            <CountryField
              label={m('country')}
              value={country.country}
              disabled={readOnly}
              check={(c) => problem({ target: { ...country, country: c } }, ['target', 'country'])}
              commit={(c) => store('target', { ...country, country: c })}
            />
          )
        }
      />
      <MineralPicker minerals={boardMinerals(board)} value={lever.minerals} disabled={readOnly} onChange={(minerals) => {
        if (problem({ minerals }, ['minerals']) === null) store('minerals', minerals);
      }} />
      {numberField('factor', m('factor'), (v) => passesWords(intl, v))}
      {numberField('days', m('days'), (d) => m('lasts', { days: d }))}
    </div>
  );
}
