/** What the REST API does with boards: create, import, export, exposure, delete, snapshots, compare. */
import { leversSwitchedOff, recordActivity, restoreDetail } from '../../shared/board/activity';
import { restoreBackupName } from './restore-name';
import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { applyBoardToDoc } from '../../shared/board/apply-board';
import { compareBoards, type BoardComparison } from '../../shared/board/diff';
import type { Board } from '../../shared/board/types';
import { asCurrentVersion } from '../../shared/board/upgrade';
import { validateBoard, type BoardProblem } from '../../shared/board/validate';
import { readCheckedBoard } from '../../shared/board/doc-check';
import { protoKeyProblems } from '../../shared/board/proto-keys';
import { readBoardFromDoc, writeBoardToDoc } from '../../shared/board/yjs-doc';
import { computeExposure } from '../../shared/exposure/engine';
import type { ExposureReport } from '../../shared/exposure/types';
import { ROLES, signToken, type Role } from '../auth/tokens';
import { CLOSE } from '../rooms/connection';
import { presentedSnapshots } from '../rooms/awareness-roles';
import { UnknownBoardError, type RoomManager } from '../rooms/room-manager';
import { DocumentSchemaError } from '../rooms/room';
import { checkServerUpdate } from '../rooms/update-gate';
import type { Logger } from '../ops/logger';
import type { LinkGenerations, RotatableRole, SnapshotRecord, SnapshotSummary, Storage } from '../storage/storage';
import { newBoardId } from './board-id';
import { templateBoard, type TemplateName } from './templates';

/** A created board with the tokens and board-page links for each role. */
export interface CreatedBoard {
  id: string;
  title: string;
  tokens: Record<Role, string>;
  links: Record<Role, string>;
}

/** A board file that failed validation. */
export class InvalidBoardError extends Error {
  constructor(readonly problems: BoardProblem[]) {
    super(`the board file has ${problems.length} problem(s)`);
  }
}

/** An unknown snapshot id. */
export class UnknownSnapshotError extends Error {}

/** What the service needs. */
export interface BoardServiceDeps {
  storage: Storage;
  manager: RoomManager;
  secret: string;
  tokenTtlDays: number;
  now: () => Date;
  log?: Logger;
}

/** Board operations behind the REST routes. */
export class BoardService {
  constructor(private readonly deps: BoardServiceDeps) {}

  /** Fresh tokens and links for every role of a board, at its current link generations; UnknownBoardError if there is none. */
  async access(id: string): Promise<Pick<CreatedBoard, 'tokens' | 'links'>> {
    const generations = await this.deps.storage.linkGenerations(id);
    if (generations === null) throw new UnknownBoardError(`no board ${id}`);
    return this.accessAt(id, generations);
  }

  private accessAt(id: string, generations: LinkGenerations): Pick<CreatedBoard, 'tokens' | 'links'> {
    const exp = Math.floor(this.deps.now().getTime() / 1000) + this.deps.tokenTtlDays * 86_400;
    const generationOf = (role: Role) => (role === 'facilitator' ? 0 : generations[role]);
    const tokens = Object.fromEntries(ROLES.map((role) => [role, signToken({ boardId: id, role, exp, generation: generationOf(role) }, this.deps.secret)])) as Record<Role, string>;
    const links = Object.fromEntries(ROLES.map((role) => [role, `/b/${id}?token=${tokens[role]}`])) as Record<Role, string>;
    return { tokens, links };
  }

  /**
   * Replaces a board's editor or viewer link: tokens of that role issued before stop working at once, and
   * open sockets holding one are closed with 4401 on every instance. Answers the fresh links.
   */
  async rotateLink(id: string, role: RotatableRole): Promise<Pick<CreatedBoard, 'tokens' | 'links'>> {
    const generation = await this.deps.storage.rotateLink(id, role);
    if (generation === null) throw new UnknownBoardError(`no board ${id}`);
    await this.deps.manager.revoke(id, role, generation);
    return this.access(id);
  }

  private async store(board: Board): Promise<CreatedBoard> {
    const doc = new Y.Doc();
    writeBoardToDoc(doc, board);
    const update = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    // Every path that writes a document goes through the schema (a validated board always fits it).
    const verdict = checkServerUpdate(new Y.Doc(), update);
    if (!verdict.ok) throw new DocumentSchemaError(verdict.detail);
    const id = newBoardId();
    const at = this.deps.now().toISOString();
    await this.deps.storage.createBoard({ id, title: board.title, createdAt: at, updatedAt: at }, update);
    return { id, title: board.title, ...this.accessAt(id, { editor: 0, viewer: 0 }) };
  }

  /** Creates a board from a template (blank by default), optionally retitled. */
  create(options: { title?: string; template?: TemplateName }): Promise<CreatedBoard> {
    const board = templateBoard(options.template ?? 'blank');
    return this.store(options.title ? { ...board, title: options.title } : board);
  }

  /** Imports a board file; throws InvalidBoardError listing every problem. */
  import(file: unknown): Promise<CreatedBoard> {
    const reserved = protoKeyProblems(file);
    if (reserved.length > 0) throw new InvalidBoardError(reserved);
    const result = validateBoard(file);
    if (!result.ok) throw new InvalidBoardError(result.problems);
    return this.store(result.board);
  }

  /** The live board as a board file (only durable content; items that do not fit the schema are left out). */
  export(id: string): Promise<Board> {
    return this.deps.manager.with(id, async (room) => {
      await room.flushed();
      return this.readBoard(id, room.doc);
    });
  }

  /** The board a doc holds, as plain data: what a client managed to put in against the schema is skipped (and logged). */
  private readBoard(id: string, doc: Y.Doc): Board {
    const { board, skipped } = readCheckedBoard(doc, readBoardFromDoc);
    if (skipped.length > 0) this.deps.log?.warn({ boardId: id, skipped: skipped.slice(0, 20) }, 'left items that do not fit the document schema out of the board');
    return board;
  }

  /** The exposure report of the live board. */
  async exposure(id: string): Promise<ExposureReport> {
    return computeExposure(await this.export(id));
  }

  /** Deletes a board; connected clients are told it is gone. */
  async delete(id: string): Promise<boolean> {
    await this.deps.manager.evict(id, (room) => {
      for (const conn of room.connections) conn.close(CLOSE.notFound, 'This board was deleted by its facilitator.');
    });
    return this.deps.storage.deleteBoard(id);
  }

  /** Saves the live board as a named snapshot. */
  saveSnapshot(id: string, name: string, author: string): Promise<SnapshotSummary> {
    return this.deps.manager.with(id, async (room) => {
      await room.flushed();
      const board = this.readBoard(id, room.doc);
      const snapshot: SnapshotRecord = {
        id: randomBytes(9).toString('base64url'), boardId: id, name, author, createdAt: this.deps.now().toISOString(),
        state: Y.encodeStateAsUpdate(room.doc), board, exposure: computeExposure(board),
      };
      await this.deps.storage.saveSnapshot(snapshot);
      const { state: _state, board: _board, exposure: _exposure, ...summary } = snapshot;
      return summary;
    });
  }

  /** A snapshot (its board as version 2, even when an older server saved it), or UnknownSnapshotError. */
  async snapshot(id: string, snapshotId: string): Promise<SnapshotRecord> {
    const snapshot = await this.deps.storage.getSnapshot(id, snapshotId);
    if (!snapshot) throw new UnknownSnapshotError(`no snapshot ${snapshotId} on board ${id}`);
    return { ...snapshot, board: asCurrentVersion(snapshot.board) };
  }

  /** Whether a facilitator on the board is presenting this snapshot right now (participants may then read it). */
  isPresented(id: string, snapshotId: string): Promise<boolean> {
    return this.deps.manager.with(id, (room) => presentedSnapshots(room.awareness.getStates()).has(snapshotId));
  }

  /**
   * Reverts the live board to a snapshot by applying the difference as a new update, so connected clients
   * converge. The board as it was is saved first as a snapshot, so the restore itself can be undone.
   */
  async restore(id: string, snapshotId: string, author: string): Promise<{ restored: SnapshotSummary; backup: SnapshotSummary }> {
    const snapshot = await this.snapshot(id, snapshotId);
    const backup = await this.saveSnapshot(id, restoreBackupName(snapshot.name), author);
    await this.deps.manager.with(id, (room) => {
      const before = this.readBoard(id, room.doc);
      // Everyone is told who restored, and how many levers that switched off (shared/board/activity.ts).
      const entry = { id: `restore-${randomBytes(6).toString('base64url')}`, type: 'restore' as const, by: author, at: this.deps.now().getTime(), detail: restoreDetail(snapshot.name, leversSwitchedOff(before, snapshot.board)) };
      return room.change((doc) => {
        applyBoardToDoc(doc, snapshot.board);
        recordActivity(doc, entry);
      }, 'restore');
    });
    const { state: _s, board: _b, exposure: _e, ...restored } = snapshot;
    return { restored, backup };
  }

  /** Creates a new board from a snapshot. */
  async fork(id: string, snapshotId: string, title?: string): Promise<CreatedBoard> {
    const snapshot = await this.snapshot(id, snapshotId);
    return this.store({ ...snapshot.board, title: title ?? `${snapshot.board.title} (fork of ${snapshot.name})`.slice(0, 200) });
  }

  /** Compares two snapshots, or a snapshot and the live board ('live'). */
  async compare(id: string, from: string, to: string): Promise<BoardComparison & { from: string; to: string }> {
    const boardAt = async (ref: string) => (ref === 'live' ? this.export(id) : (await this.snapshot(id, ref)).board);
    const [before, after] = await Promise.all([boardAt(from), boardAt(to)]);
    return { from, to, ...compareBoards(before, after) };
  }
}
