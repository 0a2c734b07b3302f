/** The connection as a small state machine fed by the provider's status, sync and close events (pure, no I/O). */
import type { ConnectionStatus } from '../state/types';
import { closeMessage } from './tokens';

/** What the board page knows about its connection. */
export interface ConnectionState {
  status: ConnectionStatus;
  /** True once the server's content arrived on this connection (resets on every disconnect). */
  synced: boolean;
  /** True once the board can be drawn: the server's content arrived once, or a copy was on this device. */
  loaded: boolean;
  /** True once a connection was open at least once in this page. */
  everConnected: boolean;
  /** A sentence for the person when something is wrong, or null. */
  message: string | null;
}

/** One thing that happened to the connection. */
export type ConnectionEvent =
  | { type: 'status'; status: 'connecting' | 'connected' | 'disconnected' }
  | { type: 'sync'; synced: boolean }
  /** A socket closed or could not open (the provider says "disconnected" only after a connection was open). */
  | { type: 'socket-closed' }
  | { type: 'closed'; code: number; reason: string }
  /** The copy kept on this device (IndexedDB) was read; `hasContent` when it held a board. */
  | { type: 'local-copy'; hasContent: boolean };

/** The sentences shown to a person (one place, for a later translation layer). */
export const CONNECTION_WORDS = {
  offline: 'Offline: your edits are kept on this device and will be sent when the connection returns.',
  offlineNoCopy: 'Offline: this board is not on this device yet; it will appear when the connection returns.',
  connecting: 'Connecting to the server…',
  receiving: 'Connected: receiving the board…',
  synced: 'Synced: everyone sees your edits.',
  pill: { connecting: 'Connecting…', connected: 'Synced', receiving: 'Receiving…', offline: 'Offline, edits kept', refused: 'Refused' },
} as const;

/** The state of a page that has just started to connect. */
export const INITIAL_CONNECTION: ConnectionState = { status: 'connecting', synced: false, loaded: false, everConnected: false, message: null };

/** The state after `event`; a refused connection stays refused (the provider stops retrying then). */
export function nextConnectionState(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  if (state.status === 'refused') return state;
  switch (event.type) {
    case 'status':
      if (event.status === 'connected') return { ...state, status: 'connected', everConnected: true, message: null };
      if (event.status === 'connecting') {
        // A retry after a lost connection is still offline for the person: their edits wait on this device.
        return state.status === 'offline' ? state : { ...state, status: 'connecting', synced: false };
      }
      return { ...state, status: 'offline', synced: false, message: state.loaded ? CONNECTION_WORDS.offline : CONNECTION_WORDS.offlineNoCopy };
    case 'socket-closed':
      return nextConnectionState(state, { type: 'status', status: 'disconnected' });
    case 'sync':
      return event.synced ? { ...state, synced: true, loaded: true, message: null } : { ...state, synced: false };
    case 'closed':
      return { ...state, status: 'refused', synced: false, message: closeMessage(event.code, event.reason) };
    case 'local-copy':
      if (!event.hasContent || state.loaded) return state;
      return { ...state, loaded: true, message: state.status === 'offline' ? CONNECTION_WORDS.offline : state.message };
  }
}

/** The one sentence that says how the connection is (shown as the status pill's tooltip and to screen readers). */
export function connectionSentence(state: Pick<ConnectionState, 'status' | 'synced' | 'loaded' | 'message'>): string {
  if (state.status === 'refused') return state.message ?? 'The server refused this link.';
  if (state.status === 'offline') return state.loaded ? CONNECTION_WORDS.offline : CONNECTION_WORDS.offlineNoCopy;
  if (state.status === 'connecting') return CONNECTION_WORDS.connecting;
  return state.synced ? CONNECTION_WORDS.synced : CONNECTION_WORDS.receiving;
}

/** The short label of the status pill. */
export function connectionPill(state: Pick<ConnectionState, 'status' | 'synced'>): string {
  if (state.status === 'connected') return state.synced ? CONNECTION_WORDS.pill.connected : CONNECTION_WORDS.pill.receiving;
  return CONNECTION_WORDS.pill[state.status];
}
