/**
 * Following as plain data: what a participant shows when following the presenter or another person, and
 * whom to follow after a summon. Pure; the session carries each person's view in awareness.
 */
import type { BoardView, MapCenter, Presenting, ViewCenter } from '../../shared/presence/presence';

/** Where someone looks: the centre of their screen in flow coordinates, and the zoom. */
export type ViewportState = ViewCenter;

/** What each person publishes (awareness): their viewport, and while presenting the slide shown. */
export interface PresenceView {
  clientId: number;
  name: string;
  viewport: ViewportState | null;
  /** Set while this person presents. */
  presenting: Presenting | null;
  /** Raised (a counter) each time this person brings everyone to their view. */
  summon: number;
  /** The view they are in (absent: the canvas). */
  view?: BoardView;
  /** Where they look on the map (null or absent: the whole world). */
  mapViewport?: MapCenter | null;
}

/** What a participant's screen shows when following someone. */
export type FollowView =
  | { kind: 'free' }
  | { kind: 'follow'; clientId: number; name: string; viewport: ViewportState | null; slide: Presenting | null; view: BoardView; mapViewport: MapCenter | null };

/**
 * What to show given who I follow (null: nobody) and the people here: the followed person's view (canvas or
 * map) and where they look in it and, when they present, their slide. Free when they left.
 */
export function followView(people: readonly PresenceView[], following: number | null): FollowView {
  if (following === null) return { kind: 'free' };
  const leader = people.find((p) => p.clientId === following);
  if (!leader) return { kind: 'free' };
  return {
    kind: 'follow', clientId: leader.clientId, name: leader.name, viewport: leader.viewport, slide: leader.presenting,
    view: leader.view ?? 'canvas', mapViewport: leader.mapViewport ?? null,
  };
}

/**
 * Whom to follow after a change in the people list: someone who raised their summon counter since it was
 * last seen ("bring everyone to me") wins; otherwise whom I followed, while they are here. A counter seen
 * for the first time is only remembered (a newcomer is not pulled by an old summon). `self` is never
 * followed. Returns the choice and the counters to remember.
 */
export function nextFollowing(
  people: readonly PresenceView[],
  self: number,
  following: number | null,
  seen: ReadonlyMap<number, number>,
): { following: number | null; seen: Map<number, number> } {
  const others = people.filter((p) => p.clientId !== self);
  const summoner = others.find((p) => seen.has(p.clientId) && p.summon > seen.get(p.clientId)!);
  const counters = new Map(others.map((p) => [p.clientId, p.summon]));
  if (summoner) return { following: summoner.clientId, seen: counters };
  const stillHere = following !== null && others.some((p) => p.clientId === following);
  return { following: stillHere ? following : null, seen: counters };
}
