/**
 * What each role may publish in awareness. Viewers: name, colour, cursor, where they look and in which view
 * (canvas or map, with the map cursor and map centre checked). Editors:
 * anything but the presenter's fields. Facilitators: everything, so a `presenting` or `summon` field in
 * a room's awareness always comes from a facilitator (the slides route relies on that).
 */
import { readMapCenter, readMapPoint, readPresenting, readSummon, readViewCenter } from '../../shared/presence/presence';
import type { Role } from '../auth/tokens';
import { viewerAwarenessState } from '../protocol/awareness-update';

/** Fields only a facilitator may publish. */
const FACILITATOR_FIELDS = ['presenting', 'summon'] as const;

/** The part of an awareness state a connection with `role` may publish. */
export function awarenessForRole(role: Role, state: unknown): unknown {
  if (state === null || typeof state !== 'object' || Array.isArray(state)) return role === 'facilitator' || state === null ? state : {};
  const fields = state as Record<string, unknown>;
  if (role === 'facilitator') {
    const out = { ...fields };
    if ('presenting' in out) out.presenting = readPresenting(out.presenting);
    if ('summon' in out) out.summon = readSummon(out.summon);
    return out;
  }
  if (role === 'editor') {
    const out = { ...fields };
    for (const key of FACILITATOR_FIELDS) delete out[key];
    return out;
  }
  const viewport = readViewCenter(fields.viewport);
  const kept = viewerAwarenessState(state) as Record<string, unknown>;
  if (viewport) kept.viewport = viewport;
  if (fields.view === 'map') kept.view = 'map';
  const mapCursor = readMapPoint(fields.mapCursor);
  if (mapCursor) kept.mapCursor = mapCursor;
  const mapViewport = readMapCenter(fields.mapViewport);
  if (mapViewport) kept.mapViewport = mapViewport;
  return kept;
}

/** The snapshot ids presented right now in a room's awareness states. */
export function presentedSnapshots(states: ReadonlyMap<number, unknown>): Set<string> {
  const ids = new Set<string>();
  for (const state of states.values()) {
    if (state === null || typeof state !== 'object') continue;
    const presenting = readPresenting((state as Record<string, unknown>).presenting);
    if (presenting) ids.add(presenting.snapshotId);
  }
  return ids;
}
