/** Prometheus metrics of one server instance. */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

type MessageType = 'sync-step-1' | 'sync-update' | 'awareness' | 'query-awareness';
const MESSAGE_TYPES: readonly MessageType[] = ['sync-step-1', 'sync-update', 'awareness', 'query-awareness'];

/**
 * Plain-number tallies the relay bumps for every message, added to their Prometheus counters when the
 * metrics are scraped: a counter's inc validates and hashes on every call, which the hot path need not pay.
 */
export interface HotMetrics {
  bytesIn: number;
  bytesOut: number;
  messages: Record<MessageType, number>;
  /** Storage write latencies in seconds, waiting to be observed; write them with noteStorageWrite. */
  storageWrites: Float64Array;
  storageWriteCount: number;
}

/** Latencies buffered before they are observed in one go (at a scrape, or when the buffer is full). */
const STORAGE_WRITE_BUFFER = 1024;

/**
 * Records one durable append's latency: a store into a buffer, observed into the histogram at the next
 * scrape or when the buffer fills (prom-client's observe validates and hashes labels on every call).
 */
export function noteStorageWrite(metrics: Pick<Metrics, 'hot' | 'storageWriteSeconds'>, seconds: number): void {
  const hot = metrics.hot;
  hot.storageWrites[hot.storageWriteCount++] = seconds;
  if (hot.storageWriteCount === hot.storageWrites.length) observeStorageWrites(hot, metrics.storageWriteSeconds);
}

function observeStorageWrites(hot: HotMetrics, histogram: Histogram): void {
  for (let i = 0; i < hot.storageWriteCount; i++) histogram.observe(hot.storageWrites[i]);
  hot.storageWriteCount = 0;
}

/** The metrics the server records. */
export interface Metrics {
  registry: Registry;
  rooms: Gauge;
  connections: Gauge;
  messages: Counter<'type'>;
  bytes: Counter<'direction'>;
  dropped: Counter<'reason'>;
  closes: Counter<'code'>;
  storageWriteSeconds: Histogram;
  storageErrors: Counter;
  /** 1, labelled with this process's instance id and bus kind (tells the instances apart). */
  instance: Gauge<'instance_id' | 'bus'>;
  busMessages: Counter<'direction' | 'type'>;
  busErrors: Counter<'reason'>;
  /** 1 while every connection to the bus is up (always 1 for a single instance). */
  busConnected: Gauge;
  catchUps: Counter<'reason'>;
  catchUpRows: Counter;
  hot: HotMetrics;
}

/** Creates a fresh registry (one per server, so tests can run several servers in one process). */
export function createMetrics(): Metrics {
  const registry = new Registry();
  // The event-loop delay monitor samples every eventLoopMonitoringPrecision ms, busy or idle, and each
  // sample is a wake-up of its own (on a virtual machine a wake-up alone costs 100 to 200 µs of CPU, more
  // than relaying an update). Once a second still catches every stall of a second or more, and samples
  // the shorter ones, at a hundredth of the default's wake-ups.
  collectDefaultMetrics({ register: registry, prefix: 'lodestone_process_', eventLoopMonitoringPrecision: 1000 });
  const hot: HotMetrics = {
    bytesIn: 0, bytesOut: 0, messages: { 'sync-step-1': 0, 'sync-update': 0, awareness: 0, 'query-awareness': 0 },
    storageWrites: new Float64Array(STORAGE_WRITE_BUFFER), storageWriteCount: 0,
  };
  const messages = new Counter({
    name: 'lodestone_messages_total', help: 'WebSocket messages received, by type', labelNames: ['type'] as const, registers: [registry],
    collect() {
      for (const type of MESSAGE_TYPES) {
        this.inc({ type }, hot.messages[type]);
        hot.messages[type] = 0;
      }
    },
  });
  const bytes = new Counter({
    name: 'lodestone_bytes_total', help: 'WebSocket bytes, by direction', labelNames: ['direction'] as const, registers: [registry],
    collect() {
      this.inc({ direction: 'in' }, hot.bytesIn);
      this.inc({ direction: 'out' }, hot.bytesOut);
      hot.bytesIn = 0;
      hot.bytesOut = 0;
    },
  });
  return {
    hot, messages, bytes,
    registry,
    rooms: new Gauge({ name: 'lodestone_rooms', help: 'Boards loaded in memory', registers: [registry] }),
    connections: new Gauge({ name: 'lodestone_connections', help: 'Open WebSocket connections', registers: [registry] }),
    dropped: new Counter({ name: 'lodestone_dropped_total', help: 'Messages or fields dropped, by reason', labelNames: ['reason'], registers: [registry] }),
    closes: new Counter({ name: 'lodestone_closes_total', help: 'Connections closed by the server, by code', labelNames: ['code'], registers: [registry] }),
    storageWriteSeconds: new Histogram({
      name: 'lodestone_storage_write_seconds', help: 'Latency of durable update appends',
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1], registers: [registry],
      collect() {
        observeStorageWrites(hot, this);
      },
    }),
    storageErrors: new Counter({ name: 'lodestone_storage_errors_total', help: 'Failed storage writes', registers: [registry] }),
    instance: new Gauge({ name: 'lodestone_instance_info', help: 'This server instance (value 1), by instance id and bus kind', labelNames: ['instance_id', 'bus'], registers: [registry] }),
    busMessages: new Counter({ name: 'lodestone_bus_messages_total', help: 'Messages to and from other instances, by direction and type', labelNames: ['direction', 'type'], registers: [registry] }),
    busErrors: new Counter({ name: 'lodestone_bus_errors_total', help: 'Bus problems (failed publishes, unreadable messages, failed catch-ups), by reason', labelNames: ['reason'], registers: [registry] }),
    busConnected: new Gauge({ name: 'lodestone_bus_connected', help: '1 while the connections to the bus are up', registers: [registry] }),
    catchUps: new Counter({ name: 'lodestone_catchups_total', help: 'Reads of stored updates a room had missed, by reason', labelNames: ['reason'], registers: [registry] }),
    catchUpRows: new Counter({ name: 'lodestone_catchup_rows_total', help: 'Stored update rows applied by catch-ups', registers: [registry] }),
  };
}
