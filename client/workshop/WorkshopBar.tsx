/** The facilitation tools in the board header: the workshop timer and the dot vote, both from the shared document. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Board } from '../../shared/board/types';
import { personId } from '../shell/person-id';
import type { Role } from '../state/types';
import { useWorkshop } from '../state/use-workshop';
import type { BoardSession } from '../sync/board-session';
import { WorkshopTimer } from '../timer/WorkshopTimer';
import { sendBallot } from '../voting/ballot-api';
import { voteWords } from '../voting/vote-words';
import { useIntl } from 'react-intl';
import '../voting/voting.css';
import { VotePanel, VoteSetup } from './lazy-workshop';

/** Props of WorkshopBar. */
export interface WorkshopBarProps {
  session: BoardSession | null;
  boardId: string;
  token: string;
  role: Role;
  board: Board;
  /** My display name. */
  me: string;
}

/** Timer and vote for everyone; their controls for the facilitator. A vote that opens shows itself to everyone. */
export function WorkshopBar({ session, boardId, token, role, board, me }: WorkshopBarProps) {
  const intl = useIntl();
  const words = voteWords(intl);
  const { workshop, workshopActions } = useWorkshop(session);
  const [panel, setPanel] = useState<'none' | 'setup' | 'vote'>('none');
  const seenVote = useRef<string | null>(null);
  const voteId = workshop?.vote?.id ?? null;
  const facilitator = role === 'facilitator';
  useEffect(() => {
    if (voteId !== null && voteId !== seenVote.current) setPanel('vote');
    if (voteId === null) setPanel((p) => (p === 'vote' ? 'none' : p));
    seenVote.current = voteId;
  }, [voteId]);
  const cast = useCallback((choices: string[]) => sendBallot(intl, boardId, token, { vote: voteId ?? '', person: personId(), choices }), [intl, boardId, token, voteId]);
  if (!workshop || !workshopActions) return null;
  const vote = workshop.vote;

  return (
    <div className="workshop-bar">
      <WorkshopTimer timer={workshop.timer} canControl={facilitator} me={me} onChange={workshopActions.setTimer} />
      {(vote || facilitator) && (
        <button type="button" className="ls-button ls-button--small vote-toggle" data-open={vote?.status === 'open'} aria-expanded={panel !== 'none'}
          onClick={() => setPanel(panel !== 'none' ? 'none' : vote ? 'vote' : 'setup')}>
          {vote?.status === 'open' ? words.buttonOpen : words.button}
        </button>
      )}
      {panel === 'setup' && facilitator && !vote && (
        <div className="vote-popover">
          <VoteSetup board={board} boardId={boardId} token={token} me={me} onOpen={(v) => workshopActions.setVote(v)} onCancel={() => setPanel('none')} />
        </div>
      )}
      {panel === 'vote' && vote && (
        <div className="vote-popover">
          <VotePanel vote={vote} ballots={workshop.ballots} personId={personId()} canControl={facilitator} cast={cast}
            setVote={workshopActions.setVote} onHide={() => setPanel('none')} />
        </div>
      )}
    </div>
  );
}
