/** React access to a board session: plain state and actions; the session lives inside one effect. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { openBoardSession, type BoardSession, type Me } from './board-session';
import type { BoardActions, BoardViewState } from '../state/types';

const NO_STATE = { subscribe: () => () => undefined, getState: () => null };

/** Opens the board for the life of the component (StrictMode-safe: created and destroyed in one effect). */
export function useBoardSession(boardId: string, token: string, me: Me): { state: BoardViewState | null; actions: BoardActions | null; session: BoardSession | null } {
  const [session, setSession] = useState<BoardSession | null>(null);
  useEffect(() => {
    const opened = openBoardSession(boardId, token, me);
    setSession(opened);
    return () => {
      setSession(null);
      opened.destroy();
    };
    // The name and colour are set once per session; changing them reopens it.
  }, [boardId, token, me.name, me.color]);
  const source = session ?? NO_STATE;
  const state = useSyncExternalStore(source.subscribe, source.getState);
  return { state, actions: session?.actions ?? null, session };
}
