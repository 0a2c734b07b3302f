import { describe, expect, it } from 'vitest';
import { readPresenting, readSummon, readViewCenter } from '../../../shared/presence/presence';
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
  it('a removal (null) stays a removal for every role', () => {
    for (const role of ['viewer', 'editor', 'facilitator'] as const) expect(awarenessForRole(role, null)).toBeNull();
  });
  it('lists the snapshots presented in a room', () => {
    const states = new Map<number, unknown>([[1, state], [2, { presenting: null }], [3, { presenting: { snapshotId: 's2', index: 1, count: 2 } }], [4, 'junk']]);
    expect([...presentedSnapshots(states)].sort()).toEqual(['s1', 's2']);
  });
});
