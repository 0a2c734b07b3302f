/** Every field of one edge: its ends (shown as labels), mineral, volume, route capacity and delay, and label. */
import { EdgeSchema } from '../schemas';
import type { Board, BoardEdge } from '../../../shared/board/types';
import { sameValue } from '../../../shared/board/same-value';
import { KindIcon } from '../../state/Icon';
import { DraftField } from '../fields/DraftField';
import { errorAt, numberText, parseNumber } from '../fields/issues';

type EdgeChanges = Partial<Omit<BoardEdge, 'id'>>;

/** Props of EdgeEditor. */
export interface EdgeEditorProps {
  board: Board;
  edge: BoardEdge;
  readOnly: boolean;
  update(changes: EdgeChanges): void;
  mineralList: string;
}

function End({ board, id, label }: { board: Board; id: string; label: string }) {
  const node = board.nodes.find((n) => n.id === id);
  return (
    <div className="field">
      <span className="field-label">{label}</span>
      <span className="edge-end" data-node={id}>
        {node ? <><KindIcon kind={node.kind} /> {node.label}</> : `${id} (missing)`}
      </span>
    </div>
  );
}

/** The edge's fields; each is checked against EdgeSchema as a whole candidate edge and stored only when valid. */
export function EdgeEditor({ board, edge, readOnly, update, mineralList }: EdgeEditorProps) {
  const problem = (changes: EdgeChanges, path: PropertyKey[]) => errorAt(EdgeSchema.safeParse({ ...edge, ...changes }), path);
  const store = <K extends keyof EdgeChanges>(key: K, value: EdgeChanges[K]) => {
    if (!sameValue(value, edge[key])) update({ [key]: value } as EdgeChanges);
  };
  // An empty field removes the optional number.
  const optionalNumber = (key: 'capacity' | 'delayDays', label: string, placeholder: string) => (
    <DraftField
      label={label}
      value={numberText(edge[key])}
      inputMode="decimal"
      placeholder={placeholder}
      disabled={readOnly}
      check={(t) => (Number.isNaN(parseNumber(t)) ? 'Enter a number.' : problem({ [key]: parseNumber(t) }, [key]))}
      commit={(t) => store(key, parseNumber(t))}
    />
  );
  return (
    <div className="edge-editor">
      <End board={board} id={edge.from} label="From" />
      <End board={board} id={edge.to} label="To" />
      <DraftField
        label="Mineral"
        value={edge.mineral}
        list={mineralList}
        disabled={readOnly}
        normalise={(t) => t.trim().toLowerCase()}
        check={(t) => problem({ mineral: t }, ['mineral'])}
        commit={(t) => store('mineral', t)}
      />
      <DraftField
        label="Volume (t/yr)"
        value={numberText(edge.volume)}
        inputMode="decimal"
        disabled={readOnly}
        check={(t) => {
          const volume = parseNumber(t);
          return volume === undefined || Number.isNaN(volume) ? 'Enter a number.' : problem({ volume }, ['volume']);
        }}
        commit={(t) => store('volume', parseNumber(t) ?? 0)}
      />
      {optionalNumber('capacity', 'Route capacity (t/yr)', 'optional: the most this route can carry')}
      {optionalNumber('delayDays', 'Delay (days)', 'optional: extra days against the planned route')}
      {edge.volume === 0 && edge.capacity !== undefined && (
        <p className="edge-note" data-testid="alternative-route">An alternative route: unused in the plan, it carries up to {edge.capacity.toLocaleString('en-US')} t/yr when rerouting.</p>
      )}
      <DraftField
        label="Label"
        value={edge.label ?? ''}
        placeholder="optional"
        disabled={readOnly}
        check={(t) => (t === '' ? null : problem({ label: t }, ['label']))}
        commit={(t) => store('label', t === '' ? undefined : t)}
      />
    </div>
  );
}
