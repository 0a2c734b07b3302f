/** The connection as a small state machine fed by the provider's status, sync and close events (pure, no I/O). */
import type { IntlShape } from 'react-intl';
import type { ConnectionStatus } from '../state/types';
import { closeMessage } from './tokens';

/** What is wrong with the connection, worded on screen in the person's language (connectionSentence). */
export type ConnectionMessage = { id: 'offline' | 'offlineNoCopy' } | { id: 'closed'; code: number; reason: string };

/** What the board page knows about its connection. */
export interface ConnectionState {
  status: ConnectionStatus;
  /** True once the server's content arrived on this connection (resets on every disconnect). */
  synced: boolean;
  /** True once the board can be drawn: the server's content arrived once, or a copy was on this device. */
  loaded: boolean;
  /** True once a connection was open at least once in this page. */
  everConnected: boolean;
  /** What to tell the person when something is wrong, or null. */
  message: ConnectionMessage | null;
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

const OFFLINE: ConnectionMessage = { id: 'offline' };
const OFFLINE_NO_COPY: ConnectionMessage = { id: 'offlineNoCopy' };

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
      return { ...state, status: 'offline', synced: false, message: state.loaded ? OFFLINE : OFFLINE_NO_COPY };
    case 'socket-closed':
      return nextConnectionState(state, { type: 'status', status: 'disconnected' });
    case 'sync':
      return event.synced ? { ...state, synced: true, loaded: true, message: null } : { ...state, synced: false };
    case 'closed':
      return { ...state, status: 'refused', synced: false, message: { id: 'closed', code: event.code, reason: event.reason } };
    case 'local-copy':
      if (!event.hasContent || state.loaded) return state;
      return { ...state, loaded: true, message: state.status === 'offline' ? OFFLINE : state.message };
  }
}

/** The one sentence that says how the connection is (shown as the status pill's tooltip and to screen readers). */
export function connectionSentence(intl: IntlShape, state: Pick<ConnectionState, 'status' | 'synced' | 'loaded' | 'message'>): string {
  const say = (id: string) => intl.formatMessage({ id: `sync.connection.${id}` });
  if (state.status === 'refused') return state.message?.id === 'closed' ? closeMessage(intl, state.message.code, state.message.reason) : say('refused');
  if (state.status === 'offline') return say(state.loaded ? 'offline' : 'offlineNoCopy');
  if (state.status === 'connecting') return say('connecting');
  return say(state.synced ? 'synced' : 'receiving');
}

/** The short label of the status pill. */
export function connectionPill(intl: IntlShape, state: Pick<ConnectionState, 'status' | 'synced'>): string {
  const pill = state.status === 'connected' ? (state.synced ? 'connected' : 'receiving') : state.status;
  return intl.formatMessage({ id: `sync.pill.${pill}` });
}
