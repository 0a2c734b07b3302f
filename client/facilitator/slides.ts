/**
 * Presentation mode as plain data: the deck (chosen snapshot ids and the current slide) and what a
 * participant shows when following the presenter or another person. Pure; the session carries
 * PresenterState in awareness and the view applies followView.
 */
import type { Presenting, ViewCenter } from '../../shared/presence/presence';

/** The snapshots chosen as slides, in order, and the slide shown. */
export interface SlideDeck {
  ids: string[];
  index: number;
}

const clampIndex = (index: number, length: number): number => (length === 0 ? 0 : Math.min(length - 1, Math.max(0, Math.trunc(index) || 0)));

/** A deck of the given snapshot ids (each once, first occurrence kept), on `index` (default the first). */
export function createDeck(ids: readonly string[], index = 0): SlideDeck {
  const unique = [...new Set(ids)];
  return { ids: unique, index: clampIndex(index, unique.length) };
}

/** The snapshot id on screen, or null for an empty deck. */
export function currentSlide(deck: SlideDeck): string | null {
  return deck.ids[deck.index] ?? null;
}

/** The deck on slide `index`, kept within the deck. */
export function goTo(deck: SlideDeck, index: number): SlideDeck {
  const next = clampIndex(index, deck.ids.length);
  return next === deck.index ? deck : { ...deck, index: next };
}

/** One slide on; stays on the last. */
export function nextSlide(deck: SlideDeck): SlideDeck {
  return goTo(deck, deck.index + 1);
}

/** One slide back; stays on the first. */
export function prevSlide(deck: SlideDeck): SlideDeck {
  return goTo(deck, deck.index - 1);
}

/** Whether the deck is on its first / last slide. */
export function atEnds(deck: SlideDeck): { first: boolean; last: boolean } {
  return { first: deck.index <= 0, last: deck.index >= deck.ids.length - 1 };
}

/** Adds or removes a snapshot from the deck (new ones at the end); the same slide stays on screen when it can. */
export function toggleSlide(deck: SlideDeck, id: string): SlideDeck {
  const shown = currentSlide(deck);
  const ids = deck.ids.includes(id) ? deck.ids.filter((x) => x !== id) : [...deck.ids, id];
  const at = shown === null ? -1 : ids.indexOf(shown);
  return { ids, index: clampIndex(at >= 0 ? at : deck.index, ids.length) };
}

/** Moves a slide by `by` places (-1 earlier, +1 later); the same slide stays on screen. */
export function moveSlide(deck: SlideDeck, id: string, by: number): SlideDeck {
  const from = deck.ids.indexOf(id);
  if (from < 0) return deck;
  const to = clampIndex(from + by, deck.ids.length);
  if (to === from) return deck;
  const shown = currentSlide(deck);
  const ids = [...deck.ids];
  ids.splice(to, 0, ...ids.splice(from, 1));
  return { ids, index: shown === null ? deck.index : ids.indexOf(shown) };
}

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
}

/** What a participant's screen shows when following someone. */
export type FollowView =
  | { kind: 'free' }
  | { kind: 'follow'; clientId: number; name: string; viewport: ViewportState | null; slide: Presenting | null };

/**
 * What to show given who I follow (null: nobody) and the people here: the followed person's viewport and,
 * when they present, their slide. Free when they left.
 */
export function followView(people: readonly PresenceView[], following: number | null): FollowView {
  if (following === null) return { kind: 'free' };
  const leader = people.find((p) => p.clientId === following);
  if (!leader) return { kind: 'free' };
  return { kind: 'follow', clientId: leader.clientId, name: leader.name, viewport: leader.viewport, slide: leader.presenting };
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
