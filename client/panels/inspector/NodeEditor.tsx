/** Every field of one node: kind, label, country (name or code), recovery days, lat/lon, capacity/demand/stock rows, tags. */
import { useId } from 'react';
import { useIntl } from 'react-intl';
import { NodeSchema } from '../schemas';
import { NODE_KINDS, type BoardNode, type MineralAmounts, type NodeKind } from '../../../shared/board/types';
import { sameValue } from '../../../shared/board/same-value';
import { kindName } from '../../i18n/kind-name';
import { CountryField } from '../fields/CountryField';
import { DraftField } from '../fields/DraftField';
import { errorAt, numberText, parseList, parseNumber } from '../fields/issues';
import { AmountRows } from './AmountRows';

type NodeChanges = Partial<Omit<BoardNode, 'id'>>;

/** Props of NodeEditor. */
export interface NodeEditorProps {
  node: BoardNode;
  readOnly: boolean;
  update(changes: NodeChanges): void;
  /** Id of a datalist of the board's minerals. */
  mineralList: string;
}

const AMOUNTS = [
  { field: 'capacity', perYear: true },
  { field: 'demand', perYear: true },
  { field: 'stock', perYear: false },
] as const;

/** The node's fields; each is checked against NodeSchema as a whole candidate node and stored only when valid. */
export function NodeEditor({ node, readOnly, update, mineralList }: NodeEditorProps) {
  const intl = useIntl();
  const m = (key: string) => intl.formatMessage({ id: `panels.nodeEditor.${key}` });
  const kindId = useId();
  // Only the edited field's own issues block a write, so older bad data elsewhere never locks a person out.
  const problem = (changes: NodeChanges, path: PropertyKey[]) => {
    const candidate = { ...node, ...changes };
    return errorAt(intl, NodeSchema.safeParse(candidate), path, candidate);
  };
  const store = <K extends keyof NodeChanges>(key: K, value: NodeChanges[K]) => {
    if (!sameValue(value, node[key])) update({ [key]: value } as NodeChanges);
  };
  const coordinate = (key: 'lat' | 'lon', label: string) => (
    <DraftField
      label={label}
      value={numberText(node[key])}
      inputMode="decimal"
      placeholder={m('optional')}
      disabled={readOnly}
      check={(t) => (Number.isNaN(parseNumber(t)) ? intl.formatMessage({ id: 'panels.issue.number' }) : problem({ [key]: parseNumber(t) }, [key]))}
      commit={(t) => store(key, parseNumber(t))}
    />
  );

  return (
    <div className="node-editor">
      <div className="field">
        <label htmlFor={kindId}>{m('kind')}</label>
        <select
          id={kindId}
          value={node.kind}
          disabled={readOnly}
          onChange={(e) => {
            const kind = e.target.value as NodeKind;
            if (problem({ kind }, ['kind']) === null) store('kind', kind);
          }}
        >
          {NODE_KINDS.map((kind) => (
            <option key={kind} value={kind}>{kindName(intl, kind)}</option>
          ))}
        </select>
      </div>
      <DraftField label={m('label')} value={node.label} disabled={readOnly} check={(t) => problem({ label: t }, ['label'])} commit={(t) => store('label', t)} />
      <CountryField label={m('country')} value={node.country} disabled={readOnly} check={(c) => problem({ country: c }, ['country'])} commit={(c) => store('country', c)} />
      {node.kind !== 'consumer' && (
        <DraftField
          label={m('recovery')}
          value={numberText(node.recoveryDays)}
          inputMode="decimal"
          placeholder={m('recoveryHint')}
          disabled={readOnly}
          check={(t) => (Number.isNaN(parseNumber(t)) ? intl.formatMessage({ id: 'panels.issue.number' }) : problem({ recoveryDays: parseNumber(t) }, ['recoveryDays']))}
          commit={(t) => store('recoveryDays', parseNumber(t))}
        />
      )}
      {coordinate('lat', m('lat'))}
      {coordinate('lon', m('lon'))}
      {AMOUNTS.map(({ field, perYear }) => (
        <AmountRows
          key={field}
          title={m(field)}
          unit={m(perYear ? 'unitPerYear' : 'unitTonnes')}
          amounts={node[field]}
          disabled={readOnly}
          mineralList={mineralList}
          check={(next: MineralAmounts, path) => problem({ [field]: next }, [field, ...path])}
          commit={(next) => store(field, next)}
        />
      ))}
      <DraftField
        label={m('tags')}
        value={(node.tags ?? []).join(', ')}
        placeholder={m('tagsHint')}
        disabled={readOnly}
        check={(t) => problem({ tags: parseList(t) }, ['tags'])}
        commit={(t) => {
          const tags = parseList(t);
          store('tags', tags.length > 0 ? tags : undefined);
        }}
      />
    </div>
  );
}
