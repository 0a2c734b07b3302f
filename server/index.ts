/** `npm start`: reads the environment, starts the server, seeds an empty database, prints the URL. */
import { join } from 'node:path';
import { startServer } from './app';
import { TEMPLATES } from './boards/templates';
import { readConfig } from './config';

async function main(): Promise<void> {
  let config;
  try {
    config = readConfig(process.env, join(import.meta.dirname, '../dist/client'));
  } catch (error) {
    process.stderr.write(`lodestone: ${(error as Error).message}\n`);
    process.exit(2);
  }
  const server = await startServer(config);
  const boards = await server.storage.listBoards();
  if (boards.length === 0) {
    for (const template of TEMPLATES.filter((t) => t !== 'blank')) {
      const board = await server.service.create({ template });
      console.log(`  seeded "${board.title}": ${server.url}${board.links.facilitator}`);
    }
  }
  const storage = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `SQLite ${config.sqliteFile}`;
  console.log(`Lodestone is running at ${server.url}/  (storage: ${storage})`);
  const stop = (signal: string) => {
    server.log.info({ signal }, 'shutting down');
    server.close().then(() => process.exit(0), (error) => {
      server.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error) => {
  process.stderr.write(`lodestone: could not start: ${(error as Error).message}\n`);
  process.exit(1);
});
