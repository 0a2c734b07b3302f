import Database from 'better-sqlite3';
import { join } from 'node:path';
import pg from 'pg';
import * as Y from 'yjs';
import { mark, markOf } from '../../utils/doc-marks';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeUpdate } from '../../../server/protocol/messages';
import { BACKENDS, closeOf, connectClient, createBoard, startTestServer, TEST_DATABASE_URL, waitFor, type TestClient, type TestServer } from '../../utils/server-harness';

let server: TestServer | null = null;
let watcher: TestClient | null = null;
afterEach(async () => {
  watcher?.destroy();
  await server?.stop();
  server = null;
  watcher = null;
});

/**
 * From now on the database itself refuses every new update row (a trigger that raises an error, as a full
 * disk or a lost connection would make the INSERT fail); boards and their first rows are already stored.
 */
async function refuseUpdateRows(running: TestServer, backend: (typeof BACKENDS)[number]): Promise<void> {
  if (backend === 'sqlite') {
    const db = new Database(join(running.dir, 'lodestone.db'));
    db.exec("CREATE TRIGGER refuse_updates BEFORE INSERT ON updates BEGIN SELECT RAISE(ABORT, 'the disk is full (test)'); END");
    db.close();
    return;
  }
  const schema = running.env.LODESTONE_PG_SCHEMA;
  const client = new pg.Client(TEST_DATABASE_URL);
  await client.connect();
  try {
    await client.query(`CREATE FUNCTION "${schema}".refuse_updates() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the disk is full (test)'; END $$`);
    await client.query(`CREATE TRIGGER refuse_updates BEFORE INSERT ON "${schema}".updates FOR EACH ROW EXECUTE FUNCTION "${schema}".refuse_updates()`);
  } finally {
    await client.end();
  }
}

describe.each(BACKENDS)('a storage write that fails (%s)', (backend) => {
  it('relays nothing and closes the room\'s sockets with 1011 and a sentence, so clients resend', async () => {
    server = await startTestServer({}, undefined, backend);
    const board = await createBoard(server, 'blank');
    watcher = connectClient(server.wsUrl, board.id, board.tokens.viewer);
    await watcher.synced();
    let watcherClose: number | null = null;
    watcher.provider.once('connection-close', (event) => (watcherClose = event?.code ?? null));
    await refuseUpdateRows(server, backend);

    const writer = new Y.Doc();
    mark(writer, 'lever', 'gallium ban');
    const closed = await closeOf(`${server.wsUrl}/${board.id}?token=${board.tokens.editor}`, (ws) => ws.send(encodeUpdate(Y.encodeStateAsUpdate(writer))));
    expect(closed.code).toBe(1011);
    expect(closed.reason).toMatch(/could not save/);
    await waitFor(() => watcherClose !== null, 5000, 'the watcher closed too');
    expect(watcherClose).toBe(1011);
    expect(markOf(watcher.doc, 'lever')).toBeUndefined();
  });
});
