/** Picks the storage backend from the configuration: PostgreSQL when DATABASE_URL is set, else SQLite. */
import type { ServerConfig } from '../config';
import { PostgresStorage } from './postgres-storage';
import { SqliteStorage } from './sqlite-storage';
import type { Storage } from './storage';

/** Opens (but does not init) the configured storage. */
export function openStorage(config: Pick<ServerConfig, 'databaseUrl' | 'sqliteFile' | 'pgSchema'>): Storage {
  return config.databaseUrl ? new PostgresStorage(config.databaseUrl, { schema: config.pgSchema }) : new SqliteStorage(config.sqliteFile);
}
