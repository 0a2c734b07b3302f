import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateBoard } from '../../../shared/board/validate';
import { computeExposure } from '../../../shared/exposure/engine';
import { api, connectClient, createBoard, startTestServer, waitFor, type TestServer } from '../../utils/server-harness';

const seed = (name: string) => JSON.parse(readFileSync(join(__dirname, '../../../seeds', `${name}.json`), 'utf8'));
/** A seed as the server exports it: the board file read as version 2. */
const exportedSeed = (name: string) => {
  const result = validateBoard(seed(name));
  if (!result.ok) throw new Error(`seed ${name} does not validate`);
  return result.board;
};
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.stop();
});

describe('boards API', () => {
  it('[A1] creates a board from a template with tokens and links for every role', async () => {
    const res = await api(s, 'POST', '/api/boards', { body: { template: 'arctic', title: 'Nordic workshop' } });
    expect(res.status).toBe(201);
    expect(res.body.title).toBe('Nordic workshop');
    for (const role of ['facilitator', 'editor', 'viewer']) {
      expect(res.body.tokens[role]).toMatch(/^v1\./);
      expect(res.body.links[role]).toBe(`/b/${res.body.id}?token=${res.body.tokens[role]}`);
    }
    const exported = await api(s, 'GET', `/api/boards/${res.body.id}/export`, { token: res.body.tokens.viewer });
    expect(exported.body).toEqual({ ...exportedSeed('arctic'), title: 'Nordic workshop' });
  });

  it('[A1b] creates a board from each seed template and exports the seed unchanged', async () => {
    for (const template of ['africa-corridors', 'arctic', 'allied-refiners', 'rare-earth-magnets', 'gallium-germanium']) {
      const res = await api(s, 'POST', '/api/boards', { body: { template } });
      expect(res.status, template).toBe(201);
      expect(res.body.title).toBe(seed(template).title);
      const exported = await api(s, 'GET', `/api/boards/${res.body.id}/export`, { token: res.body.tokens.viewer });
      expect(exported.body, template).toEqual(seed(template));
    }
  });

  it('[A2] refuses an unknown template and a malformed body with a sentence', async () => {
    const bad = await api(s, 'POST', '/api/boards', { body: { template: 'moon' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/template/);
    expect(bad.body.code).toBe('request-invalid');
    const notJson = await api(s, 'POST', '/api/boards', { body: '{"title":' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error).toMatch(/not valid JSON/);
    expect(notJson.body.code).toBe('body-not-json');
  });

  it('[A3] imports a board file, or answers 400 naming every problem', async () => {
    const ok = await api(s, 'POST', '/api/boards/import', { body: seed('allied-refiners') });
    expect(ok.status).toBe(201);
    const broken = { ...seed('allied-refiners'), edges: [{ id: 'x', from: 'nowhere', to: 'gone', mineral: 'Gallium!', volume: -1 }] };
    const bad = await api(s, 'POST', '/api/boards/import', { body: broken });
    expect(bad.status).toBe(400);
    const paths = bad.body.problems.map((p: { path: string }) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['edges[0].from', 'edges[0].to', 'edges[0].mineral', 'edges[0].volume']));
    expect(bad.body.error).toMatch(/edges\[0\]\.from/);
    expect(bad.body.code).toBe('board-file-invalid');
  });

  it('[A4] serves the live exposure, equal to the engine on the exported board', async () => {
    const board = await createBoard(s, 'africa-corridors');
    const exposure = await api(s, 'GET', `/api/boards/${board.id}/exposure?token=${board.tokens.viewer}`);
    expect(exposure.status).toBe(200);
    expect(exposure.body).toEqual(JSON.parse(JSON.stringify(computeExposure(seed('africa-corridors')))));
  });

  it('[A5] needs a token for the board; a viewer cannot delete; a facilitator can', async () => {
    const board = await createBoard(s, 'blank');
    const other = await createBoard(s, 'blank');
    expect((await api(s, 'GET', `/api/boards/${board.id}/export`)).status).toBe(401);
    expect((await api(s, 'GET', `/api/boards/${board.id}/export`, { token: 'v1.bad.token' })).status).toBe(401);
    expect((await api(s, 'GET', `/api/boards/${board.id}/export`, { token: other.tokens.viewer })).status).toBe(403);
    expect((await api(s, 'DELETE', `/api/boards/${board.id}`, { token: board.tokens.editor })).status).toBe(403);
    const mine = { 'x-board-tokens': `${board.tokens.viewer}, ${other.tokens.editor}` };
    const list = await api(s, 'GET', '/api/boards', { headers: mine });
    expect(list.body.boards.map((b: { id: string }) => b.id).sort()).toEqual([board.id, other.id].sort());
    expect((await api(s, 'DELETE', `/api/boards/${board.id}`, { token: board.tokens.facilitator })).status).toBe(204);
    expect((await api(s, 'GET', `/api/boards/${board.id}/export`, { token: board.tokens.viewer })).status).toBe(404);
    const after = await api(s, 'GET', '/api/boards', { headers: mine });
    expect(after.body.boards.map((b: { id: string }) => b.id)).toEqual([other.id]);
  });

  it('[A7] the board list follows renames made live', async () => {
    const older = await createBoard(s, 'blank', 'Older');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const board = await createBoard(s, 'blank', 'Before');
    const c = connectClient(s.wsUrl, board.id, board.tokens.editor);
    await c.synced();
    c.doc.getMap('meta').set('title', 'After the workshop');
    const mine = { headers: { 'x-board-tokens': `${older.tokens.viewer} ${board.tokens.viewer}` } };
    await waitFor(async () => (await api(s, 'GET', '/api/boards', mine)).body.boards.some((b: { id: string; title: string }) => b.id === board.id && b.title === 'After the workshop'));
    const listed = (await api(s, 'GET', '/api/boards', mine)).body.boards;
    expect(listed.map((b: { id: string }) => b.id)).toEqual([board.id, older.id]);
    c.destroy();
  });

  it('[A6] health, readiness and metrics answer', async () => {
    expect((await api(s, 'GET', '/healthz')).status).toBe(200);
    expect((await api(s, 'GET', '/readyz')).body).toEqual({ ready: true, storage: 'sqlite' });
    const metrics = await fetch(`${s.url}/metrics`).then((r) => r.text());
    for (const name of ['lodestone_rooms', 'lodestone_connections', 'lodestone_messages_total', 'lodestone_bytes_total', 'lodestone_storage_write_seconds']) {
      expect(metrics).toContain(name);
    }
  });
});

describe('snapshots API', () => {
  it('[N1] save, list, get, compare with exposure deltas, restore (undoable) and fork on a seed board', async () => {
    const board = await createBoard(s, 'allied-refiners');
    const f = board.tokens.facilitator;
    const baseline = await api(s, 'POST', `/api/boards/${board.id}/snapshots`, { token: f, body: { name: 'Baseline', author: 'Fran' } });
    expect(baseline.status).toBe(201);
    expect(baseline.body).toMatchObject({ name: 'Baseline', author: 'Fran' });

    // A participant pulls the gallium/germanium lever live.
    const editor = connectClient(s.wsUrl, board.id, board.tokens.editor);
    await editor.synced();
    const levers = editor.doc.getMap('disruptions');
    const gaId = [...levers.keys()].find((id) => id.includes('ga'))!;
    (levers.get(gaId) as { set(k: string, v: unknown): void }).set('enabled', true);
    await waitFor(async () => (await api(s, 'GET', `/api/boards/${board.id}/export`, { token: f })).body.scenario.disruptions.some((d: { enabled: boolean }) => d.enabled));
    const banned = await api(s, 'POST', `/api/boards/${board.id}/snapshots`, { token: f, body: { name: 'Ga/Ge ban' } });

    const list = await api(s, 'GET', `/api/boards/${board.id}/snapshots`, { token: f });
    expect(list.body.snapshots.map((x: { name: string }) => x.name)).toEqual(['Baseline', 'Ga/Ge ban']);
    const got = await api(s, 'GET', `/api/boards/${board.id}/snapshots/${banned.body.id}`, { token: f });
    expect(got.body.board.scenario.disruptions.find((d: { id: string }) => d.id === gaId).enabled).toBe(true);

    const compare = await api(s, 'GET', `/api/boards/${board.id}/compare?from=${baseline.body.id}&to=${banned.body.id}`, { token: f });
    expect(compare.status).toBe(200);
    expect(compare.body.diff.levers.changed).toEqual([expect.objectContaining({ id: gaId, fields: [{ field: 'enabled', before: false, after: true }] })]);
    const expectedBefore = computeExposure(seed('allied-refiners'));
    const expectedAfter = computeExposure(got.body.board);
    const gallium = compare.body.exposure.filter((d: { mineral: string }) => d.mineral === 'gallium');
    expect(gallium.length).toBeGreaterThan(0);
    for (const delta of gallium) {
      const before = expectedBefore.minerals.gallium.consumers[delta.consumer];
      const after = expectedAfter.minerals.gallium.consumers[delta.consumer];
      expect(delta.delta.shortfall).toBeCloseTo(after.shortfall - before.shortfall, 6);
      expect(delta.delta.delivered).toBeCloseTo(after.delivered - before.delivered, 6);
    }
    expect(gallium.some((d: { delta: { shortfall: number } }) => d.delta.shortfall > 0)).toBe(true);
    for (const delta of gallium) {
      const before = expectedBefore.minerals.gallium.reroute!.consumers[delta.consumer];
      const after = expectedAfter.minerals.gallium.reroute!.consumers[delta.consumer];
      expect(delta.delta.reroutedShortfall).toBeCloseTo(after.shortfall - before.shortfall, 6);
    }
    const galliumFigures = compare.body.minerals.find((m: { mineral: string }) => m.mineral === 'gallium');
    expect(galliumFigures.delta.stockpileGap).toBeCloseTo(expectedAfter.minerals.gallium.stockpileGap - expectedBefore.minerals.gallium.stockpileGap, 6);
    expect(galliumFigures.delta.reroutedStockpileGap).toBeCloseTo(expectedAfter.minerals.gallium.reroute!.stockpileGap - expectedBefore.minerals.gallium.reroute!.stockpileGap, 6);
    expect(compare.body.priceFloors).toEqual([]);
    const vsLive = await api(s, 'GET', `/api/boards/${board.id}/compare?from=${baseline.body.id}&to=live`, { token: f });
    expect(vsLive.body.diff.levers.changed).toHaveLength(1);

    const restored = await api(s, 'POST', `/api/boards/${board.id}/snapshots/${baseline.body.id}/restore`, { token: f, body: {} });
    expect(restored.status).toBe(200);
    await waitFor(() => (levers.get(gaId) as { get(k: string): unknown }).get('enabled') === false, 10_000, 'the connected client sees the restore');
    expect((await api(s, 'GET', `/api/boards/${board.id}/exposure`, { token: f })).body).toEqual(JSON.parse(JSON.stringify(expectedBefore)));
    // The board as it was before the restore was kept: restoring that undoes the restore.
    await api(s, 'POST', `/api/boards/${board.id}/snapshots/${restored.body.backup.id}/restore`, { token: f, body: {} });
    await waitFor(() => (levers.get(gaId) as { get(k: string): unknown }).get('enabled') === true, 10_000, 'undo of the restore reaches the client');

    const fork = await api(s, 'POST', `/api/boards/${board.id}/snapshots/${banned.body.id}/fork`, { token: f, body: { title: 'Ban scenario' } });
    expect(fork.status).toBe(201);
    const forked = await api(s, 'GET', `/api/boards/${fork.body.id}/export`, { token: fork.body.tokens.viewer });
    expect(forked.body).toEqual({ ...got.body.board, title: 'Ban scenario' });
    editor.destroy();
  });

  it('[N2] snapshots need a facilitator token; unknown snapshots are 404', async () => {
    const board = await createBoard(s, 'blank');
    expect((await api(s, 'POST', `/api/boards/${board.id}/snapshots`, { token: board.tokens.editor, body: { name: 'x' } })).status).toBe(403);
    expect((await api(s, 'GET', `/api/boards/${board.id}/snapshots/nope`, { token: board.tokens.facilitator })).status).toBe(404);
    expect((await api(s, 'POST', `/api/boards/${board.id}/snapshots`, { token: board.tokens.facilitator, body: { name: '' } })).status).toBe(400);
  });
});
