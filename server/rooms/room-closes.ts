/** How a room closes one connection for what it sent: counted, logged, and with a sentence for the person. */
import type { Logger } from '../ops/logger';
import type { Metrics } from '../ops/metrics';
import { describeTokenProblem } from '../auth/tokens';
import type { RotatableRole } from '../storage/storage';
import { CLOSE, type Connection } from './connection';

/** What closing needs from the room. */
export interface CloseDeps {
  boardId: string;
  metrics: Metrics;
  log: Logger;
}

/** One close: the code, the reason counted in `lodestone_dropped_total`, the sentence, and what the log says. */
export interface CloseFor {
  code: number;
  reason: string;
  sentence: string;
  detail: string;
}

/** Closes `conn` for what it sent. */
export function closeFor(deps: CloseDeps, conn: Connection, close: CloseFor): void {
  deps.metrics.dropped.inc({ reason: close.reason });
  deps.metrics.closes.inc({ code: String(close.code) });
  deps.log.warn({ boardId: deps.boardId, conn: conn.id, reason: close.reason, detail: close.detail }, 'closing connection after what it sent');
  conn.close(close.code, close.sentence);
}

/** Closes the connections whose token is of `role` and older than `generation` (the facilitator replaced that link). */
export function closeRevoked(deps: CloseDeps, connections: Iterable<Connection>, role: RotatableRole, generation: number): void {
  for (const conn of connections) {
    if (conn.role !== role || conn.generation >= generation) continue;
    deps.metrics.closes.inc({ code: String(CLOSE.unauthorized) });
    deps.log.info({ boardId: deps.boardId, conn: conn.id, role }, 'closing a socket whose link was replaced');
    conn.close(CLOSE.unauthorized, describeTokenProblem('revoked'));
  }
}
