/** `npm start`: serves the built client and the health check; prints the URL. */
import express from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const CLIENT_DIR = join(import.meta.dirname, '../dist/client');

function readPort(value: string | undefined): number {
  if (value === undefined || value === '') return 8787;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`lodestone: PORT must be an integer from 0 to 65535, got "${value}"\n`);
    process.exit(2);
  }
  return port;
}

const port = readPort(process.env.PORT);
if (!existsSync(join(CLIENT_DIR, 'index.html'))) {
  process.stderr.write('lodestone: the client is not built; run `npm run build` first (npm start does it for you)\n');
  process.exit(2);
}
const app = express();
app.get('/healthz', (_req, res) => {
  res.json({ ok: true });
});
app.use(express.static(CLIENT_DIR));
const server = app.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  console.log(`Lodestone is running at http://127.0.0.1:${actual}/`);
});
