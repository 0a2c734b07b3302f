/** The server's settings, read from the environment in one place and validated with a clear message. */
import { z } from 'zod';
import type { UpdateLimits } from './rooms/update-gate';

/** Validated server settings. */
export interface ServerConfig {
  port: number;
  host: string;
  /** SQLite file, used when databaseUrl is not set. */
  sqliteFile: string;
  /** PostgreSQL connection string; when set, PostgreSQL is the storage. */
  databaseUrl: string | null;
  /** PostgreSQL schema holding Lodestone's tables. */
  pgSchema: string;
  /** Redis connection string; when set, instances sharing the PostgreSQL schema fan out through Redis. */
  redisUrl: string | null;
  /** This instance's id on the bus and in metrics; null = generated per process. */
  instanceId: string | null;
  /** HMAC secret for tokens; null = generate once and keep in the storage. */
  secret: string | null;
  /** Largest WebSocket message accepted, in bytes. */
  maxMessageBytes: number;
  /** Messages per second a connection may send on average, and the burst above that. */
  rateLimitPerSecond: number;
  rateLimitBurst: number;
  /** How long an empty room stays in memory before it is unloaded. */
  roomIdleMs: number;
  /** Update rows past which a board's updates are merged into one. */
  compactAfterUpdates: number;
  /** Cost limits on document updates: items and client ids per update, client ids and bytes per board. */
  updateLimits: UpdateLimits;
  /** Awareness per connection: client ids it may announce, and bytes of JSON their states may hold together. */
  maxAwarenessStates: number;
  maxAwarenessBytes: number;
  /** Bytes queued for one socket past which it is closed (a client that stopped reading). */
  maxSendBufferBytes: number;
  /** Bytes a connection may send while its board loads (buffered until the room is ready). */
  maxEarlyBytes: number;
  /** Key that creating and importing boards, and listing all of them, need; null = anyone may create. */
  createKey: string | null;
  /** Boards one client address may create or import per hour, and the burst above that. */
  createPerHour: number;
  createBurst: number;
  /** Proxy hops in front of the server whose X-Forwarded-For is believed (0: the socket's address is the client's). */
  trustProxyHops: number;
  /** Lifetime of the tokens the server issues. */
  tokenTtlDays: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Built client to serve; null = do not serve a client. */
  clientDir: string | null;
}

const int = (min: number, max: number) =>
  z.string().trim().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().int().min(min).max(max));

const EnvSchema = z.object({
  PORT: int(0, 65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  LODESTONE_DB: z.string().min(1).default('./data/lodestone.db'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://').optional(),
  LODESTONE_PG_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier').default('public'),
  REDIS_URL: z.string().regex(/^rediss?:\/\/\S*$/, 'must start with redis:// or rediss://').optional(),
  LODESTONE_INSTANCE_ID: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1 to 64 letters, digits, dots, dashes or underscores').optional(),
  LODESTONE_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  LODESTONE_MAX_MESSAGE_BYTES: int(1024, 256 * 1024 * 1024).default(2 * 1024 * 1024),
  LODESTONE_RATE_LIMIT: int(1, 100_000).default(300),
  LODESTONE_RATE_BURST: int(1, 1_000_000).default(1000),
  LODESTONE_ROOM_IDLE_MS: int(0, 86_400_000).default(30_000),
  LODESTONE_COMPACT_AFTER: int(2, 1_000_000).default(500),
  LODESTONE_TOKEN_TTL_DAYS: int(1, 3650).default(30),
  LODESTONE_MAX_UPDATE_ITEMS: int(1, 10_000_000).default(200_000),
  LODESTONE_MAX_UPDATE_CLIENTS: int(1, 100_000).default(64),
  LODESTONE_MAX_BOARD_CLIENTS: int(1, 10_000_000).default(5000),
  LODESTONE_MAX_BOARD_BYTES: int(1024, 4 * 1024 * 1024 * 1024).default(64 * 1024 * 1024),
  LODESTONE_MAX_AWARENESS_STATES: int(1, 10_000).default(8),
  LODESTONE_MAX_AWARENESS_BYTES: int(256, 64 * 1024 * 1024).default(64 * 1024),
  LODESTONE_MAX_SEND_BUFFER_BYTES: int(64 * 1024, 4 * 1024 * 1024 * 1024).default(8 * 1024 * 1024),
  LODESTONE_MAX_EARLY_BYTES: int(1024, 1024 * 1024 * 1024).default(4 * 1024 * 1024),
  LODESTONE_CREATE_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  LODESTONE_CREATE_RATE: int(1, 1_000_000).default(60),
  LODESTONE_CREATE_BURST: int(1, 1_000_000).default(20),
  LODESTONE_TRUST_PROXY: int(0, 10).default(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Reads the server settings from an environment; throws an Error whose message names every bad variable. */
export function readConfig(env: Record<string, string | undefined>, clientDir: string | null): ServerConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message} (got "${present[String(issue.path[0])] ?? ''}")`);
    throw new Error(`invalid environment: ${lines.join('; ')}`);
  }
  const e = parsed.data;
  if (e.REDIS_URL && !e.DATABASE_URL) {
    throw new Error('invalid environment: REDIS_URL needs DATABASE_URL (instances that share boards must share PostgreSQL storage; SQLite is for a single instance)');
  }
  return {
    port: e.PORT, host: e.HOST, sqliteFile: e.LODESTONE_DB, databaseUrl: e.DATABASE_URL ?? null, pgSchema: e.LODESTONE_PG_SCHEMA,
    redisUrl: e.REDIS_URL ?? null, instanceId: e.LODESTONE_INSTANCE_ID ?? null, secret: e.LODESTONE_SECRET ?? null,
    maxMessageBytes: e.LODESTONE_MAX_MESSAGE_BYTES, rateLimitPerSecond: e.LODESTONE_RATE_LIMIT, rateLimitBurst: e.LODESTONE_RATE_BURST,
    roomIdleMs: e.LODESTONE_ROOM_IDLE_MS, compactAfterUpdates: e.LODESTONE_COMPACT_AFTER, tokenTtlDays: e.LODESTONE_TOKEN_TTL_DAYS,
    updateLimits: { maxItems: e.LODESTONE_MAX_UPDATE_ITEMS, maxClients: e.LODESTONE_MAX_UPDATE_CLIENTS, maxBoardClients: e.LODESTONE_MAX_BOARD_CLIENTS, maxBoardBytes: e.LODESTONE_MAX_BOARD_BYTES },
    maxAwarenessStates: e.LODESTONE_MAX_AWARENESS_STATES, maxAwarenessBytes: e.LODESTONE_MAX_AWARENESS_BYTES,
    maxSendBufferBytes: e.LODESTONE_MAX_SEND_BUFFER_BYTES, maxEarlyBytes: e.LODESTONE_MAX_EARLY_BYTES,
    createKey: e.LODESTONE_CREATE_KEY ?? null, createPerHour: e.LODESTONE_CREATE_RATE, createBurst: e.LODESTONE_CREATE_BURST, trustProxyHops: e.LODESTONE_TRUST_PROXY,
    logLevel: e.LOG_LEVEL, clientDir,
  };
}
