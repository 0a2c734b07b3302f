/** The facilitator's presentation: loads the chosen snapshots as slides, steps through them, tells followers. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Slide } from '../present/PresentationView';
import type { SlideDeck } from '../present/slides';
import type { PresenceActions } from '../state/types';
import type { BoardView } from '../../shared/presence/presence';

/** A running presentation: the slides and the deck's place. */
export interface Presentation {
  slides: Slide[];
  deck: SlideDeck;
}

/** What the page needs to present: the presentation (or null), loading/error, and the controls. */
export interface Presenter {
  presentation: Presentation | null;
  loading: boolean;
  /** Why the slides could not be loaded (an ApiError, worded by the page), or null. */
  error: unknown;
  /** Presents the snapshots `ids` in `view` (the canvas by default): every slide is shown, and followed, in that view. */
  start(ids: string[], view?: BoardView): Promise<void>;
  step(index: number): void;
  exit(): void;
}

const slideViewOf = (slide: Slide | undefined): BoardView => slide?.view ?? 'canvas';

/** Presents snapshots of `boardId` with a facilitator `token`, publishing the slide shown through `presence`. */
export function usePresenter(boardId: string, token: string, presence: PresenceActions | null): Presenter {
  const [presentation, setPresentation] = useState<Presentation | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef({ presence, presentation });
  latest.current = { presence, presentation };
  /** The deck functions, loaded with the first presentation (a deck exists only after that). */
  const decks = useRef<typeof import('../present/slides') | null>(null);

  const publish = useCallback((deck: SlideDeck | null, view: BoardView = 'canvas') => {
    const id = deck && decks.current?.currentSlide(deck);
    const at = deck && id ? { snapshotId: id, index: deck.index, count: deck.ids.length } : null;
    latest.current.presence?.setPresenting(at && view === 'map' ? { ...at, view } : at);
  }, []);

  const start = useCallback(async (ids: string[], view: BoardView = 'canvas') => {
    setLoading(true);
    setError(null);
    try {
      // The deck and the snapshot fetchers come with the first presentation (they are not needed to draw the board).
      const [slidesModule, { getSnapshot }] = await Promise.all([import('../present/slides'), import('../snapshots/snapshot-api')]);
      decks.current = slidesModule;
      const deck = slidesModule.createDeck(ids);
      const slides = await Promise.all(deck.ids.map(async (id) => slidesModule.inView<Slide>(await getSnapshot(boardId, token, id), view)));
      setPresentation({ slides, deck });
      publish(deck, view);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [boardId, token, publish]);

  const step = useCallback((index: number) => {
    const current = latest.current.presentation;
    if (!current || !decks.current) return;
    const deck = decks.current.goTo(current.deck, index);
    if (deck === current.deck) return;
    setPresentation({ ...current, deck });
    publish(deck, slideViewOf(current.slides[deck.index]));
  }, [publish]);

  const exit = useCallback(() => {
    setPresentation(null);
    publish(null);
  }, [publish]);

  // Leaving the page ends the presentation for followers too.
  useEffect(() => () => {
    if (latest.current.presentation) latest.current.presence?.setPresenting(null);
  }, []);

  return { presentation, loading, error, start, step, exit };
}
