/** React access to a board's workshop state (timer, vote, comments) and actions. */
import { useSyncExternalStore } from 'react';
import type { BoardSession } from '../sync/board-session';
import type { WorkshopActions, WorkshopState } from '../sync/workshop-sync';

const NONE = { subscribe: () => () => undefined, getState: () => null };

/** The workshop of an open session, or nulls while the session opens. */
export function useWorkshop(session: BoardSession | null): { workshop: WorkshopState | null; workshopActions: WorkshopActions | null } {
  const source = session?.workshop ?? NONE;
  const workshop = useSyncExternalStore(source.subscribe, source.getState);
  return { workshop, workshopActions: session?.workshop.actions ?? null };
}
