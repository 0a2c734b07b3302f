/** Picks the bus from the configuration: Redis when REDIS_URL is set, else a single instance's no-op bus. */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { ServerConfig } from '../config';
import type { Logger } from '../ops/logger';
import type { Metrics } from '../ops/metrics';
import type { BoardBus } from './board-bus';
import { LocalBoardBus } from './local-board-bus';
import { RedisBoardBus } from './redis-board-bus';

/** A fresh instance id: host, process and a random suffix (a restarted process is a new instance). */
export function newInstanceId(): string {
  return `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

/** Opens (connects in the background) the configured bus. */
export function openBus(config: Pick<ServerConfig, 'redisUrl' | 'pgSchema' | 'instanceId'>, deps: { log: Logger; metrics: Metrics }): BoardBus {
  const instanceId = config.instanceId ?? newInstanceId();
  deps.metrics.instance.set({ instance_id: instanceId, bus: config.redisUrl ? 'redis' : 'local' }, 1);
  if (!config.redisUrl) {
    deps.metrics.busConnected.set(1);
    return new LocalBoardBus(instanceId);
  }
  // Instances that share a PostgreSQL schema share boards, so they share channels; other schemas never cross-talk.
  return new RedisBoardBus({ url: config.redisUrl, prefix: `lodestone:${config.pgSchema}`, instanceId, ...deps });
}
