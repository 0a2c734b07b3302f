/** Which view of the board (canvas or map) this person uses, remembered in this browser. */
import { useCallback, useState } from 'react';
import type { BoardView } from '../../shared/presence/presence';

/** The localStorage key. */
export const BOARD_VIEW_KEY = 'lodestone.boardView';

/** Reads the remembered view (the canvas when nothing or something odd is stored). */
export function readBoardViewChoice(storage: Pick<Storage, 'getItem'> | undefined): BoardView {
  try {
    return storage?.getItem(BOARD_VIEW_KEY) === 'map' ? 'map' : 'canvas';
  } catch {
    return 'canvas';
  }
}

/** [view, setView]; the choice is written back to localStorage. */
export function useBoardView(): [BoardView, (view: BoardView) => void] {
  const [view, setState] = useState<BoardView>(() => readBoardViewChoice(typeof localStorage === 'undefined' ? undefined : localStorage));
  const set = useCallback((next: BoardView) => {
    setState(next);
    try {
      localStorage.setItem(BOARD_VIEW_KEY, next);
    } catch {
      // Private mode or full storage: the choice lasts for this page only.
    }
  }, []);
  return [view, set];
}
