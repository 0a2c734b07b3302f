/** CompareView: the diff list, the exposure deltas table and chart, and the changed nodes highlighted on both canvases. */
import { fireEvent, screen, within } from '@testing-library/react';
import { intlIn, renderIn } from '../../utils/intl';
import { describe, expect, it } from 'vitest';
import { changedEdgeIds, changedNodeIds, changeLine, edgeTitle, leverTitle, nodeChanges, shortfallBars, valueText } from '../../../client/compare/compare-model';
import { CompareView } from '../../../client/compare/CompareView';
import { compareBoards } from '../../../shared/board/diff';
import type { Board } from '../../../shared/board/types';
import { board, disruption, edge, node } from '../../utils/board-builder';

// Baseline: DRC ore refined in China and Finland for Italian industry. Scenario: China cuts refinery exports,
// Kokkola gains capacity, a new Moroccan refiner appears and the US consumer is gone.
const before: Board = board(
  [
    node('cd', 'mine', 'CD', { label: 'Kolwezi', capacity: { cobalt: 120 } }),
    node('cn', 'refinery', 'CN', { label: 'Chinese refiners' }),
    node('fi', 'refinery', 'FI', { label: 'Kokkola', capacity: { cobalt: 20 } }),
    node('eu', 'consumer', 'IT', { label: 'Italian industry', demand: { cobalt: 100 } }),
    node('us', 'consumer', 'US', { label: 'US magnets', demand: { cobalt: 5 } }),
  ],
  [edge('m1', 'cd', 'cn', 'cobalt', 80), edge('m2', 'cd', 'fi', 'cobalt', 20), edge('r1', 'cn', 'eu', 'cobalt', 80), edge('r2', 'fi', 'eu', 'cobalt', 20), edge('u1', 'cn', 'us', 'cobalt', 5)],
);
const after: Board = {
  ...board(
    [
      node('cd', 'mine', 'CD', { label: 'Kolwezi', capacity: { cobalt: 120 } }),
      node('cn', 'refinery', 'CN', { label: 'Chinese refiners' }),
      node('fi', 'refinery', 'FI', { label: 'Kokkola', capacity: { cobalt: 40 } }),
      node('eu', 'consumer', 'IT', { label: 'Italian industry', demand: { cobalt: 100 } }),
      node('ma', 'refinery', 'MA', { label: 'Moroccan refiner' }),
    ],
    [edge('m1', 'cd', 'cn', 'cobalt', 80), edge('m2', 'cd', 'fi', 'cobalt', 20), edge('r1', 'cn', 'eu', 'cobalt', 80), edge('r2', 'fi', 'eu', 'cobalt', 20)],
    [disruption('ban', { country: 'CN', kinds: ['refinery'], exportsOnly: true }, 0.25, 180, { label: 'China export stop' })],
  ),
  title: 'Scenario B',
};
const comparison = { from: 's1', to: 'live', ...compareBoards(before, after) };

const field = (row: HTMLElement, name: string) => row.querySelector(`[data-field="${name}"]`)?.getAttribute('data-value');

describe('compare model', () => {
  it('changedNodeIds holds the added, removed and changed nodes', async () => {
    expect([...changedNodeIds(comparison.diff)].sort()).toEqual(['fi', 'ma', 'us']);
    expect(nodeChanges(comparison.diff)).toEqual(new Map([['ma', 'added'], ['us', 'removed'], ['fi', 'changed']]));
    expect([...changedEdgeIds(comparison.diff)]).toEqual(['u1']);
  });

  it('writes values and changes in words', async () => {
    const intl = await intlIn('en');
    expect(changeLine(intl, { field: 'capacity.cobalt', before: 20, after: 40 })).toBe('capacity.cobalt: 20 → 40');
    expect(changeLine(intl, { field: 'lat', before: undefined, after: 1.5 })).toBe('lat: (none) → 1.5');
    expect(valueText(intl, 'enabled', false)).toBe('off');
    expect(valueText(intl, 'tags', ['a', 'b'])).toBe('a, b');
    expect(valueText(intl, 'position', { x: 1, y: 2 })).toBe('{"x":1,"y":2}');
  });

  it('writes values, levers and flows in Italian with Italian numbers', async () => {
    const intl = await intlIn('it');
    expect(changeLine(intl, { field: 'capacity.cobalt', before: 1234.5, after: undefined })).toBe('capacity.cobalt: 1.234,5 → (nessuno)');
    expect(valueText(intl, 'enabled', true)).toBe('attiva');
    const lever = after.scenario.disruptions[0];
    expect(leverTitle(intl, lever)).toBe('China export stop: esportazioni (raffineria) da CN, fattore 0,25 per 180 giorni (attiva)');
    expect(edgeTitle(intl, { ...after.edges[0], volume: 1200 })).toBe('cd → cn: 1.200 t/anno cobalt');
  });

  it('charts every consumer short on either side, in percent', async () => {
    expect(shortfallBars(comparison.exposure)).toEqual([{ key: 'cobalt-eu', name: 'eu · cobalt', before: 0, after: 60 }]);
  });
});

describe('CompareView', () => {
  const show = (extra: Partial<Parameters<typeof CompareView>[0]> = {}) =>
    renderIn(<CompareView comparison={comparison} fromLabel="Baseline" toLabel="Live board" {...extra} />);

  it('groups the diff into nodes, flows, levers and board, with "field: old → new" lines', async () => {
    await show();
    const nodes = screen.getByRole('region', { name: 'Nodes' });
    expect(within(nodes).getByTestId('diff-node-ma').getAttribute('data-change')).toBe('added');
    expect(within(nodes).getByTestId('diff-node-us').getAttribute('data-change')).toBe('removed');
    const kokkola = within(nodes).getByTestId('diff-node-fi');
    expect(kokkola.textContent).toContain('Kokkola (fi)');
    const line = kokkola.querySelector('[data-field="capacity.cobalt"]')!;
    expect(line.textContent).toBe('capacity.cobalt: 20 → 40');
    expect([line.getAttribute('data-before'), line.getAttribute('data-after')]).toEqual(['20', '40']);
    expect(within(screen.getByRole('region', { name: 'Flows' })).getByTestId('diff-edge-u1').textContent).toContain('cn → us: 5 t/yr cobalt');
    expect(within(screen.getByRole('region', { name: 'Levers' })).getByTestId('diff-lever-ban').textContent).toContain('China export stop: CN refinery exports, factor 0.25 for 180 days (on)');
    expect(within(screen.getByRole('region', { name: 'Board' })).getByText('title: test board → Scenario B')).toBeTruthy();
  });

  it('shows each consumer\'s exposure before and after with the exact numbers', async () => {
    await show();
    const eu = comparison.exposure.find((d) => d.consumer === 'eu')!;
    const row = screen.getByTestId('delta-cobalt-eu');
    expect(field(row, 'delivered-before')).toBe(JSON.stringify(eu.before!.delivered));
    expect(field(row, 'delivered-after')).toBe(JSON.stringify(eu.after!.delivered));
    expect(field(row, 'delivered-delta')).toBe(JSON.stringify(eu.delta.delivered));
    expect(field(row, 'shortfall-after')).toBe(JSON.stringify(eu.after!.shortfall));
    expect(field(row, 'shortfallPct-after')).toBe(JSON.stringify(eu.after!.shortfallPct));
    expect(field(row, 'refiningHhi-before')).toBe(JSON.stringify(eu.before!.refiningHhi));
    expect(field(row, 'survives-after')).toBe('false');
    expect(eu.after!.shortfall).toBe(60);
    expect(row.textContent).toContain('+60 t');
    expect(row.className).toBe('ls-fac-delta--worse');
  });

  it('shows a consumer present on one side only with dashes and null values', async () => {
    await show();
    const row = screen.getByTestId('delta-cobalt-us');
    expect(field(row, 'delivered-after')).toBe('null');
    expect(field(row, 'delivered-before')).toBe('5');
    expect(field(row, 'delivered-delta')).toBe('-5');
  });

  it('hides consumers whose numbers did not move when asked', async () => {
    const same = { from: 's1', to: 's2', ...compareBoards(before, { ...before, title: 'renamed' }) };
    await renderIn(<CompareView comparison={same} fromLabel="A" toLabel="B" />);
    expect(screen.getAllByTestId(/^delta-/)).toHaveLength(2);
    fireEvent.click(screen.getByLabelText('Only what moved'));
    expect(screen.queryAllByTestId(/^delta-/)).toHaveLength(0);
    expect(screen.getByText("No consumer's exposure moved.")).toBeTruthy();
  });

  it('draws the shortfall chart, and says so when nobody is short', async () => {
    await show();
    expect(screen.getByTestId('shortfall-chart').getAttribute('data-bars')).toBe('1');
    const same = { from: 'a', to: 'b', ...compareBoards(before, before) };
    await renderIn(<CompareView comparison={same} fromLabel="A" toLabel="B" />);
    expect(screen.getByText('No consumer is short on either side.')).toBeTruthy();
    expect(screen.getByTestId('diff-empty')).toBeTruthy();
  });

  it('uses node labels for consumers when the boards are given, and highlights the changed nodes on both canvases', async () => {
    await show({ boards: { from: before, to: after } });
    expect(within(screen.getByTestId('delta-cobalt-eu')).getByRole('rowheader').textContent).toBe('Italian industry');
    const left = screen.getByTestId('static-board-from');
    const right = screen.getByTestId('static-board-to');
    const wrapper = (root: HTMLElement, id: string) => root.querySelector(`.react-flow__node[data-id="${id}"]`);
    expect(wrapper(left, 'fi')?.classList.contains('ls-fac-hl--changed')).toBe(true);
    expect(wrapper(right, 'fi')?.classList.contains('ls-fac-hl--changed')).toBe(true);
    expect(wrapper(left, 'us')?.classList.contains('ls-fac-hl--removed')).toBe(true);
    expect(wrapper(right, 'ma')?.classList.contains('ls-fac-hl--added')).toBe(true);
    expect(wrapper(right, 'cd')?.classList.contains('ls-fac-hl')).toBe(false);
  });
});

describe('CompareView in Italian', () => {
  it('names the sections, columns and survival in Italian', async () => {
    await renderIn(<CompareView comparison={comparison} fromLabel="Base" toLabel="Lavagna attuale" />, 'it');
    expect(screen.getByRole('region', { name: 'Nodi' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Leve' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Che cosa è cambiato' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Consegnato, Base' })).toBeTruthy();
    expect(screen.getByTestId('delta-cobalt-eu').textContent).toMatch(/→ non resiste/);
    expect(screen.getByLabelText('Solo ciò che è cambiato')).toBeTruthy();
  });
});
