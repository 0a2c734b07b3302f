/** The workshop maps stay out of the board file: export, snapshots, restore and fork work with them present. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { validateBoard } from '../../shared/board/validate';
import { useBoardOnServer } from '../utils/board-on-server';
import { api, waitFor } from '../utils/server-harness';

const setUp = useBoardOnServer();

describe('workshop maps and the board file', () => {
  it('[W10] export leaves comments, timer, vote and ballots out; snapshot, restore and fork work; a restore keeps the comments', async () => {
    const { server, board, join } = await setUp();
    const fay = join(board.tokens.facilitator);
    await fay.synced();
    const firstNode = [...fay.doc.getMap('nodes').keys()][0];
    fay.doc.transact(() => {
      fay.doc.getMap('comments').set('c1', new Y.Map<unknown>([['target', { type: 'node', id: firstNode }], ['author', 'Fay'], ['text', 'Check'], ['createdAt', 1], ['resolved', false]]));
      fay.doc.getMap('facilitation').set('timer', { state: 'running', durationMs: 60_000, endsAt: 5 });
      fay.doc.getMap('facilitation').set('vote', { id: 'v1', subject: 'levers', options: ['a', 'b'], perPerson: 1, status: 'open' });
    });
    const token = board.tokens.facilitator;
    await waitFor(async () => (await api(server, 'POST', `/api/boards/${board.id}/ballots`, { token, body: { vote: 'v1', person: 'p-fay', choices: ['a'] } })).status === 200);

    const exported = await api(server, 'GET', `/api/boards/${board.id}/export`, { token });
    expect(exported.status).toBe(200);
    expect(validateBoard(exported.body).ok).toBe(true);
    for (const key of Object.keys(exported.body)) expect(['format', 'version', 'title', 'description', 'nodes', 'edges', 'scenario', 'notes', 'prices']).toContain(key);
    expect(JSON.stringify(exported.body)).not.toMatch(/"(comments|facilitation|ballots|timer)"/);

    const saved = await api(server, 'POST', `/api/boards/${board.id}/snapshots`, { token, body: { name: 'With comments' } });
    expect(saved.status).toBe(201);
    fay.doc.getMap('nodes').delete(firstNode);
    const restored = await api(server, 'POST', `/api/boards/${board.id}/snapshots/${saved.body.id}/restore`, { token, body: {} });
    expect(restored.status).toBe(200);
    await waitFor(() => fay.doc.getMap('nodes').has(firstNode));
    expect(fay.doc.getMap('comments').has('c1')).toBe(true);
    expect(fay.doc.getMap('ballots').get('v1|p-fay')).toEqual(['a']);

    const fork = await api(server, 'POST', `/api/boards/${board.id}/snapshots/${saved.body.id}/fork`, { token, body: {} });
    expect(fork.status).toBe(201);
    const forked = join(fork.body.tokens.viewer, fork.body.id);
    await forked.synced();
    expect(forked.doc.getMap('nodes').size).toBeGreaterThan(0);
    expect(forked.doc.getMap('comments').size).toBe(0);
    expect(forked.doc.getMap('facilitation').size).toBe(0);
  });
});
