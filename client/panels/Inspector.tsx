/** The inspector: edits the selected node, edge, lever or note, or deletes several selected items at once. */
import { useId } from 'react';
import { useIntl } from 'react-intl';
import { NoteSchema } from './schemas';
import type { Board } from '../../shared/board/types';
import { KindIcon } from '../state/Icon';
import type { BoardActions } from '../state/types';
import { boardMinerals } from './board-words';
import { DraftField } from './fields/DraftField';
import { errorAt } from './fields/issues';
import { EdgeEditor } from './inspector/EdgeEditor';
import { LeverEditor } from './inspector/LeverEditor';
import { NodeEditor } from './inspector/NodeEditor';
import './Inspector.css';

/** Props of Inspector. */
export interface InspectorProps {
  board: Board;
  /** Ids of the selected nodes, edges, levers or notes. */
  selection: string[];
  actions: BoardActions;
  /** Viewers see the same fields, disabled, and no delete. */
  readOnly: boolean;
}

type Found =
  | { type: 'node'; item: Board['nodes'][number] }
  | { type: 'edge'; item: Board['edges'][number] }
  | { type: 'lever'; item: Board['scenario']['disruptions'][number] }
  | { type: 'note'; item: Board['notes'][number] };

function find(board: Board, id: string): Found | null {
  const node = board.nodes.find((n) => n.id === id);
  if (node) return { type: 'node', item: node };
  const edge = board.edges.find((e) => e.id === id);
  if (edge) return { type: 'edge', item: edge };
  const lever = board.scenario.disruptions.find((d) => d.id === id);
  if (lever) return { type: 'lever', item: lever };
  const note = board.notes.find((n) => n.id === id);
  return note ? { type: 'note', item: note } : null;
}

/** Edits every field of the single selected item; with several selected, offers to delete them all. */
export function Inspector({ board, selection, actions, readOnly }: InspectorProps) {
  const intl = useIntl();
  const m = (key: string, values?: Record<string, number>) => intl.formatMessage({ id: `panels.inspector.${key}` }, values);
  const mineralList = useId();
  if (selection.length === 0) {
    return (
      <aside className="inspector" aria-label={m('label')}>
        <p className="inspector-empty">{m('empty')}</p>
      </aside>
    );
  }
  if (selection.length > 1) {
    return (
      <aside className="inspector" aria-label={m('label')}>
        <p className="inspector-count">{m('selected', { count: selection.length })}</p>
        {!readOnly && (
          <button type="button" className="panel-button danger" onClick={() => actions.deleteItems([...selection])}>{m('deleteAll')}</button>
        )}
      </aside>
    );
  }

  const id = selection[0];
  const found = find(board, id);
  if (!found) {
    return (
      <aside className="inspector" aria-label={m('label')}>
        <p className="inspector-empty">{m('gone')}</p>
      </aside>
    );
  }
  const title = m(`type.${found.type}`);
  const heading = found.type === 'node' ? <><KindIcon kind={found.item.kind} /> {found.item.label}</> : title;

  return (
    <aside className="inspector" aria-label={m('label')}>
      <header className="inspector-head">
        <h2>{heading}</h2>
        <span className="inspector-id" title={m('id')}>{title} · {id}</span>
      </header>
      <datalist id={mineralList}>
        {boardMinerals(board).map((m) => <option key={m} value={m} />)}
      </datalist>
      {/* Keyed by id so drafts of one item never leak into the next. */}
      {found.type === 'node' && (
        <NodeEditor key={id} node={found.item} readOnly={readOnly} mineralList={mineralList} update={(changes) => actions.updateNode(id, changes)} />
      )}
      {found.type === 'edge' && (
        <EdgeEditor key={id} board={board} edge={found.item} readOnly={readOnly} mineralList={mineralList} update={(changes) => actions.updateEdge(id, changes)} />
      )}
      {found.type === 'lever' && (
        <LeverEditor key={id} board={board} lever={found.item} readOnly={readOnly} update={(changes) => actions.updateLever(id, changes)} />
      )}
      {found.type === 'note' && (
        <DraftField
          key={id}
          label={m('noteText')}
          value={found.item.text}
          disabled={readOnly}
          check={(text) => errorAt(intl, NoteSchema.safeParse({ ...found.item, text }), ['text'], { ...found.item, text })}
          commit={(text) => actions.updateNote(id, { text })}
        />
      )}
      {!readOnly && (
        <footer className="inspector-foot">
          <button type="button" className="panel-button danger" onClick={() => actions.deleteItems([id])}>{m('delete')}</button>
        </footer>
      )}
    </aside>
  );
}
