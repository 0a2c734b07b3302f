/** Scenario expansions: capacity that comes online at a node (for rerouting), each with an on/off switch. */
import { useId, useState, type FormEvent } from 'react';
import { ExpansionSchema } from '../schemas';
import type { Board, Expansion } from '../../../shared/board/types';
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
export function expansionWords(board: Board, x: Expansion): string {
  const amounts = Object.entries(x.capacity).map(([m, v]) => `${v.toLocaleString('en-US')} t/yr of ${m}`);
  return `adds ${amounts.length > 0 ? amounts.join(', ') : 'nothing'} at ${nodeLabel(board, x.node)}`;
}

function AddExpansionForm({ board, onAdd, onCancel, newId }: { board: Board; onAdd(x: Expansion): void; onCancel(): void; newId(): string }) {
  const id = useId();
  const [draft, setDraft] = useState({ label: '', node: board.nodes[0]?.id ?? '', mineral: boardMinerals(board)[0] ?? '', amount: '' });
  const [tried, setTried] = useState(false);
  const candidate: Expansion = { id: 'new', label: draft.label.trim(), enabled: true, node: draft.node, capacity: { [draft.mineral]: parseNumber(draft.amount) ?? Number.NaN } };
  const errors = errorsByField(ExpansionSchema.safeParse(candidate));
  const amountError = Number.isNaN(parseNumber(draft.amount) ?? Number.NaN) ? 'Enter a number.' : errors.capacity ?? null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(errors).length > 0 || amountError) return;
    onAdd({ ...candidate, id: newId() });
  };
  const alert = (m: string | null | undefined) => (tried && m ? <span role="alert" className="field-error">{m}</span> : null);
  return (
    <form className="add-lever" aria-label="Add an expansion" onSubmit={submit} noValidate>
      <div className="field"><label htmlFor={`${id}-l`}>Label</label>
        <input id={`${id}-l`} value={draft.label} placeholder="New refinery line online" onChange={(e) => setDraft({ ...draft, label: e.target.value })} />{alert(errors.label)}</div>
      <div className="field"><label htmlFor={`${id}-n`}>Node</label>
        <select id={`${id}-n`} value={draft.node} onChange={(e) => setDraft({ ...draft, node: e.target.value })}>
          {board.nodes.map((n) => <option key={n.id} value={n.id}>{`${n.label} (${n.country})`}</option>)}
        </select>{alert(errors.node)}</div>
      <div className="field"><label htmlFor={`${id}-m`}>Mineral</label>
        <input id={`${id}-m`} value={draft.mineral} onChange={(e) => setDraft({ ...draft, mineral: e.target.value.trim().toLowerCase() })} /></div>
      <div className="field"><label htmlFor={`${id}-a`}>Added capacity (t/yr)</label>
        <input id={`${id}-a`} inputMode="decimal" value={draft.amount} onChange={(e) => setDraft({ ...draft, amount: e.target.value })} />{alert(amountError)}</div>
      <div className="form-buttons">
        <button type="button" className="panel-button" onClick={onCancel}>Cancel</button>
        <button type="submit" className="panel-button primary">Add expansion</button>
      </div>
    </form>
  );
}

/** The list of expansions with switches, and a form to add one. */
export function ExpansionsSection({ board, actions, readOnly, newId = () => crypto.randomUUID() }: ExpansionsSectionProps) {
  const [adding, setAdding] = useState(false);
  const list = board.scenario.expansions;
  return (
    <section className="scenario-extra" aria-label="Expansions">
      <h3>Expansions <span className="levers-count">capacity that comes online (used when rerouting)</span></h3>
      {list.length === 0 && <p className="levers-empty">No expansions yet.</p>}
      <ul className="levers-list">
        {list.map((x) => (
          <li key={x.id} className={`lever${x.enabled ? ' on' : ''}`} data-expansion={x.id}>
            <div className="lever-head">
              <input type="checkbox" role="switch" className="switch" aria-label={`Enable ${x.label}`} checked={x.enabled} disabled={readOnly}
                onChange={(e) => actions.updateExpansion(x.id, { enabled: e.target.checked })} />
              <span className="lever-label">{x.label}</span>
              {!readOnly && <button type="button" className="icon-button" aria-label={`Remove ${x.label}`} onClick={() => actions.deleteItems([x.id])}>×</button>}
            </div>
            <p className="lever-target">{expansionWords(board, x)}</p>
          </li>
        ))}
      </ul>
      {!readOnly && (adding
        ? <AddExpansionForm board={board} newId={newId} onCancel={() => setAdding(false)} onAdd={(x) => { actions.addExpansion(x); setAdding(false); }} />
        : <button type="button" className="panel-button" onClick={() => setAdding(true)}>+ New expansion</button>)}
    </section>
  );
}
