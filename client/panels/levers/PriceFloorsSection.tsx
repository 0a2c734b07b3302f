/** Scenario price floors: coordinated reference prices for one stage's producers, each with an on/off switch. */
import { useId, useState, type FormEvent } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import { PriceFloorSchema } from '../schemas';
import { PRICE_FLOOR_STAGES, type Board, type PriceFloor, type PriceFloorStage } from '../../../shared/board/types';
import { formatsFor } from '../../i18n/format';
import type { BoardActions } from '../../state/types';
import { boardMinerals, joinWords } from '../board-words';
import { parseCountryList } from '../fields/CountryListField';
import { errorsByField, parseNumber } from '../fields/issues';

/** Props of PriceFloorsSection. */
export interface PriceFloorsSectionProps {
  board: Board;
  actions: Pick<BoardActions, 'addPriceFloor' | 'updatePriceFloor' | 'deleteItems'>;
  readOnly: boolean;
  newId?(): string;
}

/** "110 USD/kg for rare-earths-light refineries in all countries except CN". */
export function floorWords(intl: IntlShape, floor: PriceFloor): string {
  const m = (id: string, values?: Record<string, string>) => intl.formatMessage({ id: `panels.floors.${id}` }, values);
  const who = floor.countries === undefined ? m('allCountries') : floor.countries.length === 0 ? m('noCountry') : joinWords(intl, floor.countries);
  const values = {
    price: formatsFor(intl).number(floor.floor, 2),
    mineral: floor.mineral,
    producers: intl.formatMessage({ id: `panels.floors.producers.${floor.stage}` }),
    who,
  };
  return floor.excludeCountries && floor.excludeCountries.length > 0 ? m('wordsExcept', { ...values, except: joinWords(intl, floor.excludeCountries) }) : m('words', values);
}

function AddFloorForm({ board, onAdd, onCancel, newId }: { board: Board; onAdd(f: PriceFloor): void; onCancel(): void; newId(): string }) {
  const intl = useIntl();
  const m = (key: string) => intl.formatMessage({ id: `panels.floors.${key}` });
  const id = useId();
  const [draft, setDraft] = useState({ label: '', mineral: boardMinerals(board)[0] ?? '', stage: 'refining' as PriceFloorStage, floor: '', countries: '', exclude: '' });
  const [tried, setTried] = useState(false);
  const countries = draft.countries.trim() === '' ? [] : parseCountryList(draft.countries);
  const exclude = draft.exclude.trim() === '' ? [] : parseCountryList(draft.exclude);
  const candidate: PriceFloor = {
    id: 'new', label: draft.label.trim(), enabled: true, mineral: draft.mineral, stage: draft.stage, floor: parseNumber(draft.floor) ?? Number.NaN,
    ...(countries && countries.length > 0 ? { countries } : {}), ...(exclude && exclude.length > 0 ? { excludeCountries: exclude } : {}),
  };
  const errors = errorsByField(intl, PriceFloorSchema.safeParse(candidate), candidate);
  const listError = countries === null || exclude === null ? intl.formatMessage({ id: 'panels.issue.countryList' }) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(errors).length > 0 || listError) return;
    onAdd({ ...candidate, id: newId() });
  };
  const alert = (m: string | null | undefined) => (tried && m ? <span role="alert" className="field-error">{m}</span> : null);
  return (
    <form className="add-lever" aria-label={m('form')} onSubmit={submit} noValidate>
      <div className="field"><label htmlFor={`${id}-l`}>{m('label')}</label>
        <input id={`${id}-l`} value={draft.label} placeholder={m('labelHint')} onChange={(e) => setDraft({ ...draft, label: e.target.value })} />{alert(errors.label)}</div>
      <div className="field"><label htmlFor={`${id}-m`}>{m('mineral')}</label>
        <input id={`${id}-m`} value={draft.mineral} onChange={(e) => setDraft({ ...draft, mineral: e.target.value.trim().toLowerCase() })} />{alert(errors.mineral)}</div>
      <div className="field"><label htmlFor={`${id}-s`}>{m('stage')}</label>
        <select id={`${id}-s`} value={draft.stage} onChange={(e) => setDraft({ ...draft, stage: e.target.value as PriceFloorStage })}>
          {PRICE_FLOOR_STAGES.map((s) => <option key={s} value={s}>{intl.formatMessage({ id: `panels.stage.${s}` })}</option>)}
        </select></div>
      <div className="field"><label htmlFor={`${id}-f`}>{m('floor')}</label>
        <input id={`${id}-f`} inputMode="decimal" value={draft.floor} onChange={(e) => setDraft({ ...draft, floor: e.target.value })} />{alert(errors.floor)}</div>
      <div className="field"><label htmlFor={`${id}-c`}>{m('countries')}</label>
        <input id={`${id}-c`} value={draft.countries} placeholder={m('countriesHint')} onChange={(e) => setDraft({ ...draft, countries: e.target.value })} /></div>
      <div className="field"><label htmlFor={`${id}-x`}>{m('exclude')}</label>
        <input id={`${id}-x`} value={draft.exclude} placeholder={m('excludeHint')} onChange={(e) => setDraft({ ...draft, exclude: e.target.value })} />{alert(listError)}</div>
      <div className="form-buttons">
        <button type="button" className="panel-button" onClick={onCancel}>{m('cancel')}</button>
        <button type="submit" className="panel-button primary">{m('add')}</button>
      </div>
    </form>
  );
}

/** The list of price floors with switches, and a form to add one. */
export function PriceFloorsSection({ board, actions, readOnly, newId = () => crypto.randomUUID() }: PriceFloorsSectionProps) {
  const intl = useIntl();
  const m = (key: string, values?: Record<string, string>) => intl.formatMessage({ id: `panels.floors.${key}` }, values);
  const [adding, setAdding] = useState(false);
  const list = board.scenario.priceFloors;
  return (
    <section className="scenario-extra" aria-label={m('title')}>
      <h3>{m('title')} <span className="levers-count">{m('intro')}</span></h3>
      {list.length === 0 && <p className="levers-empty">{m('empty')}</p>}
      <ul className="levers-list">
        {list.map((f) => (
          <li key={f.id} className={`lever${f.enabled ? ' on' : ''}`} data-floor={f.id}>
            <div className="lever-head">
              <input type="checkbox" role="switch" className="switch" aria-label={m('enable', { name: f.label })} checked={f.enabled} disabled={readOnly}
                onChange={(e) => actions.updatePriceFloor(f.id, { enabled: e.target.checked })} />
              <span className="lever-label">{f.label}</span>
              {!readOnly && <button type="button" className="icon-button" aria-label={m('remove', { name: f.label })} onClick={() => actions.deleteItems([f.id])}>×</button>}
            </div>
            <p className="lever-target">{floorWords(intl, f)}</p>
          </li>
        ))}
      </ul>
      {!readOnly && (adding
        ? <AddFloorForm board={board} newId={newId} onCancel={() => setAdding(false)} onAdd={(f) => { actions.addPriceFloor(f); setAdding(false); }} />
        : <button type="button" className="panel-button" onClick={() => setAdding(true)}>{m('new')}</button>)}
    </section>
  );
}
