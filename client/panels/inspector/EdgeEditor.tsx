/** Every field of one edge: its ends (shown as labels), mineral, volume, route capacity and delay, and label. */
import { useIntl } from 'react-intl';
import { EdgeSchema } from '../schemas';
import type { Board, BoardEdge } from '../../../shared/board/types';
import { sameValue } from '../../../shared/board/same-value';
import { useFormats } from '../../i18n/format';
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
  const intl = useIntl();
  const node = board.nodes.find((n) => n.id === id);
  return (
    <div className="field">
      <span className="field-label">{label}</span>
      <span className="edge-end" data-node={id}>
        {node ? <><KindIcon kind={node.kind} /> {node.label}</> : intl.formatMessage({ id: 'panels.edgeEditor.missing' }, { id })}
      </span>
    </div>
  );
}

/** The edge's fields; each is checked against EdgeSchema as a whole candidate edge and stored only when valid. */
export function EdgeEditor({ board, edge, readOnly, update, mineralList }: EdgeEditorProps) {
  const intl = useIntl();
  const f = useFormats();
  const m = (key: string, values?: Record<string, string>) => intl.formatMessage({ id: `panels.edgeEditor.${key}` }, values);
  const enterNumber = intl.formatMessage({ id: 'panels.issue.number' });
  const problem = (changes: EdgeChanges, path: PropertyKey[]) => {
    const candidate = { ...edge, ...changes };
    return errorAt(intl, EdgeSchema.safeParse(candidate), path, candidate);
  };
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
      check={(t) => (Number.isNaN(parseNumber(t)) ? enterNumber : problem({ [key]: parseNumber(t) }, [key]))}
      commit={(t) => store(key, parseNumber(t))}
    />
  );
  return (
    <div className="edge-editor">
      <End board={board} id={edge.from} label={m('from')} />
      <End board={board} id={edge.to} label={m('to')} />
      <DraftField
        label={m('mineral')}
        value={edge.mineral}
        list={mineralList}
        disabled={readOnly}
        normalise={(t) => t.trim().toLowerCase()}
        check={(t) => problem({ mineral: t }, ['mineral'])}
        commit={(t) => store('mineral', t)}
      />
      <DraftField
        label={m('volume')}
        value={numberText(edge.volume)}
        inputMode="decimal"
        disabled={readOnly}
        check={(t) => {
          const volume = parseNumber(t);
          return volume === undefined || Number.isNaN(volume) ? enterNumber : problem({ volume }, ['volume']);
        }}
        commit={(t) => store('volume', parseNumber(t) ?? 0)}
      />
      {optionalNumber('capacity', m('capacity'), m('capacityHint'))}
      {optionalNumber('delayDays', m('delay'), m('delayHint'))}
      {edge.volume === 0 && edge.capacity !== undefined && (
        <p className="edge-note" data-testid="alternative-route">{m('alternative', { capacity: f.perYear(edge.capacity) })}</p>
      )}
      <DraftField
        label={m('label')}
        value={edge.label ?? ''}
        placeholder={m('optional')}
        disabled={readOnly}
        check={(t) => (t === '' ? null : problem({ label: t }, ['label']))}
        commit={(t) => store('label', t === '' ? undefined : t)}
      />
    </div>
  );
}
