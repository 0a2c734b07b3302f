/** The facilitation tools in the board header: the workshop timer and the vote, both from the shared document. */
import type { Role } from '../state/types';
import { useWorkshop } from '../state/use-workshop';
import type { BoardSession } from '../sync/board-session';
import { WorkshopTimer } from '../timer/WorkshopTimer';

/** Props of WorkshopBar. */
export interface WorkshopBarProps {
  session: BoardSession | null;
  role: Role;
  /** My display name. */
  me: string;
}

/** Timer (and vote) for everyone; their controls for the facilitator. */
export function WorkshopBar({ session, role, me }: WorkshopBarProps) {
  const { workshop, workshopActions } = useWorkshop(session);
  if (!workshop || !workshopActions) return null;
  return (
    <div className="workshop-bar">
      <WorkshopTimer timer={workshop.timer} canControl={role === 'facilitator'} me={me} onChange={workshopActions.setTimer} />
    </div>
  );
}
