/** A small form that adds a scenario lever, checked against DisruptionSchema as the person types. */
import { useId, useState, type FormEvent } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import { DisruptionSchema } from '../schemas';
import type { Board, Disruption, DisruptionTarget } from '../../../shared/board/types';

import { boardMinerals, passesWords, targetWords } from '../board-words';
import { errorsByField, parseNumber } from '../fields/issues';
import { resolveLocalCountry } from '../fields/local-countries';
import { MineralPicker } from '../fields/MineralPicker';
import { TargetFields } from '../fields/TargetFields';
import { generatedLabel } from './lever-label';

/** Props of AddLeverForm. */
export interface AddLeverFormProps {
  board: Board;
  onAdd(lever: Disruption): void;
  onCancel(): void;
  /** Fresh ids (crypto.randomUUID by default). */
  newId?(): string;
}

interface Draft {
  label: string;
  enabled: boolean;
  target: DisruptionTarget;
  minerals: string[] | undefined;
  factor: string;
  days: string;
}

const START: Draft = { label: '', enabled: true, target: { country: '' }, minerals: undefined, factor: '0', days: '90' };

/** True when the draft's target, factor and days are valid, so a label can be generated from them. */
function ok(draft: Draft): boolean {
  const number = (text: string) => parseNumber(text) ?? Number.NaN;
  const probe = { id: 'probe', label: 'probe', enabled: true, target: draft.target, factor: number(draft.factor), days: number(draft.days) };
  return DisruptionSchema.safeParse(probe).success;
}

function candidate(intl: IntlShape, board: Board, draft: Draft, id: string): Disruption {
  const number = (text: string) => parseNumber(text) ?? Number.NaN;
  return {
    id,
    label: draft.label.trim() === '' && ok(draft) ? generatedLabel(intl, board, { target: draft.target, minerals: draft.minerals, factor: number(draft.factor), days: number(draft.days) }) : draft.label.trim(),
    enabled: draft.enabled,
    target: draft.target,
    ...(draft.minerals === undefined ? {} : { minerals: draft.minerals }),
    factor: number(draft.factor),
    days: number(draft.days),
  };
}

/** Label, target, minerals, factor and days; "Add lever" writes it when valid. */
export function AddLeverForm({ board, onAdd, onCancel, newId = () => crypto.randomUUID() }: AddLeverFormProps) {
  const intl = useIntl();
  const m = (key: string) => intl.formatMessage({ id: `panels.addLever.${key}` });
  const id = useId();
  const [draft, setDraft] = useState<Draft>(START);
  /** What the person typed in the country box (null: nothing yet), shown as typed while the code is stored. */
  const [countryText, setCountryText] = useState<string | null>(null);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [tried, setTried] = useState(false);
  const lever = candidate(intl, board, draft, 'new-lever');
  const errors = errorsByField(intl, DisruptionSchema.safeParse(lever), lever);
  const valid = Object.keys(errors).length === 0;
  const shown = (field: string, key = field) => (tried || touched.has(field) ? errors[key] ?? null : null);
  const edit = (field: string, changes: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...changes }));
    setTouched((t) => new Set(t).add(field));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!valid) return;
    onAdd({ ...lever, id: newId() });
    setDraft(START);
    setCountryText(null);
    setTouched(new Set());
    setTried(false);
  };
  const alert = (message: string | null) => message && <span role="alert" className="field-error">{message}</span>;
  const country = 'country' in draft.target ? draft.target : null;
  const factor = parseNumber(draft.factor);

  return (
    <form className="add-lever" aria-label={m('form')} onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-label`}>{m('label')}</label>
        <input id={`${id}-label`} value={draft.label} placeholder={m('labelHint')} onChange={(e) => edit('label', { label: e.target.value })} />
        {alert(shown('label'))}
      </div>
      <TargetFields
        board={board}
        target={draft.target}
        disabled={false}
        error={shown('target')}
        onChange={(target) => edit('target', { target })}
        countryField={
          country && (
            <div className="field">
              <label htmlFor={`${id}-country`}>{m('country')}</label>
              <span className="field-input">
                <input id={`${id}-country`} value={countryText ?? country.country} placeholder={m('countryHint')}
                  onChange={(e) => {
                    // A name ("Italy", "UK") or a code in any case is stored as its code; other text is kept upper-cased so the schema says why.
                    setCountryText(e.target.value);
                    edit('target', { target: { ...country, country: resolveLocalCountry(intl, e.target.value) ?? e.target.value.trim().toUpperCase() } });
                  }} />
                {countryText !== null && resolveLocalCountry(intl, countryText) !== null && <code className="country-code">{country.country}</code>}
              </span>
              {alert(shown('target', 'target.country'))}
            </div>
          )
        }
      />
      {shown('target') === null && <p className="summary">{intl.formatMessage({ id: 'panels.addLever.hits' }, { target: targetWords(intl, board, draft.target) })}</p>}
      <MineralPicker minerals={boardMinerals(board)} value={draft.minerals} disabled={false} onChange={(minerals) => edit('minerals', { minerals })} />
      {alert(shown('minerals'))}
      <div className="field">
        <label htmlFor={`${id}-factor`}>{m('factor')}</label>
        <span className="field-input">
          <input id={`${id}-factor`} type="range" min={0} max={1} step={0.05} value={factor ?? 0} onChange={(e) => edit('factor', { factor: e.target.value })} />
          <output>{factor === undefined || Number.isNaN(factor) ? '' : passesWords(intl, factor)}</output>
        </span>
        {alert(shown('factor'))}
      </div>
      <div className="field">
        <label htmlFor={`${id}-days`}>{m('days')}</label>
        <input id={`${id}-days`} inputMode="decimal" value={draft.days} onChange={(e) => edit('days', { days: e.target.value })} />
        {alert(shown('days'))}
      </div>
      <label className="check-row">
        <input type="checkbox" checked={draft.enabled} onChange={(e) => edit('enabled', { enabled: e.target.checked })} />
        {m('switchOn')}
      </label>
      <div className="form-buttons">
        <button type="button" className="panel-button" onClick={onCancel}>{m('cancel')}</button>
        <button type="submit" className="panel-button primary">{m('add')}</button>
      </div>
    </form>
  );
}
