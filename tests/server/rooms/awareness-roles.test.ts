import { describe, expect, it } from 'vitest';
import { readBoardView, readMapCenter, readMapPoint, readPresenting, readSummon, readViewCenter } from '../../../shared/presence/presence';
import { awarenessForRole, presentedSnapshots } from '../../../server/rooms/awareness-roles';

describe('presence readers', () => {
  it('accept valid view centres only', () => {
    expect(readViewCenter({ x: 1, y: -2, zoom: 0.5 })).toEqual({ x: 1, y: -2, zoom: 0.5 });
    for (const bad of [null, 3, [], { x: 1, y: 2 }, { x: 1, y: 2, zoom: 0 }, { x: Infinity, y: 2, zoom: 1 }, { x: '1', y: 2, zoom: 1 }]) expect(readViewCenter(bad)).toBeNull();
  });
  it('accept a presenting field with a server-shaped snapshot id and an index inside the deck', () => {
    expect(readPresenting({ snapshotId: 'ab_C-1', index: 1, count: 2, extra: true })).toEqual({ snapshotId: 'ab_C-1', index: 1, count: 2 });
    for (const bad of [null, { snapshotId: 'a b', index: 0, count: 1 }, { snapshotId: 'a', index: 1, count: 1 }, { snapshotId: 'a', index: -1, count: 1 }, { snapshotId: 'a', index: 0.5, count: 1 }]) {
      expect(readPresenting(bad)).toBeNull();
    }
  });
  it('keep the map view of a presented slide, and older slides stay on the canvas', () => {
    expect(readPresenting({ snapshotId: 's', index: 0, count: 1, view: 'map' })).toEqual({ snapshotId: 's', index: 0, count: 1, view: 'map' });
    expect(readPresenting({ snapshotId: 's', index: 0, count: 1, view: 'globe' })).toEqual({ snapshotId: 's', index: 0, count: 1 });
  });
  it('read the view, a map cursor and a map centre only when valid', () => {
    expect(readBoardView('map')).toBe('map');
    for (const other of ['canvas', undefined, 'MAP', 3]) expect(readBoardView(other)).toBe('canvas');
    expect(readMapPoint({ lon: -73.5, lat: 45.5 })).toEqual({ lon: -73.5, lat: 45.5 });
    for (const bad of [null, { lon: 181, lat: 0 }, { lon: 0, lat: -90.5 }, { lon: NaN, lat: 0 }, { lon: '1', lat: 2 }]) expect(readMapPoint(bad)).toBeNull();
    expect(readMapCenter({ lon: 10, lat: 20, zoom: 3 })).toEqual({ lon: 10, lat: 20, zoom: 3 });
    for (const bad of [{ lon: 10, lat: 20 }, { lon: 10, lat: 20, zoom: 0 }, { lon: 200, lat: 0, zoom: 1 }]) expect(readMapCenter(bad)).toBeNull();
  });
  it('read the summon counter as a non-negative integer', () => {
    expect(readSummon(4)).toBe(4);
    expect(readSummon(-1)).toBe(0);
    expect(readSummon('2')).toBe(0);
  });
});

describe('awareness by role', () => {
  const state = { user: { name: 'A', color: '#111' }, cursor: { x: 1, y: 2 }, selection: ['n1'], viewport: { x: 0, y: 0, zoom: 1 }, presenting: { snapshotId: 's1', index: 0, count: 1 }, summon: 2 };
  it('a facilitator keeps everything', () => expect(awarenessForRole('facilitator', state)).toEqual(state));
  it('an editor loses only the presenter fields', () => {
    const { presenting: _p, summon: _s, ...rest } = state;
    expect(awarenessForRole('editor', state)).toEqual(rest);
  });
  it('a viewer keeps name, colour, cursor and viewport', () => {
    expect(awarenessForRole('viewer', state)).toEqual({ user: { name: 'A', color: '#111', viewer: true }, cursor: { x: 1, y: 2 }, viewport: { x: 0, y: 0, zoom: 1 } });
  });
  it('a viewer keeps the map view with a checked map cursor and centre', () => {
    const onMap = { ...state, view: 'map', mapCursor: { lon: 12, lat: 41 }, mapViewport: { lon: 0, lat: 0, zoom: 2, extra: 1 } };
    expect(awarenessForRole('viewer', onMap)).toMatchObject({ view: 'map', mapCursor: { lon: 12, lat: 41 }, mapViewport: { lon: 0, lat: 0, zoom: 2 } });
    const bad = awarenessForRole('viewer', { ...state, view: 'globe', mapCursor: { lon: 500, lat: 0 }, mapViewport: { lon: 0, lat: 0, zoom: -1 } }) as Record<string, unknown>;
    expect(['view', 'mapCursor', 'mapViewport'].filter((k) => k in bad)).toEqual([]);
  });
  it('a removal (null) stays a removal for every role', () => {
    for (const role of ['viewer', 'editor', 'facilitator'] as const) expect(awarenessForRole(role, null)).toBeNull();
  });
  it('lists the snapshots presented in a room', () => {
    const states = new Map<number, unknown>([[1, state], [2, { presenting: null }], [3, { presenting: { snapshotId: 's2', index: 1, count: 2 } }], [4, 'junk']]);
    expect([...presentedSnapshots(states)].sort()).toEqual(['s1', 's2']);
  });
});
