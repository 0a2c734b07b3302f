import { describe, expect, it, vi } from 'vitest';
import type { NodeLook } from '../../../client/canvas/flow-model';
import { NodeLooksStore } from '../../../client/canvas/node-looks-store';

const look = (criticality: number, shortfall: number | null = null, worstTts: number | null = null): NodeLook => ({ criticality, shortfall, worstTts });

describe('NodeLooksStore', () => {
  it('tells only the cards whose figures changed, and keeps the old object of every unchanged node', () => {
    const store = new NodeLooksStore(new Map([['a', look(0.2)], ['b', look(0, 0.1)], ['c', look(0, null, 30)]]));
    const a = store.get('a');
    const heard = { a: vi.fn(), b: vi.fn(), c: vi.fn(), d: vi.fn() };
    for (const [id, fn] of Object.entries(heard)) store.subscribe(id, fn);
    store.set(new Map([['a', look(0.2)], ['b', look(0, 0.4)], ['d', look(0.5)]]));
    expect(store.get('a')).toBe(a);
    expect(store.get('b')?.shortfall).toBe(0.4);
    expect(store.get('c')).toBeUndefined();
    expect(store.get('d')?.criticality).toBe(0.5);
    expect([heard.a, heard.b, heard.c, heard.d].map((fn) => fn.mock.calls.length)).toEqual([0, 1, 1, 1]);
  });

  it('stops telling a card once it unsubscribes', () => {
    const store = new NodeLooksStore();
    const fn = vi.fn();
    const stop = store.subscribe('a', fn);
    store.set(new Map([['a', look(0.3)]]));
    stop();
    store.set(new Map([['a', look(0.6)]]));
    expect(fn).toHaveBeenCalledTimes(1);
    expect(store.get('a')?.criticality).toBe(0.6);
  });
});
