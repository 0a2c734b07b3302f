import { beforeAll, describe, expect, it } from 'vitest';
import type { IntlShape } from 'react-intl';
import { INITIAL_CONNECTION, connectionPill, connectionSentence, nextConnectionState, type ConnectionEvent, type ConnectionState } from '../../../client/sync/connection-state';
import { intlIn } from '../../utils/intl';

const run = (...events: ConnectionEvent[]): ConnectionState => events.reduce(nextConnectionState, INITIAL_CONNECTION);

let en: IntlShape;
let it_: IntlShape;
beforeAll(async () => {
  en = await intlIn('en');
  it_ = await intlIn('it');
});

describe('connection state machine', () => {
  it('goes from connecting to connected, then synced when the server content arrives', () => {
    expect(connectionSentence(en, INITIAL_CONNECTION)).toBe('Connecting to the server…');
    const connected = run({ type: 'status', status: 'connected' });
    expect(connected).toMatchObject({ status: 'connected', synced: false, loaded: false, everConnected: true });
    expect(connectionSentence(en, connected)).toBe('Connected: receiving the board…');
    const synced = nextConnectionState(connected, { type: 'sync', synced: true });
    expect(synced).toMatchObject({ status: 'connected', synced: true, loaded: true, message: null });
    expect(connectionSentence(en, synced)).toBe('Synced: everyone sees your edits.');
    expect(connectionPill(en, synced)).toBe('Synced');
  });

  it('says edits are kept when a loaded board loses its connection, and stays offline while the provider retries', () => {
    const lost = run({ type: 'status', status: 'connected' }, { type: 'sync', synced: true }, { type: 'status', status: 'disconnected' });
    expect(lost).toMatchObject({ status: 'offline', synced: false, loaded: true, message: { id: 'offline' } });
    expect(connectionSentence(en, lost)).toBe('Offline: your edits are kept on this device and will be sent when the connection returns.');
    const retrying = nextConnectionState(lost, { type: 'status', status: 'connecting' });
    expect(retrying.status).toBe('offline');
    const back = nextConnectionState(retrying, { type: 'status', status: 'connected' });
    expect(back).toMatchObject({ status: 'connected', synced: false, message: null });
  });

  it('says the board is not on this device when offline before anything arrived', () => {
    const state = run({ type: 'status', status: 'disconnected' });
    expect(state.message).toEqual({ id: 'offlineNoCopy' });
    expect(connectionSentence(en, state)).toMatch(/not on this device yet/);
    const withCopy = nextConnectionState(state, { type: 'local-copy', hasContent: true });
    expect(withCopy).toMatchObject({ loaded: true, message: { id: 'offline' } });
  });

  it('is offline when the first connection cannot be opened (the server is down at load)', () => {
    const state = run({ type: 'local-copy', hasContent: true }, { type: 'socket-closed' }, { type: 'status', status: 'connecting' });
    expect(state).toMatchObject({ status: 'offline', loaded: true, message: { id: 'offline' } });
  });

  it('ignores an empty local copy', () => {
    expect(run({ type: 'local-copy', hasContent: false }).loaded).toBe(false);
  });

  it('stays refused, worded by its close code in the page\'s language, whatever comes after', () => {
    const refused = run({ type: 'status', status: 'connected' }, { type: 'closed', code: 4401, reason: 'This access token has expired; ask the facilitator for a new share link.' });
    expect(refused.status).toBe('refused');
    expect(connectionSentence(en, refused)).toBe('This share link is not valid, has expired or was replaced; ask the facilitator for a new one.');
    expect(connectionSentence(it_, refused)).toBe('Questo link di condivisione non è valido, è scaduto o è stato sostituito; chiedine uno nuovo al facilitatore.');
    expect(nextConnectionState(refused, { type: 'status', status: 'connected' })).toBe(refused);
    expect(connectionSentence(en, run({ type: 'closed', code: 4404, reason: 'This board was deleted by its facilitator.' }))).toBe('This board does not exist any more.');
    expect(connectionSentence(it_, run({ type: 'closed', code: 4403, reason: '' }))).toBe('Questo link di condivisione è di un\'altra lavagna.');
    // A code the page has no words for: the server's reason, else the bare code.
    expect(connectionSentence(en, run({ type: 'closed', code: 4499, reason: 'Something new.' }))).toBe('Something new.');
    expect(connectionSentence(it_, run({ type: 'closed', code: 4499, reason: '' }))).toBe('Il server ha chiuso la connessione (codice 4499).');
  });

  it('says every state in Italian', () => {
    const synced = run({ type: 'status', status: 'connected' }, { type: 'sync', synced: true });
    expect(connectionSentence(it_, synced)).toBe('Sincronizzato: tutti vedono le tue modifiche.');
    expect(connectionPill(it_, synced)).toBe('Sincronizzato');
    const offline = nextConnectionState(synced, { type: 'status', status: 'disconnected' });
    expect(connectionSentence(it_, offline)).toBe('Offline: le tue modifiche restano su questo dispositivo e saranno inviate quando la connessione torna.');
    expect(connectionPill(it_, offline)).toBe('Offline, modifiche salvate');
    expect(connectionPill(it_, INITIAL_CONNECTION)).toBe('Connessione…');
    expect(connectionSentence(it_, run({ type: 'status', status: 'connected' }))).toBe('Connesso: ricezione della lavagna…');
  });

  it('returns the same object for an event that changes nothing', () => {
    const state = run({ type: 'status', status: 'connected' }, { type: 'sync', synced: true });
    expect(nextConnectionState(state, { type: 'local-copy', hasContent: true })).toBe(state);
  });
});
