import { act, fireEvent} from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Canvas, type CanvasProps } from '../../../client/canvas/Canvas';
import { copyBase, copyLabels } from '../../../client/canvas/copy-labels';
import type { BoardViewState } from '../../../client/state/types';
import type { Board } from '../../../shared/board/types';
import { mockActions } from '../mock-actions';
import { renderIn } from '../../utils/intl';

describe('copyLabels', () => {
  it('gives a copy "(copy)", then "(copy 2)", "(copy 3)" while those are taken', async () => {
    expect(copyLabels(['Kolwezi mine'], ['Kolwezi mine'])).toEqual(['Kolwezi mine (copy)']);
    expect(copyLabels(['Kolwezi mine', 'Kolwezi mine (copy)'], ['Kolwezi mine'])).toEqual(['Kolwezi mine (copy 2)']);
    expect(copyLabels(['A', 'A (copy)', 'A (copy 2)'], ['A'])).toEqual(['A (copy 3)']);
  });

  it('copies of a copy count from the original name, and two copies in one paste differ', async () => {
    expect(copyLabels(['A', 'A (copy)'], ['A (copy)'])).toEqual(['A (copy 2)']);
    expect(copyLabels(['A'], ['A', 'A'])).toEqual(['A (copy)', 'A (copy 2)']);
    expect(copyBase('Port (copy 12)')).toBe('Port');
    expect(copyBase('Port (copyright)')).toBe('Port (copyright)');
  });
});

describe('Mini map', () => {
  it('brings the clicked place to the middle of the view', async () => {
    const board: Board = {
      format: 'lodestone.board', version: 2, title: 'Map', edges: [], notes: [],
      nodes: [
        { id: 'a', kind: 'mine', label: 'A', country: 'CD', position: { x: 0, y: 0 } },
        { id: 'b', kind: 'consumer', label: 'B', country: 'DE', position: { x: 3000, y: 2000 } },
      ],
      scenario: { name: 'Baseline', disruptions: [], expansions: [], priceFloors: [] },
    };
    const state: BoardViewState = { boardId: 'b1', role: 'editor', status: 'connected', message: null, loaded: true, board, peers: [], canUndo: false, canRedo: false };
    const props: CanvasProps = { state, actions: mockActions(), exposure: null, selection: [], onSelectionChange: vi.fn(), focus: null };
    const { container } = await renderIn(<div style={{ width: 1000, height: 700 }}><Canvas {...props} /></div>);
    await act(async () => new Promise((r) => setTimeout(r, 50)));
    const viewport = container.querySelector<HTMLElement>('.react-flow__viewport')!;
    const before = viewport.style.transform;
    const svg = container.querySelector('.react-flow__minimap-svg')!;
    await act(async () => {
      fireEvent.click(svg, { clientX: 190, clientY: 140 });
      await new Promise((r) => setTimeout(r, 400));
    });
    expect(viewport.style.transform).not.toBe(before);
  });
});
