import { describe, expect, it } from 'vitest';
import { CONNECTION_WORDS, INITIAL_CONNECTION, connectionPill, connectionSentence, nextConnectionState, type ConnectionEvent, type ConnectionState } from '../../../client/sync/connection-state';

const run = (...events: ConnectionEvent[]): ConnectionState => events.reduce(nextConnectionState, INITIAL_CONNECTION);

describe('connection state machine', () => {
  it('goes from connecting to connected, then synced when the server content arrives', () => {
    const connected = run({ type: 'status', status: 'connected' });
    expect(connected).toMatchObject({ status: 'connected', synced: false, loaded: false, everConnected: true });
    expect(connectionSentence(connected)).toBe(CONNECTION_WORDS.receiving);
    const synced = nextConnectionState(connected, { type: 'sync', synced: true });
    expect(synced).toMatchObject({ status: 'connected', synced: true, loaded: true, message: null });
    expect(connectionSentence(synced)).toBe('Synced: everyone sees your edits.');
    expect(connectionPill(synced)).toBe('Synced');
  });

  it('says edits are kept when a loaded board loses its connection, and stays offline while the provider retries', () => {
    const lost = run({ type: 'status', status: 'connected' }, { type: 'sync', synced: true }, { type: 'status', status: 'disconnected' });
    expect(lost).toMatchObject({ status: 'offline', synced: false, loaded: true });
    expect(lost.message).toBe('Offline: your edits are kept on this device and will be sent when the connection returns.');
    const retrying = nextConnectionState(lost, { type: 'status', status: 'connecting' });
    expect(retrying.status).toBe('offline');
    const back = nextConnectionState(retrying, { type: 'status', status: 'connected' });
    expect(back).toMatchObject({ status: 'connected', synced: false, message: null });
  });

  it('says the board is not on this device when offline before anything arrived', () => {
    const state = run({ type: 'status', status: 'disconnected' });
    expect(state.message).toBe(CONNECTION_WORDS.offlineNoCopy);
    const withCopy = nextConnectionState(state, { type: 'local-copy', hasContent: true });
    expect(withCopy).toMatchObject({ loaded: true, message: CONNECTION_WORDS.offline });
  });

  it('is offline when the first connection cannot be opened (the server is down at load)', () => {
    const state = run({ type: 'local-copy', hasContent: true }, { type: 'socket-closed' }, { type: 'status', status: 'connecting' });
    expect(state).toMatchObject({ status: 'offline', loaded: true, message: CONNECTION_WORDS.offline });
  });

  it('ignores an empty local copy', () => {
    expect(run({ type: 'local-copy', hasContent: false }).loaded).toBe(false);
  });

  it('stays refused with the close reason, whatever comes after', () => {
    const refused = run({ type: 'status', status: 'connected' }, { type: 'closed', code: 4401, reason: '' });
    expect(refused.status).toBe('refused');
    expect(refused.message).toMatch(/not valid or has expired/);
    expect(connectionSentence(refused)).toBe(refused.message);
    expect(nextConnectionState(refused, { type: 'status', status: 'connected' })).toBe(refused);
    expect(run({ type: 'closed', code: 4404, reason: 'The board was deleted.' }).message).toBe('The board was deleted.');
  });

  it('returns the same object for an event that changes nothing', () => {
    const state = run({ type: 'status', status: 'connected' }, { type: 'sync', synced: true });
    expect(nextConnectionState(state, { type: 'local-copy', hasContent: true })).toBe(state);
  });
});
