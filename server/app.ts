/** Builds and starts the Lodestone server: REST API, WebSocket sync, ops endpoints and the client. */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import { BoardService } from './boards/board-service';
import type { ServerConfig } from './config';
import { ballotRoutes } from './http/ballot-routes';
import { boardRoutes } from './http/board-routes';
import { opsRoutes } from './http/ops-routes';
import { securityHeaders } from './http/security-headers';
import { setStaticHeaders } from './http/static-headers';
import { createLogger, type Logger } from './ops/logger';
import { createMetrics, type Metrics } from './ops/metrics';
import { CLOSE } from './rooms/connection';
import { RoomManager } from './rooms/room-manager';
import type { BoardBus } from './scale/board-bus';
import { openBus } from './scale/open-bus';
import { openStorage } from './storage/open-storage';
import type { Storage } from './storage/storage';
import { attachGateway } from './gateway/ws-gateway';
import { checkYjsPending } from './rooms/yjs-pending';
import { errorBody } from '../shared/api/error-codes';

/** A started server. */
export interface RunningServer {
  url: string;
  port: number;
  storage: Storage;
  /** The fan-out to other instances (a no-op bus without REDIS_URL). */
  bus: BoardBus;
  service: BoardService;
  metrics: Metrics;
  log: Logger;
  httpServer: Server;
  /**
   * Graceful stop: no new connections, pending writes flushed, this instance's clients' awareness removed on
   * the other instances, sockets closed with 1012 (clients reconnect, possibly elsewhere), bus and storage closed.
   */
  close(): Promise<void>;
}

/** Optional parts, for tests. */
export interface StartOptions {
  storage?: Storage;
  bus?: BoardBus;
  log?: Logger;
  now?: () => Date;
}

function errorHandler(log: Logger) {
  return (error: { type?: string; status?: number }, req: Request, res: Response, _next: NextFunction) => {
    if (error.type === 'entity.parse.failed') return void res.status(400).json(errorBody('body-not-json', 'The request body is not valid JSON.'));
    if (error.type === 'entity.too.large') return void res.status(413).json(errorBody('body-too-large', 'The request body is too large.'));
    // Express and its static files answer a path they cannot decode (a malformed percent-escape) with a 400 error.
    if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
      return void res.status(error.status).json(error.status === 400 ? errorBody('request-unreadable', 'The request could not be read (a malformed address or body).') : errorBody('not-found', 'There is nothing at this address.'));
    }
    log.error({ err: error, path: req.path }, 'request failed');
    res.status(500).json(errorBody('server-error', 'Something went wrong on the server; the error was logged.'));
  };
}

/** Starts a server with the given configuration. */
export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  checkYjsPending();
  const log = options.log ?? createLogger(config.logLevel);
  const now = options.now ?? (() => new Date());
  const nowSeconds = () => Math.floor(now().getTime() / 1000);
  const storage = options.storage ?? openStorage(config);
  await storage.init();
  const secret = config.secret ?? (await storage.getOrCreateSecret(() => randomBytes(32).toString('base64url')));
  const metrics = createMetrics();
  const bus = options.bus ?? openBus(config, { log, metrics });
  const manager = new RoomManager({ storage, bus, log, metrics, now, compactAfterUpdates: config.compactAfterUpdates, limits: config.updateLimits, maxHeldBytes: config.maxEarlyBytes,
    awarenessLimits: { maxStates: config.maxAwarenessStates, maxBytes: config.maxAwarenessBytes },
  }, config.roomIdleMs);
  const service = new BoardService({ storage, manager, secret, tokenTtlDays: config.tokenTtlDays, now, log });

  const app = express();
  app.disable('x-powered-by');
  // Behind a proxy, the client's address (per-address limits) is the one it forwarded.
  if (config.trustProxyHops > 0) app.set('trust proxy', config.trustProxyHops);
  app.use(securityHeaders);
  app.use(express.json({ limit: config.maxMessageBytes }));
  app.use(opsRoutes(storage, bus, metrics));
  app.use('/api', boardRoutes(service, storage, { secret, nowSeconds, createKey: config.createKey, createPerHour: config.createPerHour, createBurst: config.createBurst }));
  app.use('/api', ballotRoutes(manager, { secret, storage, nowSeconds }));
  app.use('/api', (_req, res) => void res.status(404).json(errorBody('no-such-route', 'There is no such API route.')));
  if (config.clientDir && existsSync(join(config.clientDir, 'index.html'))) {
    const clientDir = config.clientDir;
    app.use(express.static(clientDir, { index: 'index.html', setHeaders: setStaticHeaders }));
    app.get('/{*splat}', (_req, res) => res.sendFile(join(clientDir, 'index.html'), { headers: { 'Cache-Control': 'no-cache' } }));
  }
  app.use((_req, res) => void res.status(404).json(errorBody('not-found', 'There is nothing at this address.')));
  app.use(errorHandler(log));

  const httpServer = createServer(app);
  const gateway = attachGateway(httpServer, {
    manager, storage, secret, metrics, log, nowSeconds, maxMessageBytes: config.maxMessageBytes,
    maxSendBufferBytes: config.maxSendBufferBytes, maxEarlyBytes: config.maxEarlyBytes,
    rateLimit: { perSecond: config.rateLimitPerSecond, burst: config.rateLimitBurst },
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${config.host}:${port}`, port, storage, bus, service, metrics, log, httpServer,
    close: () =>
      (closing ??= (async () => {
        httpServer.close();
        await manager.flushAll();
        await manager.retireAll();
        gateway.stop(CLOSE.restart, 'The server is restarting; reconnecting.');
        httpServer.closeAllConnections();
        await bus.close();
        await storage.close();
      })()),
  };
}
