/**
 * The bus on Redis pub/sub: one channel per board (`<prefix>:board:<id>`), one connection to publish and
 * one to subscribe. Pub/sub keeps nothing, so nothing here is trusted to arrive: when either connection
 * comes back after a loss, every subscribed board is resubscribed and then told to catch up from storage.
 */
import { Redis } from 'ioredis';
import type { Logger } from '../ops/logger';
import type { Metrics } from '../ops/metrics';
import type { BoardBus, BoardBusHandler, BoardSubscription, BusMessage } from './board-bus';
import { decodeBusMessage, encodeBusMessage } from './bus-codec';

/** Settings of the Redis bus. */
export interface RedisBoardBusOptions {
  url: string;
  /** Channel prefix shared by the instances of one deployment, e.g. `lodestone:public`. */
  prefix: string;
  instanceId: string;
  log: Logger;
  metrics: Metrics;
}

const QUIT_TIMEOUT_MS = 1000;

/** Fan-out between instances over Redis pub/sub. */
export class RedisBoardBus implements BoardBus {
  readonly kind = 'redis' as const;
  readonly shared = true;
  readonly instanceId: string;
  private readonly pub: Redis;
  private readonly sub: Redis;
  /** Subscribed channels and their boards' handlers. */
  private readonly handlers = new Map<string, BoardBusHandler>();
  private readonly everReady = new Set<Redis>();
  /** Publishes not yet acknowledged (close() lets them go out before QUIT, which skips the auto-pipeline). */
  private readonly inFlight = new Set<Promise<unknown>>();
  private closing: Promise<void> | null = null;

  constructor(private readonly options: RedisBoardBusOptions) {
    this.instanceId = options.instanceId;
    const settings = {
      // Commands fail at once while disconnected instead of queueing: a lost publish is caught up from
      // storage, and readiness must see the outage.
      enableOfflineQueue: false,
      // Resubscription is done here, so the catch-up starts only once the channels are live again.
      autoResubscribe: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 5000,
      retryStrategy: (times: number) => Math.min(100 * times, 2000),
    };
    this.pub = new Redis(options.url, { ...settings, enableAutoPipelining: true, connectionName: `lodestone-pub-${options.instanceId}` });
    this.sub = new Redis(options.url, { ...settings, connectionName: `lodestone-sub-${options.instanceId}` });
    this.watch(this.pub, 'publisher');
    this.watch(this.sub, 'subscriber');
    this.sub.on('messageBuffer', (channel: Buffer, data: Buffer) => this.receive(channel, data));
    options.metrics.busConnected.set(0);
  }

  private channel(boardId: string): string {
    return `${this.options.prefix}:board:${boardId}`;
  }

  private watch(conn: Redis, role: 'publisher' | 'subscriber'): void {
    const { log, metrics } = this.options;
    let lost = false;
    conn.on('error', (error: Error) => log.debug({ role, err: error }, 'redis connection error'));
    conn.on('close', () => {
      metrics.busConnected.set(0);
      if (this.closing || lost || !this.everReady.has(conn)) return;
      lost = true;
      log.warn({ role }, 'redis connection lost; reconnecting (rooms keep working locally and catch up afterwards)');
    });
    conn.on('ready', () => {
      const again = this.everReady.has(conn);
      this.everReady.add(conn);
      if (lost) log.info({ role }, 'redis connection back; resynchronising rooms');
      lost = false;
      metrics.busConnected.set(this.pub.status === 'ready' && this.sub.status === 'ready' ? 1 : 0);
      if (role === 'subscriber') void this.resubscribe();
      else if (again) this.resync([...this.handlers.values()]);
    });
  }

  /** (Re)subscribes every board's channel on a fresh subscriber connection, then lets the rooms catch up. */
  private async resubscribe(): Promise<void> {
    const channels = [...this.handlers.keys()];
    if (channels.length === 0) return;
    try {
      await this.sub.subscribe(...channels);
    } catch (error) {
      // The connection dropped again; its next 'ready' retries.
      this.options.log.warn({ err: error }, 'redis resubscribe failed');
      return;
    }
    this.resync(channels.flatMap((channel) => this.handlers.get(channel) ?? []));
  }

  private resync(handlers: BoardBusHandler[]): void {
    for (const handler of handlers) {
      try {
        handler.reconnected();
      } catch (error) {
        this.options.log.error({ err: error }, 'resync of a room failed');
      }
    }
  }

  async subscribe(boardId: string, handler: BoardBusHandler): Promise<BoardSubscription> {
    const channel = this.channel(boardId);
    this.handlers.set(channel, handler);
    const subscription = {
      close: () => {
        if (this.handlers.get(channel) !== handler) return;
        this.handlers.delete(channel);
        if (this.sub.status === 'ready') this.sub.unsubscribe(channel).catch(() => undefined);
      },
    };
    // When the subscriber is down, the room loads from storage now and catches up once it is back.
    if (this.sub.status === 'ready') {
      try {
        await this.sub.subscribe(channel);
      } catch (error) {
        this.options.log.warn({ boardId, err: error }, 'redis subscribe failed; the room catches up when the bus is back');
      }
    }
    return subscription;
  }

  publish(boardId: string, message: BusMessage): void {
    const { metrics } = this.options;
    if (this.closing || this.pub.status !== 'ready') {
      metrics.busErrors.inc({ reason: 'publish' });
      return;
    }
    const data = encodeBusMessage(this.instanceId, message);
    metrics.busMessages.inc({ direction: 'out', type: message.type });
    const sent = this.pub.publish(this.channel(boardId), Buffer.from(data.buffer, data.byteOffset, data.byteLength)).catch(() => metrics.busErrors.inc({ reason: 'publish' }));
    this.inFlight.add(sent);
    void sent.finally(() => this.inFlight.delete(sent));
  }

  private receive(channel: Buffer, data: Buffer): void {
    const handler = this.handlers.get(channel.toString());
    if (!handler) return;
    const { log, metrics } = this.options;
    let envelope;
    try {
      envelope = decodeBusMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    } catch (error) {
      metrics.busErrors.inc({ reason: 'decode' });
      log.warn({ channel: channel.toString(), err: error }, 'unreadable bus message dropped');
      return;
    }
    if (envelope.from === this.instanceId) return;
    metrics.busMessages.inc({ direction: 'in', type: envelope.message.type });
    try {
      handler.message(envelope.message);
    } catch (error) {
      log.error({ channel: channel.toString(), err: error }, 'bus message handler failed');
    }
  }

  async ping(): Promise<void> {
    if (this.sub.status !== 'ready') throw new Error(`subscriber connection is ${this.sub.status}`);
    await this.pub.ping();
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.handlers.clear();
      const inTime = (promise: Promise<unknown>) => Promise.race([promise, new Promise((resolve) => setTimeout(resolve, QUIT_TIMEOUT_MS).unref())]);
      // The last publishes (awareness removals of this instance's clients) go out first.
      await inTime(Promise.allSettled([...this.inFlight]));
      const quit = async (conn: Redis) => {
        await inTime(conn.quit().catch(() => undefined));
        conn.disconnect();
      };
      await Promise.all([quit(this.pub), quit(this.sub)]);
      this.options.metrics.busConnected.set(0);
    })();
    return this.closing;
  }
}
