import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { readSideCollapsed, SIDE_PANEL_KEY, useSidePanel } from '../../../client/views/use-side-panel';

describe('side panel', () => {
  afterEach(() => localStorage.clear());

  it('is expanded unless this person collapsed it, and remembers the choice', () => {
    expect(readSideCollapsed(localStorage)).toBe(false);
    const first = renderHook(() => useSidePanel());
    expect(first.result.current[0]).toBe(false);
    act(() => first.result.current[1](true));
    expect(first.result.current[0]).toBe(true);
    expect(localStorage.getItem(SIDE_PANEL_KEY)).toBe('collapsed');
    // A reload (a new hook) finds it collapsed.
    expect(renderHook(() => useSidePanel()).result.current[0]).toBe(true);
  });

  it('reads a storage that throws as expanded', () => {
    expect(readSideCollapsed({ getItem: () => { throw new Error('denied'); } })).toBe(false);
  });
});
