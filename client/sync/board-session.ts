/** One person's live connection to one board: Y.Doc, server sync, offline copy, undo and presence. */
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { BOARD_MAP_NAMES } from '../../shared/board/yjs-doc';
import { readBoardView, readMapCenter, readMapPoint, readPresenting, readSummon, readViewCenter } from '../../shared/presence/presence';
import type { BoardActions, BoardViewState, Peer, PresenceActions, Role } from '../state/types';
import { createBoardActions } from './board-actions';
import { BoardReader } from './board-reader';
import { INITIAL_CONNECTION, nextConnectionState, type ConnectionEvent, type ConnectionState } from './connection-state';
import { leverDetail, readActivity, recordActivity, type Activity } from '../../shared/board/activity';
import { ACTIVITY_MAP } from '../../shared/board/doc-schema';
import type { ActivityNotice } from '../shell/activity-words';
import { OfflineEditLog } from './offline-edits';
import { roleOfToken } from './tokens';
import { createWorkshop, type WorkshopSession } from './workshop-sync';

/** Who is editing, as shown to others. */
export interface Me {
  name: string;
  color: string;
}

/** Where and how to connect (defaults: this page's host; IndexedDB on when available). */
export interface SessionOptions {
  serverUrl?: string;
  offlineCopy?: boolean;
  WebSocketImpl?: typeof WebSocket;
}

/** A live board: read `getState()`, `subscribe` to changes, edit through `actions`. */
export interface BoardSession {
  getState(): BoardViewState;
  subscribe(listener: () => void): () => void;
  actions: BoardActions;
  /** Where I look, the slide I present, "bring everyone to me". */
  presence: PresenceActions;
  /** The workshop timer, vote and comments. */
  workshop: WorkshopSession;
  /** Cuts the connection (tests, or "work offline"); edits stay local until `reconnect`. */
  disconnect(): void;
  reconnect(): void;
  /** Hides the list of offline edits that others overwrote. */
  dismissLostEdits(): void;
  /** Hides one shared-action notice. */
  dismissActivity(id: string): void;
  destroy(): void;
}

function defaultServerUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}

function peerOf(clientId: number, state: Record<string, unknown>): Peer {
  const user = (state.user ?? {}) as Record<string, unknown>;
  const cursor = state.cursor as { x?: unknown; y?: unknown } | undefined;
  return {
    clientId,
    name: typeof user.name === 'string' ? user.name : 'Someone',
    color: typeof user.color === 'string' ? user.color : '#888888',
    viewer: user.viewer === true,
    cursor: cursor && typeof cursor.x === 'number' && typeof cursor.y === 'number' ? { x: cursor.x, y: cursor.y } : null,
    selection: Array.isArray(state.selection) ? state.selection.filter((s): s is string => typeof s === 'string') : [],
    viewport: readViewCenter(state.viewport),
    presenting: readPresenting(state.presenting),
    summon: readSummon(state.summon),
    view: readBoardView(state.view),
    mapCursor: readMapPoint(state.mapCursor),
    mapViewport: readMapCenter(state.mapViewport),
  };
}

/** The actions, noting the fields changed while `offline()` so overwritten ones can be named after the merge. */
function recordingOfflineEdits(actions: BoardActions, log: OfflineEditLog, offline: () => boolean): BoardActions {
  const note = (collection: Parameters<OfflineEditLog['record']>[0], id: string, changes: object) => {
    if (offline()) log.record(collection, id, changes as Record<string, unknown>);
  };
  return {
    ...actions,
    updateNode: (id, changes) => (note('nodes', id, changes), actions.updateNode(id, changes)),
    updateEdge: (id, changes) => (note('edges', id, changes), actions.updateEdge(id, changes)),
    updateLever: (id, changes) => (note('levers', id, changes), actions.updateLever(id, changes)),
    updateNote: (id, changes) => (note('notes', id, changes), actions.updateNote(id, changes)),
    setTitle: (title) => (note('title', 'title', { title }), actions.setTitle(title)),
  };
}

/** The actions, each shared action also recorded in the activity map with my name (so others are told). */
function recordingActivity(actions: BoardActions, doc: Y.Doc, origin: object, me: Me, reader: BoardReader): BoardActions {
  const record = (entry: Omit<Activity, 'by' | 'at'>) => recordActivity(doc, { ...entry, by: me.name, at: Date.now() }, origin);
  const ownId = (kind: string) => `${kind}-${doc.clientID}-${Date.now().toString(36)}`;
  return {
    ...actions,
    arrange: (positions) => {
      actions.arrange(positions);
      record({ id: ownId('arrange'), type: 'arrange' });
    },
    replaceBoard: (board) => {
      actions.replaceBoard(board);
      record({ id: ownId('import'), type: 'import' });
    },
    updateLever: (id, changes) => {
      actions.updateLever(id, changes);
      const lever = reader.board().scenario.disruptions.find((d) => d.id === id);
      // One entry per person and lever, overwritten by each change (a slider drag is many changes).
      if (lever) record({ id: `lever-${doc.clientID}-${id}`.slice(0, 64), type: 'lever', detail: leverDetail(id, lever.label, lever.enabled, changes.enabled !== undefined) });
    },
  };
}

/** Opens a session on a board with a share-link token. */
export function openBoardSession(boardId: string, token: string, me: Me, options: SessionOptions = {}): BoardSession {
  const doc = new Y.Doc();
  const origin = { session: boardId };
  const role: Role = roleOfToken(token) ?? 'viewer';
  const provider = new WebsocketProvider(options.serverUrl ?? defaultServerUrl(), boardId, doc, {
    // The session key stays with this page: after a reconnect it lets the server give my presence back to me only.
    params: { token, session: crypto.randomUUID() }, disableBc: true, maxBackoffTime: 2500,
    ...(options.WebSocketImpl ? { WebSocketPolyfill: options.WebSocketImpl } : {}),
  });
  const offline = options.offlineCopy !== false && typeof indexedDB !== 'undefined' ? new IndexeddbPersistence(`lodestone-board-${boardId}`, doc) : null;
  const undoManager = new Y.UndoManager(BOARD_MAP_NAMES.map((name) => doc.getMap(name)), { trackedOrigins: new Set([origin]), captureTimeout: 500 });
  const reader = new BoardReader(doc);
  const awareness = provider.awareness;
  awareness.setLocalState({ user: { name: me.name, color: me.color }, cursor: null, selection: [] });

  const listeners = new Set<() => void>();
  let state: BoardViewState = {
    boardId, role, status: 'connecting', message: null, loaded: false, synced: false, board: reader.board(), peers: [], canUndo: false, canRedo: false,
  };
  let connection: ConnectionState = INITIAL_CONNECTION;
  let scheduled = false;
  const emit = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      for (const listener of listeners) listener();
    });
  };
  const set = (changes: Partial<BoardViewState>) => {
    state = { ...state, ...changes };
    emit();
  };

  doc.on('afterTransaction', () => {
    const board = reader.board();
    const canUndo = undoManager.canUndo();
    const canRedo = undoManager.canRedo();
    if (board !== state.board || canUndo !== state.canUndo || canRedo !== state.canRedo) set({ board, canUndo, canRedo });
  });
  undoManager.on('stack-item-added', () => set({ canUndo: undoManager.canUndo(), canRedo: undoManager.canRedo() }));
  undoManager.on('stack-item-popped', () => set({ canUndo: undoManager.canUndo(), canRedo: undoManager.canRedo() }));
  awareness.on('change', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    // My own cursor moves change only my entry: nothing others-related to show.
    if ([...added, ...updated, ...removed].every((id) => id === doc.clientID)) return;
    const peers: Peer[] = [];
    for (const [clientId, value] of awareness.getStates()) {
      if (clientId !== doc.clientID && value && typeof value === 'object') peers.push(peerOf(clientId, value as Record<string, unknown>));
    }
    if (JSON.stringify(peers) !== JSON.stringify(state.peers)) set({ peers });
  });
  const offlineEdits = new OfflineEditLog();
  // Shared actions after the first sync become notices (the entries already there when I arrive are old news).
  let live = false;
  doc.getMap<unknown>(ACTIVITY_MAP).observe((event, transaction) => {
    if (!live) return;
    const notices: ActivityNotice[] = [];
    for (const [key, change] of event.changes.keys) {
      if (change.action === 'delete') continue;
      const entry = readActivity(key, event.target.get(key));
      if (entry) notices.push({ ...entry, mine: transaction.local || (entry.type === 'restore' && entry.by === me.name) });
    }
    if (notices.length > 0) set({ activity: [...(state.activity ?? []).filter((a) => !notices.some((n) => n.id === a.id)), ...notices].slice(-5) });
  });
  const onConnection = (event: ConnectionEvent) => {
    const next = nextConnectionState(connection, event);
    if (next === connection) return;
    connection = next;
    set({ status: next.status, message: next.message, loaded: next.loaded, synced: next.synced });
  };
  provider.on('status', ({ status }) => onConnection({ type: 'status', status }));
  provider.on('sync', (synced: boolean) => {
    if (synced) live = true;
    onConnection({ type: 'sync', synced });
    // The server's content is merged now: tell the person which of their offline edits did not survive.
    if (synced && offlineEdits.size > 0) {
      const lost = offlineEdits.takeLost(reader.board());
      if (lost.length > 0) set({ lostEdits: lost });
    }
  });
  provider.on('connection-close', () => onConnection({ type: 'socket-closed' }));
  provider.on('closed', ({ code, reason }: { code: number; reason: string }) => onConnection({ type: 'closed', code, reason }));
  offline?.on('synced', () => onConnection({ type: 'local-copy', hasContent: doc.getMap('nodes').size > 0 || doc.getMap('meta').size > 0 }));
  const leave = () => awareness.setLocalState(null);
  if (typeof window !== 'undefined') window.addEventListener('pagehide', leave);

  const presence = {
    setCursor: (cursor: { x: number; y: number } | null) => awareness.setLocalStateField('cursor', cursor),
    // At most 500 ids: a select-all on a big board must stay within the server's presence limit (LODESTONE_MAX_AWARENESS_BYTES).
    setSelection: (ids: string[]) => awareness.setLocalStateField('selection', ids.slice(0, 500)),
  };
  let summons = 0;
  const view: PresenceActions = {
    setViewport: (viewport) => awareness.setLocalStateField('viewport', viewport),
    setPresenting: (presenting) => {
      const current = awareness.getLocalState();
      if (current) awareness.setLocalState({ ...current, presenting, viewport: null });
    },
    summon: () => awareness.setLocalStateField('summon', ++summons),
    setView: (boardView) => awareness.setLocalStateField('view', boardView),
    setMapCursor: (cursor) => awareness.setLocalStateField('mapCursor', cursor),
    setMapViewport: (center) => awareness.setLocalStateField('mapViewport', center),
  };
  return {
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    actions: recordingOfflineEdits(recordingActivity(createBoardActions(doc, origin, undoManager, presence), doc, origin, me, reader), offlineEdits, () => connection.status !== 'connected' || !connection.synced),
    presence: view,
    workshop: createWorkshop(doc),
    disconnect: () => provider.disconnect(),
    reconnect: () => provider.connect(),
    dismissLostEdits: () => set({ lostEdits: undefined }),
    dismissActivity: (id) => set({ activity: (state.activity ?? []).filter((a) => a.id !== id) }),
    destroy: () => {
      if (typeof window !== 'undefined') window.removeEventListener('pagehide', leave);
      leave();
      undoManager.destroy();
      provider.destroy();
      void offline?.destroy();
      doc.destroy();
      listeners.clear();
    },
  };
}
