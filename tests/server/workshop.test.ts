/**
 * Workshop state on a real server: the facilitator's timer reaches viewers and late joiners, an editor's
 * timer write is refused by the server, ballots go through the REST route (one per person id, checked
 * against the open vote), comments sync and their number is capped by the update gate.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdate, DEFAULT_UPDATE_LIMITS } from '../../server/rooms/update-gate';
import { MAX_COMMENTS } from '../../shared/workshop/comments';
import { readTimer, remainingMs, startTimer, IDLE_TIMER } from '../../shared/workshop/timer';
import { useBoardOnServer } from '../utils/board-on-server';
import { api, waitFor } from '../utils/server-harness';

const setUp = useBoardOnServer();

const vote = { id: 'v1', subject: 'levers', options: ['a', 'b', 'c'], labels: ['A', 'B', 'C'], perPerson: 2, status: 'open', by: 'Fay' };

describe('workshop timer', () => {
  it('[W1] a viewer and a late joiner see the remaining time the facilitator started', async () => {
    const { board, join } = await setUp();
    const fay = join(board.tokens.facilitator);
    const vic = join(board.tokens.viewer);
    await Promise.all([fay.synced(), vic.synced()]);
    const now = Date.now();
    fay.doc.getMap('facilitation').set('timer', { ...startTimer(IDLE_TIMER, now, 'Fay', 120_000) });
    await waitFor(() => readTimer(vic.doc.getMap('facilitation').get('timer')).state === 'running');
    const late = join(board.tokens.editor);
    await late.synced();
    const seen = readTimer(late.doc.getMap('facilitation').get('timer'));
    expect(remainingMs(seen, now + 30_000)).toBe(90_000);
    expect(seen.by).toBe('Fay');
  });

  it('[W2] the server refuses a timer written by an editor, and closes that editor\'s socket', async () => {
    const { board, join } = await setUp();
    const ed = join(board.tokens.editor);
    await ed.synced();
    const closed = new Promise<number>((resolve) => ed.provider.on('connection-close', (event) => resolve(event?.code ?? 0)));
    ed.doc.getMap('facilitation').set('timer', { state: 'running', durationMs: 60_000, endsAt: Date.now() + 60_000 });
    expect(await closed).toBe(4400);
    const check = join(board.tokens.viewer);
    await check.synced();
    expect(check.doc.getMap('facilitation').get('timer')).toBeUndefined();
  });
});

describe('facilitator maps and syncing editors', () => {
  it('[W9] an editor whose doc holds the facilitator\'s overwritten timer and the server\'s ballots syncs, and re-sends its offline copy, without being refused', () => {
    const serverDoc = new Y.Doc();
    const fay = new Y.Doc();
    const editor = new Y.Doc();
    const relay = (from: Y.Doc, writer: 'facilitator' | 'server') => {
      const update = Y.encodeStateAsUpdate(from, Y.encodeStateVector(serverDoc));
      expect(checkUpdate(serverDoc, update, writer, DEFAULT_UPDATE_LIMITS, 0)).toEqual({ ok: true });
      Y.applyUpdate(serverDoc, update);
    };
    fay.getMap('facilitation').set('timer', { state: 'running', durationMs: 60_000, endsAt: 1 });
    relay(fay, 'facilitator');
    fay.getMap('facilitation').set('timer', { state: 'paused', durationMs: 60_000, remainingMs: 5 });
    relay(fay, 'facilitator');
    serverDoc.getMap('ballots').set('v1|p-1', ['a']);
    serverDoc.getMap('ballots').set('v1|p-1', ['a', 'b']);
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(serverDoc));
    // What the editor's client sends on (re)connect: its state against the server's, with its whole delete set.
    const sync = Y.encodeStateAsUpdate(editor, Y.encodeStateVector(serverDoc));
    expect(checkUpdate(serverDoc, sync, 'editor', DEFAULT_UPDATE_LIMITS, 0)).toEqual({ ok: true });
    // Its offline copy, loaded before the server's state arrived, is sent back whole: what the server holds passes.
    expect(checkUpdate(serverDoc, Y.encodeStateAsUpdate(editor), 'editor', DEFAULT_UPDATE_LIMITS, 0)).toEqual({ ok: true });
    // Deleting what is not deleted yet is still refused.
    editor.getMap('facilitation').delete('timer');
    expect(checkUpdate(serverDoc, Y.encodeStateAsUpdate(editor, Y.encodeStateVector(serverDoc)), 'editor', DEFAULT_UPDATE_LIMITS, 0)).toMatchObject({ ok: false, reason: 'role' });
  });
});

describe('ballots', () => {
  it('[W3] counts one ballot per person id; a second ballot of that person replaces the first', async () => {
    const { server, board, join } = await setUp();
    const fay = join(board.tokens.facilitator);
    await fay.synced();
    fay.doc.getMap('facilitation').set('vote', vote);
    const cast = (person: string, choices: string[], token = board.tokens.viewer) => api(server, 'POST', `/api/boards/${board.id}/ballots`, { token, body: { vote: 'v1', person, choices } });
    await waitFor(async () => (await cast('p-viewer1', ['a'])).status === 200);
    expect((await cast('p-viewer1', ['a', 'b'])).status).toBe(200);
    expect((await cast('p-editor1', ['b', 'b'], board.tokens.editor)).status).toBe(200);
    await waitFor(() => fay.doc.getMap('ballots').size === 2);
    expect(fay.doc.getMap('ballots').get('v1|p-viewer1')).toEqual(['a', 'b']);
    expect(fay.doc.getMap('ballots').get('v1|p-editor1')).toEqual(['b', 'b']);
  });

  it('[W4] refuses ballots with a sentence: too many dots, unknown options, a closed or another vote, bad input, no token', async () => {
    const { server, board, join } = await setUp();
    const fay = join(board.tokens.facilitator);
    await fay.synced();
    fay.doc.getMap('facilitation').set('vote', vote);
    const cast = (body: unknown, token: string | null = board.tokens.viewer) => api(server, 'POST', `/api/boards/${board.id}/ballots`, { token: token ?? undefined, body });
    await waitFor(async () => (await cast({ vote: 'v1', person: 'p-x', choices: [] })).status === 200);
    const tooMany = await cast({ vote: 'v1', person: 'p-x', choices: ['a', 'b', 'c'] });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.error).toBe('You have 2 votes; this ballot has 3.');
    expect(tooMany.body).toMatchObject({ code: 'too-many-choices', allowed: 2, given: 3 });
    const unknown = await cast({ vote: 'v1', person: 'p-x', choices: ['zzz'] });
    expect(unknown.body.error).toMatch(/not an option/);
    expect(unknown.body.code).toBe('choice-unknown');
    const over = await cast({ vote: 'v0', person: 'p-x', choices: ['a'] });
    expect(over.body.error).toMatch(/This vote is over/);
    expect(over.body.code).toBe('vote-over');
    const bad = await cast({ vote: 'v1', person: '../etc', choices: ['a'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/^A ballot needs/);
    expect(bad.body).toMatchObject({ code: 'ballot-invalid', max: 10 });
    const anonymous = await cast({ vote: 'v1', person: 'p-x', choices: ['a'] }, null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('token-missing');
    fay.doc.getMap('facilitation').set('vote', { ...vote, status: 'closed' });
    await waitFor(async () => (await cast({ vote: 'v1', person: 'p-x', choices: ['a'] })).status === 409);
    const closed = await cast({ vote: 'v1', person: 'p-x', choices: ['a'] });
    expect(closed.body.error).toBe('Voting is closed.');
    expect(closed.body.code).toBe('voting-closed');
  });

  it('[W5] a client may not write a ballot itself, whatever its role', async () => {
    const { board, join } = await setUp();
    for (const token of [board.tokens.facilitator, board.tokens.editor]) {
      const c = join(token);
      await c.synced();
      const closed = new Promise<number>((resolve) => c.provider.on('connection-close', (event) => resolve(event?.code ?? 0)));
      c.doc.getMap('ballots').set('v1|p-self', ['a']);
      expect(await closed).toBe(4400);
    }
  });

  it('[W6] a new vote clears the ballots of the earlier one', async () => {
    const { server, board, join } = await setUp();
    const fay = join(board.tokens.facilitator);
    await fay.synced();
    fay.doc.getMap('facilitation').set('vote', vote);
    const cast = (voteId: string, person: string) => api(server, 'POST', `/api/boards/${board.id}/ballots`, { token: board.tokens.viewer, body: { vote: voteId, person, choices: ['a'] } });
    await waitFor(async () => (await cast('v1', 'p-1')).status === 200);
    fay.doc.getMap('facilitation').set('vote', { ...vote, id: 'v2' });
    await waitFor(async () => (await cast('v2', 'p-2')).status === 200);
    await waitFor(() => fay.doc.getMap('ballots').size === 1);
    expect([...fay.doc.getMap('ballots').keys()]).toEqual(['v2|p-2']);
  });
});

describe('comments', () => {
  it('[W7] a comment made by one person syncs to another, and one that is too long closes its sender', async () => {
    const { board, join } = await setUp();
    const ann = join(board.tokens.editor);
    const bob = join(board.tokens.viewer);
    await Promise.all([ann.synced(), bob.synced()]);
    ann.doc.getMap('comments').set('c1', new Y.Map<unknown>([['target', { type: 'node', id: 'x' }], ['author', 'Ann'], ['text', 'Check this'], ['createdAt', 1], ['resolved', false], ['person', 'p-ann']]));
    await waitFor(() => bob.doc.getMap('comments').has('c1'));
    expect((bob.doc.getMap('comments').get('c1') as Y.Map<unknown>).get('text')).toBe('Check this');
    const closed = new Promise<number>((resolve) => ann.provider.on('connection-close', (event) => resolve(event?.code ?? 0)));
    ann.doc.getMap('comments').set('c2', new Y.Map<unknown>([['text', 'x'.repeat(2001)]]));
    expect(await closed).toBe(4400);
  });

  it('[W8] the gate refuses a comment past the most a board keeps, with a sentence; editing an existing one still passes', () => {
    const serverDoc = new Y.Doc();
    const client = new Y.Doc();
    const comment = (i: number) => new Y.Map<unknown>([['target', { type: 'node', id: 'n' }], ['author', 'A'], ['text', `t${i}`], ['createdAt', i], ['resolved', false]]);
    client.transact(() => {
      for (let i = 0; i < MAX_COMMENTS; i++) client.getMap('comments').set(`c${i}`, comment(i));
    });
    const full = Y.encodeStateAsUpdate(client);
    expect(checkUpdate(serverDoc, full, 'editor', DEFAULT_UPDATE_LIMITS, 0)).toEqual({ ok: true });
    Y.applyUpdate(serverDoc, full);
    const edit = (fn: () => void) => {
      const before = Y.encodeStateVector(client);
      fn();
      return checkUpdate(serverDoc, Y.encodeStateAsUpdate(client, before), 'editor', DEFAULT_UPDATE_LIMITS, 0);
    };
    const verdict = edit(() => client.getMap('comments').set('one-more', comment(-1)));
    expect(verdict).toMatchObject({ ok: false, reason: 'map-full' });
    expect(!verdict.ok && verdict.message).toBe(`This board already holds the most comments it can (${MAX_COMMENTS}); the server refused more.`);
    expect(edit(() => (client.getMap('comments').get('c1') as Y.Map<unknown>).set('resolved', true))).toEqual({ ok: true });
  });
});

describe('ballot route limits', () => {
  it('[W11] answers 429 with a sentence past the per-address rate', async () => {
    const express = (await import('express')).default;
    const { ballotRoutes } = await import('../../server/http/ballot-routes');
    const { signToken } = await import('../../server/auth/tokens');
    const manager = { with: async () => ({ vote: 'v1', choices: [] }) } as never;
    const secret = 'a-secret-of-sufficient-length';
    const app = express().use(express.json()).use('/api', ballotRoutes(manager, { secret, storage: { linkGenerations: async () => ({ editor: 0, viewer: 0 }) }, nowSeconds: () => Math.floor(Date.now() / 1000) }, { perHour: 3600, burst: 2 }));
    const listening = app.listen(0);
    try {
      const port = (listening.address() as { port: number }).port;
      const boardId = 'b'.repeat(16);
      const token = signToken({ boardId, role: 'viewer', exp: Math.floor(Date.now() / 1000) + 60, generation: 0 }, secret);
      const cast = () => fetch(`http://127.0.0.1:${port}/api/boards/${boardId}/ballots`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ vote: 'v1', person: 'p-1', choices: [] }) });
      expect((await cast()).status).toBe(200);
      expect((await cast()).status).toBe(200);
      const third = await cast();
      expect(third.status).toBe(429);
      expect(third.headers.get('retry-after')).toBe('1');
      const answer = await third.json();
      expect(answer.error).toBe('Too many votes from this address; try again in 1 second.');
      expect(answer).toMatchObject({ code: 'votes-rate-limited', seconds: 1 });
    } finally {
      listening.close();
    }
  });
});
