/**
 * Casting a ballot in the facilitator's vote: the server writes the ballots map (no client may), so a ballot is
 * checked against the open vote, replaces the person's earlier ballot (one per person id, however many tabs they
 * have), and ballots of earlier votes are cleared as the first ballot of a new vote arrives.
 */
import { BALLOTS_MAP, FACILITATION_MAP } from '../../shared/board/doc-schema';
import type { ApiErrorCode } from '../../shared/api/error-codes';
import { MAX_BALLOTS, ballotKey, ballotRefusal, readVote, splitBallotKey } from '../../shared/workshop/vote';
import type { RoomManager } from '../rooms/room-manager';

/** A ballot the vote does not take, with the sentence for the person, its API error code and values. */
export class BallotRefusedError extends Error {
  constructor(message: string, readonly code: ApiErrorCode, readonly fields: Record<string, number> = {}) {
    super(message);
  }
}

/** One person's ballot. */
export interface BallotInput {
  vote: string;
  person: string;
  choices: string[];
}

/** Stores a ballot durably (and relays it to everyone on the board); throws BallotRefusedError with a sentence. */
export function castBallot(manager: RoomManager, boardId: string, input: BallotInput): Promise<{ vote: string; choices: string[] }> {
  return manager.with(boardId, async (room) => {
    const vote = readVote(room.doc.getMap(FACILITATION_MAP).get('vote'));
    const problem = ballotRefusal(vote, input.vote, input.choices);
    if (problem) throw new BallotRefusedError(problem.sentence, problem.code, problem.fields);
    const ballots = room.doc.getMap(BALLOTS_MAP);
    const key = ballotKey(input.vote, input.person);
    const stale = [...ballots.keys()].filter((k) => splitBallotKey(k)?.voteId !== input.vote);
    const voters = ballots.size - stale.length;
    if (!ballots.has(key) && voters >= MAX_BALLOTS) throw new BallotRefusedError(`This vote already has the most voters it can count (${MAX_BALLOTS}).`, 'vote-full', { max: MAX_BALLOTS });
    await room.change((doc) => {
      const map = doc.getMap(BALLOTS_MAP);
      for (const k of stale) map.delete(k);
      map.set(key, [...input.choices]);
    }, 'ballot');
    return { vote: input.vote, choices: [...input.choices] };
  });
}
