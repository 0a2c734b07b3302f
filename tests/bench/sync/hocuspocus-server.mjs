// Hocuspocus 3 with its SQLite extension, as the sync benchmark starts it (plain node, like the y-websocket
// reference): `node hocuspocus-server.mjs <port> <sqlite file>`. Documents are stored as Hocuspocus stores
// them: onStoreDocument, debounced (2 s after the last change, at most every 10 s), so not before relay.
import { Server } from '@hocuspocus/server';
import { SQLite } from '@hocuspocus/extension-sqlite';

const [port, database] = process.argv.slice(2);
const server = new Server({ port: Number(port), address: '127.0.0.1', quiet: true, extensions: [new SQLite({ database })] });
await server.listen();
