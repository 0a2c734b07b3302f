/**
 * What creating or importing a board needs, since it needs no board token: a request from this server's
 * own pages or from a non-browser client (no foreign Origin), a JSON body (a cross-site form can only send
 * text/plain, urlencoded or multipart), the creation key when LODESTONE_CREATE_KEY is set, and at most so
 * many boards per client address and hour.
 */
import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { errorBody } from '../../shared/api/error-codes';
import { AddressLimiter } from './address-limiter';

/** The header carrying the creation key. */
export const CREATE_KEY_HEADER = 'x-create-key';

/** Settings of the guard. */
export interface CreateGuardOptions {
  key: string | null;
  perHour: number;
  burst: number;
  now?: () => number;
}

/** Whether a request carries the server's creation key (constant time). */
export function hasCreateKey(req: Request, key: string | null): boolean {
  const given = req.get(CREATE_KEY_HEADER);
  if (key === null || given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Whether a request comes from this server's own pages, or from no page at all: browsers send Origin with
 * every cross-site request that changes something, other clients send none.
 */
export function sameOriginOrNone(req: Request): boolean {
  const origin = req.get('origin');
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.get('host');
  } catch {
    return false;
  }
}

/** Middleware for every request that changes something: a page of another site is refused with 403. */
export function refuseForeignOrigin(req: Request, res: Response, next: NextFunction): void {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS' || sameOriginOrNone(req)) return next();
  res.status(403).json(errorBody('cross-site', 'This request came from a page of another site; the server only accepts changes from its own pages.'));
}

/** Middleware for POST /api/boards and /api/boards/import. */
export function createGuard(options: CreateGuardOptions) {
  const limiter = new AddressLimiter(options.perHour, options.burst, options.now);
  return (req: Request, res: Response, next: NextFunction): void => {
    const wait = limiter.take(req.ip ?? 'unknown');
    if (wait > 0) {
      res.set('Retry-After', String(wait));
      const minutes = Math.ceil(wait / 60);
      res.status(429).json(errorBody('rate-limited', `Too many boards were created from your address; try again in ${minutes} minute(s).`, { minutes }));
      return;
    }
    if (!req.is('application/json')) {
      res.status(415).json(errorBody('json-required', 'Send the board as JSON, with Content-Type: application/json.'));
      return;
    }
    if (options.key !== null && !hasCreateKey(req, options.key)) {
      res.status(401).json(errorBody('create-key-required', 'This server needs its creation key to create or import boards; ask whoever runs it.', { createKeyRequired: true }));
      return;
    }
    next();
  };
}
