/** Reads and checks the token of a REST request for a board. */
import type { NextFunction, Request, Response } from 'express';
import { describeTokenProblem, hasRole, verifyToken, type Role, type TokenClaims } from '../auth/tokens';
import { isBoardId } from '../boards/board-id';

/** The token a request carries: `Authorization: Bearer <token>` or `?token=`. */
export function requestToken(req: Request): string | null {
  const header = req.get('authorization');
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const query = req.query.token;
  return typeof query === 'string' ? query : null;
}

/** Middleware: the request must carry a valid token for the board in `:id` with at least `role`. */
export function requireRole(role: Role, secret: string, nowSeconds: () => number) {
  return (req: Request, res: Response, next: NextFunction) => {
    const id = req.params.id;
    if (!isBoardId(id)) {
      res.status(404).json({ error: 'That board id is not valid.' });
      return;
    }
    const token = requestToken(req);
    if (!token) {
      res.status(401).json({ error: describeTokenProblem('missing') });
      return;
    }
    const verified = verifyToken(token, secret, nowSeconds());
    if (!verified.ok) {
      res.status(401).json({ error: describeTokenProblem(verified.problem) });
      return;
    }
    if (verified.claims.boardId !== id) {
      res.status(403).json({ error: 'This access token is for another board.' });
      return;
    }
    if (!hasRole(verified.claims.role, role)) {
      res.status(403).json({ error: `This needs the ${role} link; yours is a ${verified.claims.role} link.` });
      return;
    }
    res.locals.claims = verified.claims satisfies TokenClaims;
    next();
  };
}
