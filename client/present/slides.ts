/** A presentation's deck as plain data: the chosen snapshot ids, the slide shown, and the view a slide is shown in. Pure. */
import type { BoardView } from '../../shared/presence/presence';

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

/** The view a slide is shown in: the one it was presented in, the canvas for older slides without one. */
export function slideView(slide: { view?: BoardView }): BoardView {
  return slide.view === 'map' ? 'map' : 'canvas';
}

/** The slide remembering the view it is presented in (the canvas leaves it as older slides were). */
export function inView<S extends { view?: BoardView }>(slide: S, view: BoardView): S {
  return view === 'map' ? { ...slide, view } : slide;
}
