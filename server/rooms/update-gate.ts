/**
 * The check every document update passes before a room applies it: the per-update and per-board cost
 * limits, then the live document's schema (shared/board/doc-schema.ts) for each item the update would add
 * and the writer's right to the maps it adds to or deletes from. Runs on the decoded update, so a refused
 * update never touches the doc: nothing of it is kept, stored or relayed.
 */
import * as Y from 'yjs';
import { describePath, isMapSpec, mayWrite, plainValueProblem, rootSpec, specAt, type DocWriter } from '../../shared/board/doc-schema';
import { UpdateLocator } from './update-locator';

/** Cost limits on what updates may add (see README, "Limits and threat model"). */
export interface UpdateLimits {
  /** Structs (items and deletion markers) one update may hold. */
  maxItems: number;
  /** Distinct client ids one update may carry. */
  maxClients: number;
  /** Client ids a board's document may hold in all: every transaction of Yjs costs time in proportion. */
  maxBoardClients: number;
  /** Bytes of stored updates a board may hold (its encoded state after a compaction). */
  maxBoardBytes: number;
}

/** The defaults of the settings (see config.ts), for rooms built without a configuration (tests, benchmarks). */
export const DEFAULT_UPDATE_LIMITS: UpdateLimits = { maxItems: 200_000, maxClients: 64, maxBoardClients: 5000, maxBoardBytes: 64 * 1024 * 1024 };

/** Why an update was refused. */
export type RefusalReason = 'malformed' | 'schema' | 'role' | 'too-many-items' | 'too-many-clients' | 'board-clients' | 'board-full' | 'unknown-parent' | 'map-full';

/** The gate's answer: `message` is the sentence the sender's socket is closed with, `detail` goes to the log. */
export type GateVerdict = { ok: true } | { ok: false; reason: RefusalReason; message: string; detail: string };

const OK: GateVerdict = { ok: true };

type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];

function refuse(reason: RefusalReason, message: string, detail = message): GateVerdict {
  return { ok: false, reason, message, detail };
}

/** What an item's content is, in words, when it is no value the document can hold. */
function contentProblem(content: Y.Item['content']): string | null {
  if (content instanceof Y.ContentAny || content instanceof Y.ContentType || content instanceof Y.ContentDeleted) return null;
  if (content instanceof Y.ContentDoc) return 'a nested document';
  if (content instanceof Y.ContentBinary) return 'binary data';
  if (content instanceof Y.ContentString) return 'text-type content';
  return 'rich-text content';
}

/** Checks one item against the schema at the place it lands; null when it fits. */
function itemProblem(item: Y.Item, path: string[]): string | null {
  const where = describePath(path);
  const content = item.content;
  if (content instanceof Y.ContentDeleted) return null;
  const odd = contentProblem(content);
  if (odd) return `${where} would hold ${odd}`;
  const spec = specAt(path);
  if (!spec.ok) return spec.problem;
  if (content instanceof Y.ContentType) {
    if (!isMapSpec(spec.spec)) return `${where} must be a plain value, not a nested type`;
    return content.type.constructor === Y.Map ? null : `${where} must be a map`;
  }
  const values = (content as Y.ContentAny).arr;
  if (values.length !== 1) return `${where} would hold a list of values where one belongs`;
  if (isMapSpec(spec.spec)) return `${where} must be a nested map`;
  return plainValueProblem(spec.spec, values[0], where);
}

/** Checks the deletions of an update: the writer may delete only in maps it may write; ids Yjs does not know yet are unknown. */
function deletionsVerdict(doc: Y.Doc, ds: DeleteSet, locator: UpdateLocator, writer: DocWriter): GateVerdict | null {
  if (writer === 'server') return null;
  for (const [client, ranges] of ds.clients) {
    const structs = doc.store.clients.get(client);
    const known = Y.getState(doc.store, client);
    for (const { clock, len } of ranges) {
      const end = clock + len;
      // Past what the doc holds, the update must bring the items itself (else Yjs parks the deletion).
      if (end > known && !locator.inUpdate(client, Math.max(clock, known), end)) {
        return refuse('unknown-parent', 'This edit deletes something the server does not have yet; reconnecting to sync.', `deletion of ${client}:${clock}+${len}`);
      }
      if (!structs || clock >= known) continue;
      for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i].id.clock < end; i++) {
        const struct = structs[i];
        // A deletion the doc already holds changes nothing: every sync (SyncStep2) carries the sender's whole
        // delete set, so an editor who saw a facilitator overwrite the timer would otherwise be refused.
        if (!(struct instanceof Y.Item) || struct.deleted) continue;
        const root = locator.docRoot(struct);
        // Deleting what lies outside the schema's maps is clean-up, and allowed.
        if (root !== null && rootSpec(root) !== null && !mayWrite(root, writer)) {
          return refuse('role', `Your link may not change the ${root} of this board.`, `${writer} deleted in ${root}`);
        }
      }
    }
  }
  return null;
}

/** Refuses an update that would bring a capped map (comments, ballots) past its most entries; keys it already holds do not count. */
function entriesVerdict(doc: Y.Doc, added: ReadonlyMap<string, ReadonlySet<string>>): GateVerdict | null {
  for (const [name, keys] of added) {
    const max = rootSpec(name)?.maxEntries ?? Infinity;
    const map = doc.share.has(name) ? doc.getMap(name) : null;
    let size = map?.size ?? 0;
    for (const key of keys) if (!map?.has(key)) size++;
    if (size > max) return refuse('map-full', `This board already holds the most ${name} it can (${max}); the server refused more.`, `${name}: ${size} entries`);
  }
  return null;
}

/** Checks a connection's (or another instance's, or the server's) update against a room's doc, before it is applied. */
export function checkUpdate(doc: Y.Doc, update: Uint8Array, writer: DocWriter, limits: UpdateLimits, boardBytes: number): GateVerdict {
  let decoded: { structs: (Y.Item | Y.GC | Y.Skip)[]; ds: DeleteSet };
  try {
    decoded = Y.decodeUpdate(update);
  } catch (error) {
    return refuse('malformed', 'The server refused an edit it could not read.', `undecodable update: ${(error as Error).message}`);
  }
  const { structs, ds } = decoded;
  let items = 0;
  const writing = new Set<number>();
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    items++;
    writing.add(struct.id.client);
  }
  const clients = new Set<number>([...writing, ...ds.clients.keys()]);
  if (items > limits.maxItems) return refuse('too-many-items', `This edit is too large for the server: it holds more than ${limits.maxItems} items.`, `${items} items`);
  if (clients.size > limits.maxClients) return refuse('too-many-clients', `This edit carries more than ${limits.maxClients} client ids; the server refused it.`, `${clients.size} client ids`);
  let fresh = 0;
  for (const client of writing) if (!doc.store.clients.has(client)) fresh++;
  if (fresh > 0 && doc.store.clients.size + fresh > limits.maxBoardClients) {
    return refuse('board-clients', 'This board has had too many editing sessions; ask the facilitator to fork it.', `${doc.store.clients.size} + ${fresh} client ids`);
  }
  if (boardBytes + update.byteLength > limits.maxBoardBytes) {
    return refuse('board-full', `This board is full (${Math.round(limits.maxBoardBytes / 1048576)} MB); ask the facilitator to fork it.`, `${boardBytes} + ${update.byteLength} bytes`);
  }
  return checkSchema(doc, structs, ds, writer);
}

/**
 * The schema part alone: every item must land on a key the schema has, with a value of its type, in a
 * map the writer may write. Items whose place cannot be known yet are refused for connections (the
 * client resends them with what they build on after a reconnect) and let through for 'server' writers.
 */
export function checkSchema(doc: Y.Doc, structs: readonly (Y.Item | Y.GC | Y.Skip)[], ds: DeleteSet, writer: DocWriter): GateVerdict {
  const locator = new UpdateLocator(doc, structs);
  const added = new Map<string, Set<string>>();
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    // What the doc already holds changes nothing (Yjs skips it): a client re-sends it when its offline copy
    // loads before the server's state, facilitator and server entries included. (A server change is checked
    // after it was applied, so for the server everything is "held": it is checked in full.)
    if (writer !== 'server' && struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) continue;
    const location = locator.locate(struct);
    if (location.kind === 'dropped') continue;
    if (location.kind === 'unknown') {
      if (writer === 'server') continue;
      return refuse('unknown-parent', 'This edit builds on changes the server does not have yet; reconnecting to sync.', `item ${struct.id.client}:${struct.id.clock}`);
    }
    if (location.kind === 'bad') return refuse('schema', 'The server refused an edit that does not fit the board document.', location.problem);
    const problem = itemProblem(struct, location.path);
    if (problem) return refuse('schema', 'The server refused an edit that does not fit the board document.', problem);
    if (!mayWrite(location.path[0], writer)) return refuse('role', `Your link may not change the ${location.path[0]} of this board.`, `${writer} wrote ${describePath(location.path)}`);
    if (location.path.length === 2 && rootSpec(location.path[0])?.maxEntries !== undefined) {
      const keys = added.get(location.path[0]) ?? new Set<string>();
      added.set(location.path[0], keys.add(location.path[1]));
    }
  }
  return entriesVerdict(doc, added) ?? deletionsVerdict(doc, ds, locator, writer) ?? OK;
}

/**
 * The schema check of an update the server itself makes (restore, import, ballots) or that another
 * instance stored: no cost limits, and items whose place is not known yet are let through (Yjs parks them).
 */
export function checkServerUpdate(doc: Y.Doc, update: Uint8Array): GateVerdict {
  let decoded: { structs: (Y.Item | Y.GC | Y.Skip)[]; ds: DeleteSet };
  try {
    decoded = Y.decodeUpdate(update);
  } catch (error) {
    return refuse('malformed', 'The update could not be read.', `undecodable update: ${(error as Error).message}`);
  }
  return checkSchema(doc, decoded.structs, decoded.ds, 'server');
}
