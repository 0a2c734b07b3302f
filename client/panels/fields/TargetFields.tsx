/** Picks what a lever hits: a node, an edge, or a country (with kinds and "exports only"). */
import { useId, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { NODE_KINDS, type Board, type DisruptionTarget, type NodeKind } from '../../../shared/board/types';
import { kindName } from '../../i18n/kind-name';
import { edgeWords, exportWords } from '../board-words';
import { CountryListField } from './CountryListField';
import './fields.css';

/** The three kinds of target. */
export type TargetType = 'node' | 'edge' | 'country';

/** Which kind of target `target` is. */
export function targetType(target: DisruptionTarget): TargetType {
  return 'node' in target ? 'node' : 'edge' in target ? 'edge' : 'country';
}

/** A sensible first target of a type on this board (the first node or edge; the country keeps what was typed). */
export function defaultTarget(board: Board, type: TargetType, country = ''): DisruptionTarget {
  if (type === 'node') return { node: board.nodes[0]?.id ?? '' };
  if (type === 'edge') return { edge: board.edges[0]?.id ?? '' };
  return { country };
}

/** Props of TargetFields. */
export interface TargetFieldsProps {
  board: Board;
  target: DisruptionTarget;
  disabled: boolean;
  /** Called at once for selects and checkboxes. */
  onChange(next: DisruptionTarget): void;
  /** The country input: a draft field in the inspector, a live input in a form. */
  countryField: ReactNode;
  /** Why the node or edge choice is not valid, if it is not. */
  error?: string | null;
  /** Prefix for labels so two pickers on one page stay distinguishable. */
  labelPrefix?: string;
}

/** Target type select plus the fields of that type. */
export function TargetFields({ board, target, disabled, onChange, countryField, error, labelPrefix = '' }: TargetFieldsProps) {
  const intl = useIntl();
  const m = (key: string, values?: Record<string, string>) => intl.formatMessage({ id: `panels.targetFields.${key}` }, { prefix: labelPrefix, ...values });
  const id = useId();
  const type = targetType(target);
  const country = 'country' in target ? target : null;
  const setKinds = (kind: NodeKind, on: boolean) => {
    if (!country) return;
    const kinds = NODE_KINDS.filter((k) => (k === kind ? on : (country.kinds ?? []).includes(k)));
    const { kinds: _old, ...rest } = country;
    onChange(kinds.length > 0 ? { ...rest, kinds } : rest);
  };
  const setExportsOnly = (on: boolean) => {
    if (!country) return;
    // `to` is only allowed with exportsOnly: it goes when exportsOnly does.
    const { exportsOnly: _old, to: _to, ...rest } = country;
    onChange(on ? { ...rest, exportsOnly: true, ...(country.to ? { to: country.to } : {}) } : rest);
  };
  const setTo = (to: string[] | undefined) => {
    if (!country) return;
    const { to: _old, ...rest } = country;
    onChange(to ? { ...rest, to } : rest);
  };
  const nodes = [...board.nodes].sort((a, b) => a.label.localeCompare(b.label));
  const missing = (ids: string[], wanted: string) => (wanted !== '' && !ids.includes(wanted) ? <option value={wanted}>{m('missing', { id: wanted })}</option> : null);

  return (
    <div className="target-fields">
      <div className="field">
        <label htmlFor={`${id}-type`}>{m('target')}</label>
        <select id={`${id}-type`} value={type} disabled={disabled} onChange={(e) => onChange(defaultTarget(board, e.target.value as TargetType, country?.country ?? ''))}>
          <option value="country">{m('country')}</option>
          <option value="node">{m('node')}</option>
          <option value="edge">{m('edge')}</option>
        </select>
      </div>
      {'node' in target && (
        <div className="field">
          <label htmlFor={`${id}-node`}>{m('nodeLabel')}</label>
          <select id={`${id}-node`} value={target.node} disabled={disabled} onChange={(e) => onChange({ node: e.target.value })}>
            {target.node === '' && <option value="">{m('chooseNode')}</option>}
            {missing(board.nodes.map((n) => n.id), target.node)}
            {nodes.map((n) => (
              <option key={n.id} value={n.id}>{`${n.label} (${n.country})`}</option>
            ))}
          </select>
          {error && <span role="alert" className="field-error">{error}</span>}
        </div>
      )}
      {'edge' in target && (
        <div className="field">
          <label htmlFor={`${id}-edge`}>{m('edgeLabel')}</label>
          <select id={`${id}-edge`} value={target.edge} disabled={disabled} onChange={(e) => onChange({ edge: e.target.value })}>
            {target.edge === '' && <option value="">{m('chooseEdge')}</option>}
            {missing(board.edges.map((e) => e.id), target.edge)}
            {board.edges.map((e) => (
              <option key={e.id} value={e.id}>{edgeWords(board, e)}</option>
            ))}
          </select>
          {error && <span role="alert" className="field-error">{error}</span>}
        </div>
      )}
      {country && (
        <>
          {countryField}
          <fieldset className="check-row" disabled={disabled}>
            <legend className="visually-hidden">{m('kinds')}</legend>
            {NODE_KINDS.map((kind) => (
              <label key={kind}>
                <input type="checkbox" checked={(country.kinds ?? []).includes(kind)} onChange={(e) => setKinds(kind, e.target.checked)} />
                {kindName(intl, kind)}
              </label>
            ))}
          </fieldset>
          <label className="check-row">
            <input type="checkbox" checked={country.exportsOnly === true} disabled={disabled} onChange={(e) => setExportsOnly(e.target.checked)} />
            {m('exportsOnly')}
          </label>
          {country.exportsOnly === true && (
            <CountryListField label={m('onlyTo')} value={country.to} commit={setTo} disabled={disabled} placeholder={m('onlyToHint')} />
          )}
          {country.country !== '' && <p className="target-words" data-testid="export-words">{exportWords(intl, country)}</p>}
        </>
      )}
    </div>
  );
}
