/** What a comparison shows, as plain data: changed ids for highlighting, items and values in words, chart rows. Pure. */
import type { BoardDiff, ChangeKind, ExposureDelta, FieldChange } from '../../shared/board/diff';
import type { BoardEdge, BoardNode, Disruption, DisruptionTarget } from '../../shared/board/types';

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

function numberText(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: Math.abs(value) < 1 ? 4 : 2 });
}

/** A value of a diff line in words: "(none)" for absent, numbers with separators, lists joined. */
export function valueText(field: string, value: unknown): string {
  if (value === undefined || value === null) return '(none)';
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return field === 'enabled' ? (value ? 'on' : 'off') : value ? 'yes' : 'no';
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (Array.isArray(value)) return value.length === 0 ? '(empty list)' : value.map((v) => valueText('', v)).join(', ');
  if (typeof value === 'object' && Object.keys(value).length === 0) return '(empty)';
  return JSON.stringify(value);
}

/** One diff line, "field: old → new". */
export function changeLine(change: FieldChange): string {
  return `${change.field}: ${valueText(change.field, change.before)} → ${valueText(change.field, change.after)}`;
}

/** A node as "Kokkola (fi-ref)". */
export function nodeTitle(node: BoardNode): string {
  return `${node.label} (${node.id})`;
}

/** An edge as its label, or "from → to", with its mineral and volume. */
export function edgeTitle(edge: BoardEdge, labels?: ReadonlyMap<string, string>): string {
  const name = (id: string) => labels?.get(id) ?? id;
  const route = `${name(edge.from)} → ${name(edge.to)}`;
  return `${edge.label ? `${edge.label} (${route})` : route}: ${numberText(edge.volume)} t/yr ${edge.mineral}`;
}

function targetText(target: DisruptionTarget): string {
  if ('node' in target) return `node ${target.node}`;
  if ('edge' in target) return `flow ${target.edge}`;
  const kinds = target.kinds?.length ? ` ${target.kinds.join(', ')}` : '';
  return `${target.country}${kinds}${target.exportsOnly ? ' exports' : ''}`;
}

/** A lever as "China stops gallium: CN refinery exports, factor 0 for 180 days (on)". */
export function leverTitle(lever: Disruption): string {
  return `${lever.label}: ${targetText(lever.target)}, factor ${numberText(lever.factor)} for ${numberText(lever.days)} days (${lever.enabled ? 'on' : 'off'})`;
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
