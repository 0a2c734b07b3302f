/** The ballot route: anyone with a link to the board (viewers too) votes in the facilitator's open vote. */
import { Router } from 'express';
import { z } from 'zod';
import { ITEM_ID_PATTERN } from '../../shared/board/types';
import { MAX_DOTS } from '../../shared/workshop/vote';
import type { AccessDeps } from '../auth/board-access';
import { BallotRefusedError, castBallot } from '../boards/ballots';
import { UnknownBoardError, type RoomManager } from '../rooms/room-manager';
import { requireRole } from './access';
import { refuseForeignOrigin } from './create-guard';

const BallotBody = z.object({
  vote: z.string().regex(ITEM_ID_PATTERN),
  person: z.string().regex(ITEM_ID_PATTERN),
  choices: z.array(z.string().min(1).max(200)).max(MAX_DOTS),
}).strict();

/** `POST /boards/:id/ballots` with `{ vote, person, choices }` -> `200 { vote, choices }`; 409 when the vote does not take it. */
export function ballotRoutes(manager: RoomManager, access: AccessDeps): Router {
  const r = Router();
  r.use(refuseForeignOrigin);
  r.post('/boards/:id/ballots', requireRole('viewer', access), async (req, res) => {
    const parsed = BallotBody.safeParse(req.body ?? {});
    if (!parsed.success) {
      res.status(400).json({ error: 'A ballot needs the vote id, your person id and up to 10 choices.' });
      return;
    }
    try {
      res.json(await castBallot(manager, String(req.params.id), parsed.data));
    } catch (error) {
      if (error instanceof BallotRefusedError) res.status(409).json({ error: error.message });
      else if (error instanceof UnknownBoardError) res.status(404).json({ error: 'There is no board with this id; it may have been deleted.' });
      else throw error;
    }
  });
  return r;
}
