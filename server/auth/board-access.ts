/** Whether a token opens a board: signature and expiry, the board it names, and, for links that can be replaced, the current generation. */
import type { LinkGenerations, RotatableRole, Storage } from '../storage/storage';
import { ROTATABLE_ROLES } from '../storage/storage';
import type { ApiErrorCode } from '../../shared/api/error-codes';
import { describeTokenProblem, tokenProblemCode, verifyToken, type TokenClaims } from './tokens';

/** A token's verdict for one board: HTTP status and WebSocket close code with the sentence, when refused. */
export type BoardAccess =
  | { ok: true; claims: TokenClaims }
  | { ok: false; status: 401 | 403 | 404; code: 4401 | 4403 | 4404; message: string; reason: ApiErrorCode };

/** What the check needs. */
export interface AccessDeps {
  secret: string;
  storage: Pick<Storage, 'linkGenerations'>;
  nowSeconds: () => number;
}

const refuse = (status: 401 | 403 | 404, message: string, reason: ApiErrorCode): BoardAccess => ({ ok: false, status, code: (4000 + status) as 4401 | 4403 | 4404, message, reason });

/** The sentence for a board that does not exist (never created, or deleted). */
export const NO_BOARD = 'There is no board with this id; it may have been deleted.';

/** Whether `generations` still honours a token of this role and generation. */
export function generationValid(claims: TokenClaims, generations: LinkGenerations): boolean {
  if (!(ROTATABLE_ROLES as readonly string[]).includes(claims.role)) return true;
  return (claims.generation ?? 0) >= generations[claims.role as RotatableRole];
}

/** Checks a token for a board (one storage read: the board's link generations, which also says whether it exists). */
export async function checkBoardAccess(token: string | null, boardId: string, deps: AccessDeps): Promise<BoardAccess> {
  if (!token) return refuse(401, describeTokenProblem('missing'), tokenProblemCode('missing'));
  const verified = verifyToken(token, deps.secret, deps.nowSeconds());
  if (!verified.ok) return refuse(401, describeTokenProblem(verified.problem), tokenProblemCode(verified.problem));
  if (verified.claims.boardId !== boardId) return refuse(403, 'This access token is for another board.', 'token-other-board');
  const generations = await deps.storage.linkGenerations(boardId);
  if (generations === null) return refuse(404, NO_BOARD, 'board-not-found');
  if (!generationValid(verified.claims, generations)) return refuse(401, describeTokenProblem('revoked'), tokenProblemCode('revoked'));
  return { ok: true, claims: verified.claims };
}
