/** What a comparison shows, as plain data: changed ids for highlighting, items and values in words, chart rows. Pure. */
import type { IntlShape } from 'react-intl';
import type { BoardDiff, ChangeKind, ExposureDelta, FieldChange } from '../../shared/board/diff';
import type { BoardEdge, BoardNode, Disruption, DisruptionTarget } from '../../shared/board/types';
import { formatsFor } from '../i18n/format';
import { kindName } from '../i18n/kind-name';

export type { ChangeKind } from '../../shared/board/diff';

/** Ids of the nodes added, removed or changed: what both canvases highlight. */
export function changedNodeIds(diff: BoardDiff): Set<string> {
  return new Set(nodeChanges(diff).keys());
}

/** Ids of the edges added, removed or changed. */
export function changedEdgeIds(diff: BoardDiff): Set<string> {
  const { added, removed, changed } = diff.edges;
  return new Set([...added.map((e) => e.id), ...removed.map((e) => e.id), ...changed.map((c) => c.id)]);
}

/** Node id -> how it changed (a canvas can colour added green, removed red, changed amber). */
export function nodeChanges(diff: BoardDiff): Map<string, ChangeKind> {
  const out = new Map<string, ChangeKind>();
  for (const n of diff.nodes.added) out.set(n.id, 'added');
  for (const n of diff.nodes.removed) out.set(n.id, 'removed');
  for (const c of diff.nodes.changed) out.set(c.id, 'changed');
  return out;
}

/** Whether anything at all differs. */
export function isEmptyDiff(diff: BoardDiff): boolean {
  const none = (d: { added: unknown[]; removed: unknown[]; changed: unknown[] }) => d.added.length + d.removed.length + d.changed.length === 0;
  return none(diff.nodes) && none(diff.edges) && none(diff.levers) && none(diff.expansions) && none(diff.priceFloors) && diff.meta.length === 0;
}

function numberText(intl: IntlShape, value: number): string {
  return formatsFor(intl).number(value, Math.abs(value) < 1 ? 4 : 2);
}

const word = (intl: IntlShape, id: string) => intl.formatMessage({ id: `compare.value.${id}` });

/** A value of a diff line in words: "(none)" for absent, numbers with the locale's separators, lists joined. */
export function valueText(intl: IntlShape, field: string, value: unknown): string {
  if (value === undefined || value === null) return word(intl, 'none');
  if (typeof value === 'number') return numberText(intl, value);
  if (typeof value === 'boolean') return word(intl, field === 'enabled' ? (value ? 'on' : 'off') : value ? 'yes' : 'no');
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (Array.isArray(value)) return value.length === 0 ? word(intl, 'emptyList') : value.map((v) => valueText(intl, '', v)).join(', ');
  if (typeof value === 'object' && Object.keys(value).length === 0) return word(intl, 'empty');
  return JSON.stringify(value);
}

/** One diff line, "field: old → new" (the field is the board file's path, not translated). */
export function changeLine(intl: IntlShape, change: FieldChange): string {
  return `${change.field}: ${valueText(intl, change.field, change.before)} → ${valueText(intl, change.field, change.after)}`;
}

/** A node as "Kokkola (fi-ref)". */
export function nodeTitle(node: BoardNode): string {
  return `${node.label} (${node.id})`;
}

/** An edge as its label, or "from → to", with its mineral and volume. */
export function edgeTitle(intl: IntlShape, edge: BoardEdge, labels?: ReadonlyMap<string, string>): string {
  const name = (id: string) => labels?.get(id) ?? id;
  const route = `${name(edge.from)} → ${name(edge.to)}`;
  return intl.formatMessage({ id: 'compare.edge.title' }, { route: edge.label ? `${edge.label} (${route})` : route, volume: formatsFor(intl).perYear(edge.volume), mineral: edge.mineral });
}

function targetText(intl: IntlShape, target: DisruptionTarget): string {
  if ('node' in target) return intl.formatMessage({ id: 'compare.lever.node' }, { id: target.node });
  if ('edge' in target) return intl.formatMessage({ id: 'compare.lever.flow' }, { id: target.edge });
  const kinds = target.kinds?.length ? intl.formatList(target.kinds.map((k) => kindName(intl, k).toLocaleLowerCase(intl.locale)), { type: 'unit' }) : '';
  return intl.formatMessage({ id: target.exportsOnly ? 'compare.lever.countryExports' : 'compare.lever.country' }, { country: target.country, kinds, any: kinds ? 'yes' : 'no' });
}

/** A lever as "China stops gallium: CN refinery exports, factor 0 for 180 days (on)". */
export function leverTitle(intl: IntlShape, lever: Disruption): string {
  return intl.formatMessage({ id: 'compare.lever.title' }, {
    label: lever.label,
    target: targetText(intl, lever.target),
    factor: numberText(intl, lever.factor),
    days: lever.days,
    state: word(intl, lever.enabled ? 'on' : 'off'),
  });
}

/** One bar group of the shortfall chart: shortfall share before and after, in percent. */
export interface ShortfallBar {
  key: string;
  name: string;
  before: number;
  after: number;
}

/** Most bar groups the chart draws; the rows that moved most are kept. */
export const MAX_BARS = 12;

/** Chart rows: each consumer and mineral with a shortfall on either side, those that moved most first (at most MAX_BARS), then in table order. */
export function shortfallBars(deltas: readonly ExposureDelta[], labels?: ReadonlyMap<string, string>): ShortfallBar[] {
  const rows = deltas
    .map((d, index) => ({ d, index }))
    .filter(({ d }) => (d.before?.shortfall ?? 0) > 0 || (d.after?.shortfall ?? 0) > 0);
  const kept = [...rows].sort((a, b) => Math.abs(b.d.delta.shortfallPct) - Math.abs(a.d.delta.shortfallPct) || a.index - b.index).slice(0, MAX_BARS);
  return kept
    .sort((a, b) => a.index - b.index)
    .map(({ d }) => ({
      key: `${d.mineral}-${d.consumer}`,
      name: `${labels?.get(d.consumer) ?? d.consumer} · ${d.mineral}`,
      before: 100 * (d.before?.shortfallPct ?? 0),
      after: 100 * (d.after?.shortfallPct ?? 0),
    }));
}

/** Whether a consumer's exposure moved at all. */
export function deltaMoved(d: ExposureDelta): boolean {
  if ((d.before === null) !== (d.after === null)) return true;
  return Object.values(d.delta).some((v) => v !== 0) || d.before?.survives !== d.after?.survives;
}
