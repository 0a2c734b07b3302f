/** Scenario expansions: capacity that comes online at a node (for rerouting), each with an on/off switch. */
import { useId, useState, type FormEvent } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import { ExpansionSchema } from '../schemas';
import type { Board, Expansion } from '../../../shared/board/types';
import { formatsFor } from '../../i18n/format';
import type { BoardActions } from '../../state/types';
import { boardMinerals, nodeLabel } from '../board-words';
import { errorsByField, parseNumber } from '../fields/issues';

/** Props of ExpansionsSection. */
export interface ExpansionsSectionProps {
  board: Board;
  actions: Pick<BoardActions, 'addExpansion' | 'updateExpansion' | 'deleteItems'>;
  readOnly: boolean;
  newId?(): string;
}

/** "adds 300 t/yr of rare-earths-heavy at Lynas Kuantan". */
export function expansionWords(intl: IntlShape, board: Board, x: Expansion): string {
  const f = formatsFor(intl);
  const amounts = Object.entries(x.capacity).map(([mineral, v]) => intl.formatMessage({ id: 'panels.expansions.amount' }, { amount: f.perYear(v), mineral }));
  const what = amounts.length > 0 ? intl.formatList(amounts, { type: 'conjunction' }) : intl.formatMessage({ id: 'panels.expansions.nothing' });
  return intl.formatMessage({ id: 'panels.expansions.adds' }, { what, node: nodeLabel(board, x.node) });
}

function AddExpansionForm({ board, onAdd, onCancel, newId }: { board: Board; onAdd(x: Expansion): void; onCancel(): void; newId(): string }) {
  const intl = useIntl();
  const m = (key: string) => intl.formatMessage({ id: `panels.expansions.${key}` });
  const id = useId();
  const [draft, setDraft] = useState({ label: '', node: board.nodes[0]?.id ?? '', mineral: boardMinerals(board)[0] ?? '', amount: '' });
  const [tried, setTried] = useState(false);
  const candidate: Expansion = { id: 'new', label: draft.label.trim(), enabled: true, node: draft.node, capacity: { [draft.mineral]: parseNumber(draft.amount) ?? Number.NaN } };
  const errors = errorsByField(intl, ExpansionSchema.safeParse(candidate), candidate);
  const amountError = Number.isNaN(parseNumber(draft.amount) ?? Number.NaN) ? intl.formatMessage({ id: 'panels.issue.number' }) : errors.capacity ?? null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(errors).length > 0 || amountError) return;
    onAdd({ ...candidate, id: newId() });
  };
  const alert = (m: string | null | undefined) => (tried && m ? <span role="alert" className="field-error">{m}</span> : null);
  return (
    <form className="add-lever" aria-label={m('form')} onSubmit={submit} noValidate>
      <div className="field"><label htmlFor={`${id}-l`}>{m('label')}</label>
        <input id={`${id}-l`} value={draft.label} placeholder={m('labelHint')} onChange={(e) => setDraft({ ...draft, label: e.target.value })} />{alert(errors.label)}</div>
      <div className="field"><label htmlFor={`${id}-n`}>{m('node')}</label>
        <select id={`${id}-n`} value={draft.node} onChange={(e) => setDraft({ ...draft, node: e.target.value })}>
          {board.nodes.map((n) => <option key={n.id} value={n.id}>{`${n.label} (${n.country})`}</option>)}
        </select>{alert(errors.node)}</div>
      <div className="field"><label htmlFor={`${id}-m`}>{m('mineral')}</label>
        <input id={`${id}-m`} value={draft.mineral} onChange={(e) => setDraft({ ...draft, mineral: e.target.value.trim().toLowerCase() })} /></div>
      <div className="field"><label htmlFor={`${id}-a`}>{m('amountLabel')}</label>
        <input id={`${id}-a`} inputMode="decimal" value={draft.amount} onChange={(e) => setDraft({ ...draft, amount: e.target.value })} />{alert(amountError)}</div>
      <div className="form-buttons">
        <button type="button" className="panel-button" onClick={onCancel}>{m('cancel')}</button>
        <button type="submit" className="panel-button primary">{m('add')}</button>
      </div>
    </form>
  );
}

/** The list of expansions with switches, and a form to add one. */
export function ExpansionsSection({ board, actions, readOnly, newId = () => crypto.randomUUID() }: ExpansionsSectionProps) {
  const intl = useIntl();
  const m = (key: string, values?: Record<string, string>) => intl.formatMessage({ id: `panels.expansions.${key}` }, values);
  const [adding, setAdding] = useState(false);
  const list = board.scenario.expansions;
  return (
    <section className="scenario-extra" aria-label={m('title')}>
      <h3>{m('title')} <span className="levers-count">{m('intro')}</span></h3>
      {list.length === 0 && <p className="levers-empty">{m('empty')}</p>}
      <ul className="levers-list">
        {list.map((x) => (
          <li key={x.id} className={`lever${x.enabled ? ' on' : ''}`} data-expansion={x.id}>
            <div className="lever-head">
              <input type="checkbox" role="switch" className="switch" aria-label={m('enable', { name: x.label })} checked={x.enabled} disabled={readOnly}
                onChange={(e) => actions.updateExpansion(x.id, { enabled: e.target.checked })} />
              <span className="lever-label">{x.label}</span>
              {!readOnly && <button type="button" className="icon-button" aria-label={m('remove', { name: x.label })} onClick={() => actions.deleteItems([x.id])}>×</button>}
            </div>
            <p className="lever-target">{expansionWords(intl, board, x)}</p>
          </li>
        ))}
      </ul>
      {!readOnly && (adding
        ? <AddExpansionForm board={board} newId={newId} onCancel={() => setAdding(false)} onAdd={(x) => { actions.addExpansion(x); setAdding(false); }} />
        : <button type="button" className="panel-button" onClick={() => setAdding(true)}>{m('new')}</button>)}
    </section>
  );
}
