/**
 * The SQLite backend's tables. The updates table is WITHOUT ROWID: its rows live in the B-tree of their
 * primary key (board_id, seq), so an append changes one page, not a table page and an index page, and a
 * commit writes one WAL frame instead of two (the cost of relaying an edit at low fan-out is mostly that commit).
 */
import type Database from 'better-sqlite3';

const UPDATES = `CREATE TABLE IF NOT EXISTS updates (
  board_id TEXT NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (board_id, seq)
) WITHOUT ROWID;`;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS boards_updated_at ON boards (updated_at);
${UPDATES}
CREATE TABLE IF NOT EXISTS snapshots (
  id TEXT NOT NULL,
  board_id TEXT NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  author TEXT NOT NULL,
  created_at TEXT NOT NULL,
  state BLOB NOT NULL,
  board TEXT NOT NULL,
  exposure TEXT NOT NULL,
  PRIMARY KEY (board_id, id)
);
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS link_generations (
  board_id TEXT NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  generation INTEGER NOT NULL,
  PRIMARY KEY (board_id, role)
);
`;

/** Creates the tables that are missing, and moves an updates table of an older server into the WITHOUT ROWID layout (one transaction). */
export function createSchema(db: Database.Database): void {
  db.transaction(() => {
    const existing = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'updates'").get();
    if (existing && !/WITHOUT\s+ROWID/i.test(existing.sql)) {
      db.exec('ALTER TABLE updates RENAME TO updates_with_rowid');
      db.exec(UPDATES);
      db.exec('INSERT INTO updates (board_id, seq, data) SELECT board_id, seq, data FROM updates_with_rowid');
      db.exec('DROP TABLE updates_with_rowid');
    }
    db.exec(SCHEMA);
  }).immediate();
}
