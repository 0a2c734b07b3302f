/** Reads and checks the token of a REST request for a board. */
import type { NextFunction, Request, Response } from 'express';
import { checkBoardAccess, type AccessDeps } from '../auth/board-access';
import { hasRole, type Role, type TokenClaims } from '../auth/tokens';
import { isBoardId } from '../boards/board-id';
import { errorBody } from '../../shared/api/error-codes';

/** The token a request carries: `Authorization: Bearer <token>` or `?token=`. */
export function requestToken(req: Request): string | null {
  const header = req.get('authorization');
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const query = req.query.token;
  return typeof query === 'string' ? query : null;
}

/**
 * Middleware: the request must carry a valid, current token for the board in `:id` with at least `role`;
 * a board that does not exist (or was deleted) answers 404 before anything else is done.
 */
export function requireRole(role: Role, deps: AccessDeps) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const id = req.params.id;
    if (!isBoardId(id)) {
      res.status(404).json(errorBody('board-id-invalid', 'That board id is not valid.'));
      return;
    }
    let access;
    try {
      access = await checkBoardAccess(requestToken(req), id, deps);
    } catch (error) {
      next(error);
      return;
    }
    if (!access.ok) {
      res.status(access.status).json({ error: access.message, code: access.reason });
      return;
    }
    if (!hasRole(access.claims.role, role)) {
      res.status(403).json(errorBody('role-required', `This needs the ${role} link; yours is a ${access.claims.role} link.`, { needed: role, held: access.claims.role }));
      return;
    }
    res.locals.claims = access.claims satisfies TokenClaims;
    next();
  };
}
