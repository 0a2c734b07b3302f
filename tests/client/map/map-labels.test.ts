/** Which labels the map draws: those in view that do not overlap, on a large board only from a zoom on. */
import { describe, expect, it } from 'vitest';
import { LABEL_ZOOM, MAX_LABELS, labelledNodes, type LabelCandidate } from '../../../client/map/labels';
import { WORLD } from '../../../client/map/view-transform';

const view = { left: 0, top: 0, right: 960, bottom: 500 };
const node = (id: string, x: number, y: number, criticality = 0): LabelCandidate => ({ id, x, y, dx: 0, dy: 0, label: `Node ${id}`, criticality });
const none = new Set<string>();

describe('map labels', () => {
  it('on a small board show at any zoom, except where they would overlap a more critical one', () => {
    const nodes = [node('a', 10, 10), node('b', 10, 10, 0.5), node('c', 300, 200)];
    expect(labelledNodes(nodes, WORLD, view, none, true)).toEqual(new Set(['b', 'c']));
  });

  it('on a large board, only the selected show below the label zoom', () => {
    const nodes = [node('a', 100, 100), node('b', 300, 300)];
    expect(labelledNodes(nodes, { x: 0, y: 0, k: LABEL_ZOOM - 0.1 }, view, new Set(['b']), false)).toEqual(new Set(['b']));
  });

  it('from the label zoom on, those in view whose labels do not overlap, the most critical first', () => {
    const t = { x: 0, y: 0, k: LABEL_ZOOM };
    // a and b share a spot (their labels would overlap), c is elsewhere in view, d is out of view.
    const nodes = [node('a', 50, 50, 0.1), node('b', 50, 51, 0.9), node('c', 200, 100), node('d', 400, 400)];
    expect(labelledNodes(nodes, t, view, none, false)).toEqual(new Set(['b', 'c']));
    // A selected node wins its spot.
    expect(labelledNodes(nodes, t, view, new Set(['a']), false)).toEqual(new Set(['a', 'c']));
    // Panned so that d comes into view and c leaves it.
    expect(labelledNodes(nodes, { x: -700, y: -800, k: LABEL_ZOOM }, view, none, false)).toEqual(new Set(['d']));
  });

  it('never draws more than MAX_LABELS at once', () => {
    const grid = Array.from({ length: 40 * 40 }, (_, i) => node(String(i), (i % 40) * 30, Math.floor(i / 40) * 20));
    const shown = labelledNodes(grid, { x: 0, y: 0, k: LABEL_ZOOM }, { left: -1e4, top: -1e4, right: 1e4, bottom: 1e4 }, none, false);
    expect(shown.size).toBe(MAX_LABELS);
  });
});
