/** REST routes for boards and snapshots (see docs in README, "Server API"). */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { formatProblems } from '../../shared/board/validate';
import { SNAPSHOT_ID_PATTERN } from '../../shared/presence/presence';
import { InvalidBoardError, UnknownSnapshotError, type BoardService } from '../boards/board-service';
import { TEMPLATES } from '../boards/templates';
import { DocumentSchemaError } from '../rooms/room';
import { UnknownBoardError } from '../rooms/room-manager';
import { ROTATABLE_ROLES, type Storage } from '../storage/storage';
import { requireRole } from './access';
import { listBoardsRoute } from './board-list';
import { createGuard, refuseForeignOrigin } from './create-guard';
import { errorBody } from '../../shared/api/error-codes';

const CreateBody = z.object({ title: z.string().trim().min(1).max(200).optional(), template: z.enum(TEMPLATES).optional() }).strict();
const SnapshotBody = z.object({ name: z.string().trim().min(1).max(200), author: z.string().trim().min(1).max(80).optional() }).strict();
const ForkBody = z.object({ title: z.string().trim().min(1).max(200).optional() }).strict();
const RotateBody = z.object({ role: z.enum(ROTATABLE_ROLES) }).strict();
const AuthorBody = z.object({ author: z.string().trim().min(1).max(80).optional() }).strict();

/** Turns the errors the service throws into HTTP answers with a sentence. */
function fail(res: Response, error: unknown): void {
  if (error instanceof UnknownBoardError) res.status(404).json(errorBody('board-not-found', 'There is no board with this id; it may have been deleted.'));
  else if (error instanceof UnknownSnapshotError) res.status(404).json(errorBody('snapshot-not-found', 'There is no snapshot with this id on this board.'));
  else if (error instanceof DocumentSchemaError) res.status(400).json(errorBody('board-values-invalid', 'That would put values into the board that it cannot hold; nothing was changed.'));
  else if (error instanceof InvalidBoardError) res.status(400).json(errorBody('board-file-invalid', `The board file is not valid:\n${formatProblems(error.problems)}`, { problems: error.problems }));
  else throw error;
}

function body<T>(schema: z.ZodType<T>, req: Request, res: Response): T | null {
  const parsed = schema.safeParse(req.body ?? {});
  if (parsed.success) return parsed.data;
  res.status(400).json(errorBody('request-invalid', parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')));
  return null;
}

/** What the routes need besides the service and the storage. */
export interface BoardRouteOptions {
  secret: string;
  nowSeconds: () => number;
  /** LODESTONE_CREATE_KEY, or null. */
  createKey: string | null;
  /** Boards per client address and hour, and the burst (LODESTONE_CREATE_RATE, LODESTONE_CREATE_BURST). */
  createPerHour: number;
  createBurst: number;
}

/** The board and snapshot routes. */
export function boardRoutes(service: BoardService, storage: Storage, options: BoardRouteOptions): Router {
  const { secret, nowSeconds } = options;
  const r = Router();
  const guard = createGuard({ key: options.createKey, perHour: options.createPerHour, burst: options.createBurst });
  const viewer = requireRole('viewer', { secret, storage, nowSeconds });
  const facilitator = requireRole('facilitator', { secret, storage, nowSeconds });
  const author = (res: Response, given?: string) => given ?? (res.locals.claims ? 'facilitator' : 'anonymous');
  const snapshotId = (req: Request, res: Response, name = 'sid') => {
    const id = String(req.params[name] ?? '');
    if (SNAPSHOT_ID_PATTERN.test(id)) return id;
    res.status(404).json(errorBody('snapshot-id-invalid', 'That snapshot id is not valid.'));
    return null;
  };
  const route = (handler: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
    try {
      await handler(req, res);
    } catch (error) {
      fail(res, error);
    }
  };

  r.use(refuseForeignOrigin);
  r.get('/boards', route(listBoardsRoute(storage, { secret, storage, nowSeconds, createKey: options.createKey })));
  r.post('/boards', guard, route(async (req, res) => {
    const input = body(CreateBody, req, res);
    if (input) res.status(201).json(await service.create(input));
  }));
  r.post('/boards/import', guard, route(async (req, res) => void res.status(201).json(await service.import(req.body))));
  r.get('/boards/:id', viewer, route(async (req, res) => {
    const record = await storage.getBoard(String(req.params.id));
    if (!record) throw new UnknownBoardError('unknown');
    res.json({ ...record, role: res.locals.claims.role });
  }));
  r.get('/boards/:id/links', facilitator, route(async (req, res) => void res.json(await service.access(String(req.params.id)))));
  r.post('/boards/:id/links/rotate', facilitator, route(async (req, res) => {
    const input = body(RotateBody, req, res);
    if (input) res.json({ rotated: input.role, ...(await service.rotateLink(String(req.params.id), input.role)) });
  }));
  r.get('/boards/:id/export', viewer, route(async (req, res) => void res.json(await service.export(String(req.params.id)))));
  r.get('/boards/:id/exposure', viewer, route(async (req, res) => void res.json(await service.exposure(String(req.params.id)))));
  r.delete('/boards/:id', facilitator, route(async (req, res) => {
    if (await service.delete(String(req.params.id))) res.status(204).end();
    else throw new UnknownBoardError('unknown');
  }));
  r.post('/boards/:id/snapshots', facilitator, route(async (req, res) => {
    const input = body(SnapshotBody, req, res);
    if (input) res.status(201).json(await service.saveSnapshot(String(req.params.id), input.name, author(res, input.author)));
  }));
  r.get('/boards/:id/snapshots', facilitator, route(async (req, res) => void res.json({ snapshots: await storage.listSnapshots(String(req.params.id)) })));
  r.get('/boards/:id/snapshots/:sid', facilitator, route(async (req, res) => {
    const sid = snapshotId(req, res);
    if (!sid) return;
    const { state, ...snapshot } = await service.snapshot(String(req.params.id), sid);
    res.json({ ...snapshot, stateBytes: state.length });
  }));
  // A slide: a snapshot a facilitator presents right now, readable by everyone on the board while it is on screen.
  r.get('/boards/:id/slides/:sid', viewer, route(async (req, res) => {
    const sid = snapshotId(req, res);
    if (!sid) return;
    const id = String(req.params.id);
    if (res.locals.claims.role !== 'facilitator' && !(await service.isPresented(id, sid))) {
      res.status(403).json(errorBody('slide-not-presented', 'This snapshot is not being presented right now; only the facilitator can open it.'));
      return;
    }
    const { state: _state, ...slide } = await service.snapshot(id, sid);
    res.json(slide);
  }));
  r.post('/boards/:id/snapshots/:sid/restore', facilitator, route(async (req, res) => {
    const sid = snapshotId(req, res);
    const input = sid && body(AuthorBody, req, res);
    if (input) res.json(await service.restore(String(req.params.id), sid, author(res, input.author)));
  }));
  r.post('/boards/:id/snapshots/:sid/fork', facilitator, route(async (req, res) => {
    const sid = snapshotId(req, res);
    const input = sid && body(ForkBody, req, res);
    if (input) res.status(201).json(await service.fork(String(req.params.id), sid, input.title));
  }));
  r.get('/boards/:id/compare', facilitator, route(async (req, res) => {
    const from = String(req.query.from ?? '');
    const to = String(req.query.to ?? 'live');
    if (![from, to].every((ref) => ref === 'live' || SNAPSHOT_ID_PATTERN.test(ref))) {
      res.status(400).json(errorBody('compare-query-invalid', 'compare needs ?from=<snapshot id or live>&to=<snapshot id or live>'));
      return;
    }
    res.json(await service.compare(String(req.params.id), from, to));
  }));
  return r;
}
