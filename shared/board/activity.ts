/**
 * Shared actions in the live document's `activity` map (doc-schema.ts): who arranged, restored, imported or
 * changed a lever, and when, so everyone can be told with the person's name. Small: at most MAX_ACTIVITY
 * entries are kept. Pure apart from writing into a Y.Doc; time is passed in.
 */
import * as Y from 'yjs';
import { ACTIVITY_MAP } from './doc-schema';
import type { Board } from './types';

/** What was done. */
export type ActivityType = 'arrange' | 'restore' | 'import' | 'lever';

/** One shared action. `detail` is JSON: restore {name, leversOff}, lever {id, label, enabled, switched?}. */
export interface Activity {
  id: string;
  type: ActivityType;
  by: string;
  at: number;
  detail?: string;
}

/** How many entries the map keeps (the oldest go first). */
export const MAX_ACTIVITY = 20;

const TYPES: ReadonlySet<string> = new Set(['arrange', 'restore', 'import', 'lever']);

/** An entry read from the map, or null when it is not one of ours. */
export function readActivity(id: string, value: unknown): Activity | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (typeof v.type !== 'string' || !TYPES.has(v.type) || typeof v.by !== 'string' || typeof v.at !== 'number') return null;
  return { id, type: v.type as ActivityType, by: v.by, at: v.at, ...(typeof v.detail === 'string' ? { detail: v.detail } : {}) };
}

/** Writes an entry (replacing one with the same id) and drops the oldest beyond MAX_ACTIVITY; inside the caller's transaction if any. */
export function recordActivity(doc: Y.Doc, entry: Activity, origin?: unknown): void {
  const map = doc.getMap<unknown>(ACTIVITY_MAP);
  doc.transact(() => {
    const { id, ...value } = entry;
    map.set(id, { ...value, by: value.by.slice(0, 80), ...(value.detail !== undefined ? { detail: value.detail.slice(0, 200) } : {}) });
    const entries = [...map.entries()].map(([key, v]) => ({ key, at: readActivity(key, v)?.at ?? 0 }));
    entries.sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : 1));
    for (const { key } of entries.slice(0, Math.max(0, entries.length - MAX_ACTIVITY))) map.delete(key);
  }, origin);
}

/** How many levers were on before and are off after (a restore to an older scenario). */
export function leversSwitchedOff(before: Board, after: Board): number {
  const on = new Set(after.scenario.disruptions.filter((d) => d.enabled).map((d) => d.id));
  return before.scenario.disruptions.filter((d) => d.enabled && !on.has(d.id)).length;
}

/** The detail of a restore entry. */
export function restoreDetail(name: string, leversOff: number): string {
  return JSON.stringify({ name: name.slice(0, 150), leversOff });
}

/** The detail of a lever entry; `switched` when the change was the on/off switch itself. */
export function leverDetail(id: string, label: string, enabled: boolean, switched = false): string {
  return JSON.stringify({ id, label: label.slice(0, 120), enabled, ...(switched ? { switched } : {}) });
}

/** A detail's fields, or {} when it is not JSON. */
export function parseDetail(detail: string | undefined): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(detail ?? '{}');
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
