/** Plain state and actions the views get; the CRDT stays behind client/sync/. */
import type { Board, BoardEdge, BoardNode, BoardNote, Disruption, Expansion, Position, PriceFloor } from '../../shared/board/types';
import type { ExposureReport } from '../../shared/exposure/types';
import type { BoardView, MapCenter, MapPoint, Presenting, ViewCenter } from '../../shared/presence/presence';
import type { ActivityNotice } from '../shell/activity-words';
import type { ConnectionMessage } from '../sync/connection-state';
import type { LostEdit } from '../sync/offline-edits';

/** What a share link lets its holder do. */
export type Role = 'facilitator' | 'editor' | 'viewer';

/** Connection to the server, as a person sees it. */
export type ConnectionStatus = 'connecting' | 'connected' | 'offline' | 'refused';

/** Another person on the board (from awareness). */
export interface Peer {
  clientId: number;
  name: string;
  color: string;
  viewer: boolean;
  /** Cursor in flow coordinates. */
  cursor: Position | null;
  /** Ids of the nodes and edges this person has selected. */
  selection: string[];
  /** Where this person looks (null: they have not panned or zoomed; their board is fitted to the screen). */
  viewport?: ViewCenter | null;
  /** The slide this person presents (facilitators only), or null. */
  presenting?: Presenting | null;
  /** Raised each time this person brings everyone to their view (facilitators only). */
  summon?: number;
  /** The view this person is in (absent: the canvas). */
  view?: BoardView;
  /** Their cursor on the map, in degrees (null: not over the map). */
  mapCursor?: MapPoint | null;
  /** Where they look on the map (null: the whole world). */
  mapViewport?: MapCenter | null;
}

/** What a person shares about their view, besides cursor and selection. */
export interface PresenceActions {
  /** Publishes where I look (null: fitted). */
  setViewport(viewport: ViewCenter | null): void;
  /** Publishes the slide I present, or null when I stop; my viewport is reset so followers see the slide fitted. */
  setPresenting(presenting: Presenting | null): void;
  /** Brings everyone to my view: followers switch to following me. */
  summon(): void;
  /** Publishes the view I am in (canvas or map). */
  setView(view: BoardView): void;
  /** Publishes my cursor on the map (null: off the map). */
  setMapCursor(cursor: MapPoint | null): void;
  /** Publishes where I look on the map (null: the whole world). */
  setMapViewport(center: MapCenter | null): void;
}

/** Everything a board page shows (`board` carries the version 2 fields: prices, expansions and price floors in its scenario). */
export interface BoardViewState {
  boardId: string;
  role: Role;
  status: ConnectionStatus;
  /** What to tell the person when something is wrong (refused token, lost connection...), worded by the connection banner. */
  message: ConnectionMessage | null;
  /** True once the server's content has arrived at least once (or local IndexedDB content exists). */
  loaded: boolean;
  /** True while the server's content has arrived on the current connection (false offline and while connecting). */
  synced?: boolean;
  /** The edits made offline that someone else overwrote meanwhile (shown, worded, until dismissed). */
  lostEdits?: LostEdit[];
  /** The latest shared actions (arrange, restore, import, lever changes) since I arrived, newest last. */
  activity?: ActivityNotice[];
  board: Board;
  peers: Peer[];
  canUndo: boolean;
  canRedo: boolean;
}

/** The edits a view may ask for; each is one undoable step of the person who made it. */
export interface BoardActions {
  addNode(node: BoardNode): void;
  updateNode(id: string, changes: Partial<Omit<BoardNode, 'id'>>): void;
  /** Moves nodes; `final` marks the end of a drag (intermediate moves are throttled by the caller). */
  moveNodes(positions: Record<string, Position>, final: boolean): void;
  addEdge(edge: BoardEdge): void;
  updateEdge(id: string, changes: Partial<Omit<BoardEdge, 'id'>>): void;
  addLever(lever: Disruption): void;
  updateLever(id: string, changes: Partial<Omit<Disruption, 'id'>>): void;
  /** Deletes nodes (with their edges), edges, levers, expansions, price floors and notes by id, in one step. */
  deleteItems(ids: string[]): void;
  addNote(note: BoardNote): void;
  updateNote(id: string, changes: Partial<Omit<BoardNote, 'id'>>): void;
  /** Appends a scenario expansion (capacity that comes online at a node). */
  addExpansion(expansion: Expansion): void;
  /** Changes an expansion's fields; its capacity is edited mineral by mineral. */
  updateExpansion(id: string, changes: Partial<Omit<Expansion, 'id'>>): void;
  /** Appends a scenario price floor. */
  addPriceFloor(floor: PriceFloor): void;
  /** Changes a price floor's fields. */
  updatePriceFloor(id: string, changes: Partial<Omit<PriceFloor, 'id'>>): void;
  /** Sets one mineral's market price (USD/kg), or removes it with undefined. */
  setPrice(mineral: string, price: number | undefined): void;
  setTitle(title: string): void;
  /** Pastes copied items with fresh ids, offset on the canvas; returns the new ids. */
  paste(items: { nodes: BoardNode[]; edges: BoardEdge[] }, offset: Position): string[];
  /** Makes the live board equal to `board` (an import) with the fewest changes, as one undoable step. */
  replaceBoard(board: Board): void;
  /** Writes many node positions at once (auto-layout), as one step that everyone sees. */
  arrange(positions: Record<string, Position>): void;
  undo(): void;
  redo(): void;
  /** Marks the start or end of a gesture (drag) so it undoes as one step. */
  gesture(): void;
  setCursor(cursor: Position | null): void;
  setSelection(ids: string[]): void;
}

/** The exposure of the current board, computed off the main thread. */
export interface ExposureState {
  report: ExposureReport | null;
  /** Milliseconds the last computation took. */
  computeMs: number;
  /** True while the adapted figures (after rerouting) of the latest board are being computed; the reroute blocks shown are older. */
  adaptedPending?: boolean;
}
