/**
 * Exposure reports as the worker sends them: a mineral (or reroute block) whole the first time, afterwards only
 * the consumers, flows and lists that changed. A lever toggle on a 2,000-node board changes a fifth of the
 * consumers, so the page decodes about a fifth of the report, and unchanged consumers keep their object
 * identity (what the panels and the canvas memoize on).
 */
import { definedKeys, hasOwn, isPlainObject, sameValue } from '../../shared/board/same-value';
import { dict } from '../../shared/exposure/dict';
import type { ConsumerReport, CriticalNode, MineralReport, RerouteConsumer, RerouteReport } from '../../shared/exposure/types';

/**
 * A dictionary as sent: the entries that changed; then either the whole key order when the keys changed (ordered
 * dictionaries), or the keys that are gone (unordered ones, such as flows by edge id, whose order nothing reads).
 */
export interface DictPatch<T> {
  changed: Record<string, T>;
  /** Entries of object values that only some fields changed in (fieldwise patches): those fields. */
  fields?: Record<string, Partial<T>>;
  keys?: string[];
  removed?: string[];
}

/** The fields of `next` that differ from `prev`, or null when a field is gone (then the entry goes whole). */
function changedFields<T>(prev: T, next: T): Partial<T> | null {
  if (!isPlainObject(prev) || !isPlainObject(next)) return null;
  if (definedKeys(prev).some((key) => next[key] === undefined)) return null;
  const out: Record<string, unknown> = {};
  for (const key of definedKeys(next)) if (!sameValue(prev[key], next[key])) out[key] = next[key];
  return out as Partial<T>;
}

/**
 * What changed from `prev` to `next` (entries compared by value); `ordered: false` when the key order does not
 * matter; `fieldwise` sends only the changed fields of object entries (a consumer's routes and stages rarely change).
 */
export function dictPatch<T>(prev: Record<string, T>, next: Record<string, T>, ordered = true, fieldwise = false): DictPatch<T> {
  const changed = dict<T>();
  const fields = dict<Partial<T>>();
  let anyFields = false;
  const nextKeys = Object.keys(next);
  const prevKeys = Object.keys(prev);
  let sameKeys = nextKeys.length === prevKeys.length;
  for (let i = 0; i < nextKeys.length; i++) {
    const key = nextKeys[i];
    if (sameKeys && prevKeys[i] !== key) sameKeys = false;
    if (hasOwn(prev, key) && sameValue(prev[key], next[key])) continue;
    const part = fieldwise && hasOwn(prev, key) ? changedFields(prev[key], next[key]) : null;
    if (part === null) changed[key] = next[key];
    else {
      fields[key] = part;
      anyFields = true;
    }
  }
  const patch: DictPatch<T> = anyFields ? { changed, fields } : { changed };
  if (sameKeys) return patch;
  if (ordered) return { ...patch, keys: nextKeys };
  return { ...patch, removed: prevKeys.filter((key) => !hasOwn(next, key)) };
}

/** `prev` with a patch applied (in the sender's key order when it sent one); `prev` itself when nothing changed. */
export function applyDictPatch<T>(prev: Record<string, T>, patch: DictPatch<T>): Record<string, T> {
  const changedKeys = Object.keys(patch.changed);
  const fieldKeys = patch.fields === undefined ? [] : Object.keys(patch.fields);
  const out = dict<T>();
  if (patch.keys === undefined) {
    if (changedKeys.length === 0 && fieldKeys.length === 0 && (patch.removed === undefined || patch.removed.length === 0)) return prev;
    for (const key of Object.keys(prev)) out[key] = prev[key];
    for (const key of patch.removed ?? []) delete out[key];
    for (const key of changedKeys) out[key] = patch.changed[key];
  } else {
    const changed = new Set(changedKeys);
    for (const key of patch.keys) {
      if (changed.has(key)) out[key] = patch.changed[key];
      else if (hasOwn(prev, key)) out[key] = prev[key];
      else throw new Error(`exposure worker: no entry for ${key}`);
    }
  }
  for (const key of fieldKeys) {
    if (!hasOwn(prev, key)) throw new Error(`exposure worker: changed fields of ${key}, which the page does not hold`);
    out[key] = { ...prev[key], ...patch.fields![key] };
  }
  return out;
}

/** A mineral report without its consumers, critical nodes and reroute block. */
type MineralBase = Omit<MineralReport, 'consumers' | 'criticalNodes' | 'reroute'>;
/** One mineral's immediate report: whole, or its small fields with the consumers (and critical nodes) that changed. */
export type MineralUpdate =
  | { whole: MineralReport }
  | { base: MineralBase; consumers: DictPatch<ConsumerReport>; criticalNodes?: CriticalNode[] };

/** A reroute block without its consumers and flows. */
type RerouteBase = Omit<RerouteReport, 'consumers' | 'flows'>;
/** One mineral's reroute block: whole, or its small fields with the consumers and flows that changed. */
export type RerouteUpdate =
  | { whole: RerouteReport }
  | { base: RerouteBase; consumers: DictPatch<RerouteConsumer>; flows: DictPatch<number> };

/** The update that brings the page from `prev` (what it holds, or undefined) to `next`; the reroute block is not sent here. */
export function mineralUpdate(prev: MineralReport | undefined, next: MineralReport): MineralUpdate {
  const { consumers, criticalNodes, reroute, ...base } = next;
  if (prev === undefined) return { whole: reroute === undefined ? next : { ...base, consumers, criticalNodes } };
  const patch = { base, consumers: dictPatch(prev.consumers, consumers, true, true) };
  return sameValue(prev.criticalNodes, criticalNodes) ? patch : { ...patch, criticalNodes };
}

/** The mineral report from what the page holds and an update (unchanged consumers and critical nodes keep their identity). */
export function applyMineralUpdate(prev: MineralReport | undefined, update: MineralUpdate): MineralReport {
  if ('whole' in update) return update.whole;
  if (prev === undefined) throw new Error('exposure worker: a mineral update without the report it changes');
  return { ...update.base, consumers: applyDictPatch(prev.consumers, update.consumers), criticalNodes: update.criticalNodes ?? prev.criticalNodes };
}

/** The update that brings the page's reroute block `prev` (or none) to `next`. */
export function rerouteUpdate(prev: RerouteReport | undefined, next: RerouteReport): RerouteUpdate {
  if (prev === undefined) return { whole: next };
  const { consumers, flows, ...base } = next;
  return { base, consumers: dictPatch(prev.consumers, consumers, true, true), flows: dictPatch(prev.flows, flows, false) };
}

/** The reroute block from the page's one and an update. */
export function applyRerouteUpdate(prev: RerouteReport | undefined, update: RerouteUpdate): RerouteReport {
  if ('whole' in update) return update.whole;
  if (prev === undefined) throw new Error('exposure worker: a reroute update without the block it changes');
  return { ...update.base, consumers: applyDictPatch(prev.consumers, update.consumers), flows: applyDictPatch(prev.flows, update.flows) };
}
