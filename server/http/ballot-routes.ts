/** The ballot route: anyone with a link to the board (viewers too) votes in the facilitator's open vote. */
import { Router } from 'express';
import { z } from 'zod';
import { errorBody } from '../../shared/api/error-codes';
import { ITEM_ID_PATTERN } from '../../shared/board/types';
import { MAX_DOTS } from '../../shared/workshop/vote';
import type { AccessDeps } from '../auth/board-access';
import { BallotRefusedError, castBallot } from '../boards/ballots';
import { UnknownBoardError, type RoomManager } from '../rooms/room-manager';
import { requireRole } from './access';
import { AddressLimiter } from './address-limiter';
import { refuseForeignOrigin } from './create-guard';

const BallotBody = z.object({
  vote: z.string().regex(ITEM_ID_PATTERN),
  person: z.string().regex(ITEM_ID_PATTERN),
  choices: z.array(z.string().min(1).max(200)).max(MAX_DOTS),
}).strict();

/**
 * Ballots one client address may send: 20 a second on average, 200 at once (a room behind one office address
 * clicking together fits; one client cannot turn the route into a stream of durable writes).
 */
export const BALLOT_RATE = { perHour: 20 * 3600, burst: 200 } as const;

/** `POST /boards/:id/ballots` with `{ vote, person, choices }` -> `200 { vote, choices }`; 409 when the vote does not take it; 429 past BALLOT_RATE. */
export function ballotRoutes(manager: RoomManager, access: AccessDeps, rate: { perHour: number; burst: number } = BALLOT_RATE): Router {
  const r = Router();
  const limiter = new AddressLimiter(rate.perHour, rate.burst);
  r.use(refuseForeignOrigin);
  r.post('/boards/:id/ballots', requireRole('viewer', access), async (req, res) => {
    const wait = limiter.take(req.ip ?? 'unknown');
    if (wait > 0) {
      res.set('Retry-After', String(wait)).status(429).json(errorBody('votes-rate-limited', `Too many votes from this address; try again in ${wait} second${wait === 1 ? '' : 's'}.`, { seconds: wait }));
      return;
    }
    const parsed = BallotBody.safeParse(req.body ?? {});
    if (!parsed.success) {
      res.status(400).json(errorBody('ballot-invalid', `A ballot needs the vote id, your person id and up to ${MAX_DOTS} choices.`, { max: MAX_DOTS }));
      return;
    }
    try {
      res.json(await castBallot(manager, String(req.params.id), parsed.data));
    } catch (error) {
      if (error instanceof BallotRefusedError) res.status(409).json({ error: error.message, code: error.code, ...error.fields });
      else if (error instanceof UnknownBoardError) res.status(404).json(errorBody('board-not-found', 'There is no board with this id; it may have been deleted.'));
      else throw error;
    }
  });
  return r;
}
