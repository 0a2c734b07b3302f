/** The board diff in words, grouped nodes / flows / levers / board, each item added, removed or changed with "field: old → new" lines. */
import { useIntl } from 'react-intl';
import type { BoardDiff, FieldChange, ItemDiff } from '../../shared/board/diff';
import { changeLine, edgeTitle, isEmptyDiff, leverTitle, nodeTitle } from './compare-model';
import '../shell/tool-panel.css';

/** Props of DiffList. */
export interface DiffListProps {
  diff: BoardDiff;
  /** Node id -> label, for flows between nodes. */
  labels?: ReadonlyMap<string, string>;
}

const SIGN = { added: '+', removed: '−', changed: '~' } as const;

function json(value: unknown): string | undefined {
  return value === undefined ? undefined : JSON.stringify(value);
}

function Lines({ fields }: { fields: FieldChange[] }) {
  const intl = useIntl();
  return (
    <ul className="ls-fac-diff__fields">
      {fields.map((f) => (
        <li key={f.field} data-field={f.field} data-before={json(f.before)} data-after={json(f.after)}>
          {changeLine(intl, f)}
        </li>
      ))}
    </ul>
  );
}

function Section<T extends { id: string }>({ title, kind, diff, name }: { title: string; kind: string; diff: ItemDiff<T>; name(item: T): string }) {
  const intl = useIntl();
  const count = diff.added.length + diff.removed.length + diff.changed.length;
  if (count === 0) return null;
  const entry = (change: keyof typeof SIGN, id: string, text: string, fields?: FieldChange[]) => (
    <li key={`${change}-${id}`} className={`ls-fac-diff__item ls-fac-diff__item--${change}`} data-change={change} data-id={id} data-testid={`diff-${kind}-${id}`}>
      <span className="ls-fac-diff__sign" aria-hidden="true">{SIGN[change]}</span>
      <span className="ls-visually-hidden">{intl.formatMessage({ id: `compare.diff.${change}` })}</span>
      <span className="ls-fac-diff__name">{text}</span>
      {fields && <Lines fields={fields} />}
    </li>
  );
  return (
    <section className="ls-fac-diff__section" aria-label={title} data-kind={kind}>
      <h4 className="ls-fac-subtitle">
        {title} <span className="ls-muted">{intl.formatMessage({ id: 'compare.diff.counts' }, { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length })}</span>
      </h4>
      <ul className="ls-fac-diff__items">
        {diff.added.map((item) => entry('added', item.id, name(item)))}
        {diff.removed.map((item) => entry('removed', item.id, name(item)))}
        {diff.changed.map((c) => entry('changed', c.id, name(c.after), c.fields))}
      </ul>
    </section>
  );
}

/** The diff list; "No differences" when the two sides are the same. */
export function DiffList({ diff, labels }: DiffListProps) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id: `compare.diff.${id}` });
  if (isEmptyDiff(diff)) return <p className="ls-muted" data-testid="diff-empty">{t('none')}</p>;
  return (
    <div className="ls-fac-diff">
      <Section title={t('nodes')} kind="node" diff={diff.nodes} name={nodeTitle} />
      <Section title={t('flows')} kind="edge" diff={diff.edges} name={(e) => edgeTitle(intl, e, labels)} />
      <Section title={t('levers')} kind="lever" diff={diff.levers} name={(l) => leverTitle(intl, l)} />
      <Section title={t('expansions')} kind="expansion" diff={diff.expansions} name={(x) => x.label} />
      <Section title={t('priceFloors')} kind="price-floor" diff={diff.priceFloors} name={(p) => p.label} />
      {diff.meta.length > 0 && (
        <section className="ls-fac-diff__section" aria-label={t('board')} data-kind="meta">
          <h4 className="ls-fac-subtitle">{t('board')}</h4>
          <Lines fields={diff.meta} />
        </section>
      )}
    </div>
  );
}
