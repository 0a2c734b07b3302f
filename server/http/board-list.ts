/**
 * `GET /api/boards`: only the boards the caller may see, a page at a time. With the creation key, every
 * board; otherwise the boards whose tokens the caller presents (`X-Board-Tokens: <token>, <token>...`, the
 * links the browser already holds), so the list tells nobody which boards exist.
 */
import type { Request, Response } from 'express';
import { checkBoardAccess, type AccessDeps } from '../auth/board-access';
import { verifyToken } from '../auth/tokens';
import type { BoardRecord, Storage } from '../storage/storage';
import { hasCreateKey } from './create-guard';
import { errorBody } from '../../shared/api/error-codes';

/** The header listing the caller's tokens. */
export const BOARD_TOKENS_HEADER = 'x-board-tokens';
/** Most tokens one request may present. */
export const MAX_PRESENTED_TOKENS = 100;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;

function pageOf(req: Request): { limit: number; offset: number } | null {
  const limit = req.query.limit === undefined ? DEFAULT_LIMIT : Number(req.query.limit);
  const offset = req.query.offset === undefined ? 0 : Number(req.query.offset);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT || !Number.isInteger(offset) || offset < 0) return null;
  return { limit, offset };
}

/** The route handler. */
export function listBoardsRoute(storage: Storage, deps: AccessDeps & { createKey: string | null }) {
  return async (req: Request, res: Response): Promise<void> => {
    const page = pageOf(req);
    if (!page) {
      res.status(400).json(errorBody('page-invalid', `limit must be a whole number from 1 to ${MAX_LIMIT} and offset one from 0.`, { max: MAX_LIMIT }));
      return;
    }
    if (hasCreateKey(req, deps.createKey)) {
      const boards = await storage.listBoards({ limit: page.limit + 1, offset: page.offset });
      res.json({ boards: boards.slice(0, page.limit), next: boards.length > page.limit ? page.offset + page.limit : null });
      return;
    }
    const tokens = (req.get(BOARD_TOKENS_HEADER) ?? '').split(/[\s,]+/).filter((t) => t !== '');
    if (tokens.length > MAX_PRESENTED_TOKENS) {
      res.status(400).json(errorBody('too-many-tokens', `Present at most ${MAX_PRESENTED_TOKENS} tokens at once.`, { max: MAX_PRESENTED_TOKENS }));
      return;
    }
    const ids = new Set<string>();
    for (const token of tokens) {
      const verified = verifyToken(token, deps.secret, deps.nowSeconds());
      if (!verified.ok || ids.has(verified.claims.boardId)) continue;
      if ((await checkBoardAccess(token, verified.claims.boardId, deps)).ok) ids.add(verified.claims.boardId);
    }
    const records = (await Promise.all([...ids].map((id) => storage.getBoard(id)))).filter((r): r is BoardRecord => r !== null);
    records.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id < b.id ? -1 : 1));
    const end = page.offset + page.limit;
    res.json({ boards: records.slice(page.offset, end), next: records.length > end ? end : null });
  };
}
