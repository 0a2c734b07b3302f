/** Scenario price floors: coordinated reference prices for one stage's producers, each with an on/off switch. */
import { useId, useState, type FormEvent } from 'react';
import { PriceFloorSchema } from '../schemas';
import { PRICE_FLOOR_STAGES, type Board, type PriceFloor, type PriceFloorStage } from '../../../shared/board/types';
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

const STAGE_PRODUCERS: Record<PriceFloorStage, string> = { mining: 'mines', refining: 'refineries', manufacturing: 'manufacturers' };

/** "110 USD/kg for rare-earths-light refineries, all countries but CN". */
export function floorWords(floor: PriceFloor): string {
  const who = floor.countries === undefined ? 'all countries' : floor.countries.length === 0 ? 'no country' : joinWords(floor.countries);
  const except = floor.excludeCountries && floor.excludeCountries.length > 0 ? ` except ${joinWords(floor.excludeCountries)}` : '';
  return `${floor.floor.toLocaleString('en-US')} USD/kg for ${floor.mineral} ${STAGE_PRODUCERS[floor.stage]} in ${who}${except}`;
}

function AddFloorForm({ board, onAdd, onCancel, newId }: { board: Board; onAdd(f: PriceFloor): void; onCancel(): void; newId(): string }) {
  const id = useId();
  const [draft, setDraft] = useState({ label: '', mineral: boardMinerals(board)[0] ?? '', stage: 'refining' as PriceFloorStage, floor: '', countries: '', exclude: '' });
  const [tried, setTried] = useState(false);
  const countries = draft.countries.trim() === '' ? [] : parseCountryList(draft.countries);
  const exclude = draft.exclude.trim() === '' ? [] : parseCountryList(draft.exclude);
  const candidate: PriceFloor = {
    id: 'new', label: draft.label.trim(), enabled: true, mineral: draft.mineral, stage: draft.stage, floor: parseNumber(draft.floor) ?? Number.NaN,
    ...(countries && countries.length > 0 ? { countries } : {}), ...(exclude && exclude.length > 0 ? { excludeCountries: exclude } : {}),
  };
  const errors = errorsByField(PriceFloorSchema.safeParse(candidate));
  const listError = countries === null || exclude === null ? 'Use two-letter country codes separated by commas, e.g. US, JP.' : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(errors).length > 0 || listError) return;
    onAdd({ ...candidate, id: newId() });
  };
  const alert = (m: string | null | undefined) => (tried && m ? <span role="alert" className="field-error">{m}</span> : null);
  return (
    <form className="add-lever" aria-label="Add a price floor" onSubmit={submit} noValidate>
      <div className="field"><label htmlFor={`${id}-l`}>Label</label>
        <input id={`${id}-l`} value={draft.label} placeholder="Allied NdPr floor" onChange={(e) => setDraft({ ...draft, label: e.target.value })} />{alert(errors.label)}</div>
      <div className="field"><label htmlFor={`${id}-m`}>Mineral</label>
        <input id={`${id}-m`} value={draft.mineral} onChange={(e) => setDraft({ ...draft, mineral: e.target.value.trim().toLowerCase() })} />{alert(errors.mineral)}</div>
      <div className="field"><label htmlFor={`${id}-s`}>Stage</label>
        <select id={`${id}-s`} value={draft.stage} onChange={(e) => setDraft({ ...draft, stage: e.target.value as PriceFloorStage })}>
          {PRICE_FLOOR_STAGES.map((s) => <option key={s} value={s}>{s}</option>)}
        </select></div>
      <div className="field"><label htmlFor={`${id}-f`}>Floor (USD/kg)</label>
        <input id={`${id}-f`} inputMode="decimal" value={draft.floor} onChange={(e) => setDraft({ ...draft, floor: e.target.value })} />{alert(errors.floor)}</div>
      <div className="field"><label htmlFor={`${id}-c`}>Covered countries</label>
        <input id={`${id}-c`} value={draft.countries} placeholder="all (or e.g. AU, US)" onChange={(e) => setDraft({ ...draft, countries: e.target.value })} /></div>
      <div className="field"><label htmlFor={`${id}-x`}>Never covered</label>
        <input id={`${id}-x`} value={draft.exclude} placeholder="none (or e.g. CN)" onChange={(e) => setDraft({ ...draft, exclude: e.target.value })} />{alert(listError)}</div>
      <div className="form-buttons">
        <button type="button" className="panel-button" onClick={onCancel}>Cancel</button>
        <button type="submit" className="panel-button primary">Add price floor</button>
      </div>
    </form>
  );
}

/** The list of price floors with switches, and a form to add one. */
export function PriceFloorsSection({ board, actions, readOnly, newId = () => crypto.randomUUID() }: PriceFloorsSectionProps) {
  const [adding, setAdding] = useState(false);
  const list = board.scenario.priceFloors;
  return (
    <section className="scenario-extra" aria-label="Price floors">
      <h3>Price floors <span className="levers-count">what guaranteeing a price to allied producers costs</span></h3>
      {list.length === 0 && <p className="levers-empty">No price floors yet.</p>}
      <ul className="levers-list">
        {list.map((f) => (
          <li key={f.id} className={`lever${f.enabled ? ' on' : ''}`} data-floor={f.id}>
            <div className="lever-head">
              <input type="checkbox" role="switch" className="switch" aria-label={`Enable ${f.label}`} checked={f.enabled} disabled={readOnly}
                onChange={(e) => actions.updatePriceFloor(f.id, { enabled: e.target.checked })} />
              <span className="lever-label">{f.label}</span>
              {!readOnly && <button type="button" className="icon-button" aria-label={`Remove ${f.label}`} onClick={() => actions.deleteItems([f.id])}>×</button>}
            </div>
            <p className="lever-target">{floorWords(f)}</p>
          </li>
        ))}
      </ul>
      {!readOnly && (adding
        ? <AddFloorForm board={board} newId={newId} onCancel={() => setAdding(false)} onAdd={(f) => { actions.addPriceFloor(f); setAdding(false); }} />
        : <button type="button" className="panel-button" onClick={() => setAdding(true)}>+ New price floor</button>)}
    </section>
  );
}
