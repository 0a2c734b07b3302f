import { describe, expect, it } from 'vitest';
import { applyDictPatch, dictPatch } from '../../../client/state/report-patch';
import { dict } from '../../../shared/exposure/dict';

const from = <T,>(entries: [string, T][]): Record<string, T> => Object.assign(dict<T>(), Object.fromEntries(entries));
/** What the page holds after a structured clone (plain objects, as the worker's messages arrive). */
const cloned = <T,>(value: T): T => structuredClone(value);

describe('dictPatch and applyDictPatch', () => {
  it('sends only the changed entries; the page keeps the others as the same objects, in the same order', () => {
    const a = { shortfall: 1 };
    const b = { shortfall: 2 };
    const prev = from([['a', a], ['b', b], ['__proto__', { shortfall: 3 }]]);
    const next = from([['a', { shortfall: 1 }], ['b', { shortfall: 5 }], ['__proto__', { shortfall: 3 }]]);
    const patch = cloned(dictPatch(prev, next));
    expect(Object.keys(patch.changed)).toEqual(['b']);
    const out = applyDictPatch(prev, patch);
    expect(out).toEqual(next);
    expect(Object.keys(out)).toEqual(['a', 'b', '__proto__']);
    expect(out.a).toBe(a);
  });

  it('hands back the same dictionary when nothing changed', () => {
    const prev = from([['a', 1]]);
    expect(applyDictPatch(prev, cloned(dictPatch(prev, from([['a', 1]]))))).toBe(prev);
  });

  it('sends the key order when keys come, go or move in an ordered dictionary', () => {
    const prev = from([['a', 1], ['b', 2], ['c', 3]]);
    const next = from([['c', 3], ['d', 4], ['a', 1]]);
    const out = applyDictPatch(prev, cloned(dictPatch(prev, next)));
    expect(Object.keys(out)).toEqual(['c', 'd', 'a']);
    expect(out).toEqual(next);
  });

  it('sends the removed keys of an unordered dictionary instead of its order', () => {
    const prev = from([['e1', 1], ['e2', 2], ['e3', 3]]);
    const next = from([['e1', 1], ['e3', 7], ['e4', 4]]);
    const patch = cloned(dictPatch(prev, next, false));
    expect(patch.keys).toBeUndefined();
    expect(patch.removed).toEqual(['e2']);
    expect(applyDictPatch(prev, patch)).toEqual(next);
  });

  it('fieldwise: sends only the changed fields of an entry, and the whole entry when a field is gone', () => {
    const routes = [{ path: ['m', 'r', 'c'], share: 1 }];
    const prev = from([['c1', { shortfall: 1, routes, coverage: 5 as number | undefined }], ['c2', { shortfall: 1, routes, coverage: 5 as number | undefined }]]);
    const next = from([['c1', { shortfall: 4, routes: structuredClone(routes), coverage: 5 }], ['c2', { shortfall: 1, routes, coverage: undefined }]]);
    const patch = cloned(dictPatch(prev, next, true, true));
    expect(patch.fields).toEqual({ c1: { shortfall: 4 } });
    expect(Object.keys(patch.changed)).toEqual(['c2']);
    const out = applyDictPatch(prev, patch);
    expect(out).toEqual(next);
    expect(out.c1.routes).toBe(routes);
  });
});
