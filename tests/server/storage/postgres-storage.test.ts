import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { PostgresStorage } from '../../../server/storage/postgres-storage';
import type { Storage } from '../../../server/storage/storage';
import { appendUntilKilled, boardRecord, bytes, storageContract } from './storage-contract';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schemas: string[] = [];

/** A fresh random schema name, dropped (with everything in it) after each test. */
function freshSchema(): string {
  const schema = `lodestone_test_${randomBytes(6).toString('hex')}`;
  schemas.push(schema);
  return schema;
}

afterEach(async () => {
  const client = new pg.Client(DATABASE_URL);
  await client.connect();
  try {
    for (const schema of schemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
});

async function open(schema: string, poolSize?: number): Promise<Storage> {
  const storage = new PostgresStorage(DATABASE_URL, { schema, poolSize });
  await storage.init();
  return storage;
}

storageContract('postgres', async () => {
  const schema = freshSchema();
  let storage = await open(schema);
  return {
    storage,
    reopen: async () => {
      await storage.close();
      storage = await open(schema);
      return storage;
    },
    cleanup: () => storage.close(),
  };
});

describe('PostgresStorage', () => {
  it('rejects an unsafe schema name', () => {
    for (const schema of ['Public', 'a-b', 'x"; DROP TABLE y; --', '1abc', 'a'.repeat(64)]) {
      expect(() => new PostgresStorage(DATABASE_URL, { schema })).toThrow(/invalid schema/);
    }
  });

  it('initialises safely when three instances run init() at once, and again later', async () => {
    const schema = freshSchema();
    const storages = [0, 1, 2].map(() => new PostgresStorage(DATABASE_URL, { schema, poolSize: 2 }));
    await Promise.all(storages.map((s) => s.init()));
    await storages[0]!.init();
    await Promise.all(storages.map((s) => s.ping()));
    await Promise.all(storages.map((s) => s.close()));
  });

  it('keeps every update exactly once when three instances append to one board at once', async () => {
    const schema = freshSchema();
    const storages = await Promise.all([0, 1, 2].map(() => open(schema, 4)));
    await storages[0]!.createBoard(boardRecord('b1'), bytes(8));
    const calls = storages.flatMap((s) => Array.from({ length: 30 }, () => s.appendUpdates('b1', [bytes(16), bytes(16)])));
    const lasts = await Promise.all(calls);
    const seqs = (await storages[1]!.loadUpdates('b1')).map((u) => u.seq);
    await Promise.all(storages.map((s) => s.close()));
    expect(new Set(lasts).size).toBe(90);
    expect(seqs).toStrictEqual(Array.from({ length: 181 }, (_, i) => i + 1));
  });

  it('agrees on one secret across instances', async () => {
    const schema = freshSchema();
    const storages = await Promise.all([0, 1, 2].map(() => open(schema, 2)));
    const secrets = await Promise.all(storages.map((s, i) => s.getOrCreateSecret(() => `secret-${i}`)));
    await Promise.all(storages.map((s) => s.close()));
    expect(new Set(secrets).size).toBe(1);
  });

  it('lets pending writes finish on close() and refuses new ones', async () => {
    const storage = await open(freshSchema(), 2);
    await storage.createBoard(boardRecord('b1'), bytes(8));
    const pending = Array.from({ length: 20 }, () => storage.appendUpdates('b1', [bytes(8)]));
    await storage.close();
    expect((await Promise.all(pending)).sort((a, b) => a - b)).toStrictEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    await expect(storage.ping()).rejects.toThrow(/closed/);
  });

  it('keeps every seq a killed (kill -9) writer process printed', async () => {
    const schema = freshSchema();
    const before = await open(schema);
    await before.createBoard(boardRecord('b1'), bytes(16));
    await before.close();

    const printed = await appendUntilKilled(['postgres', DATABASE_URL, schema, 'b1']);

    const after = await open(schema);
    const seqs = (await after.loadUpdates('b1')).map((u) => u.seq);
    await after.close();
    expect(printed.length).toBeGreaterThanOrEqual(50);
    expect(seqs).toStrictEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(seqs).toEqual(expect.arrayContaining(printed));
  });
});
