import { act, fireEvent, screen, within } from '@testing-library/react';
import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { Canvas, type CanvasProps } from '../../../client/canvas/Canvas';
import { flowLabelText, labelBoxes } from '../../../client/canvas/edge-labels';
import type { FlowNode } from '../../../client/canvas/flow-model';
import { hiddenLabels } from '../../../client/canvas/label-placement';
import { DOT_ZOOM, FULL_ZOOM, detailLevel, shortLabel, textScale, zoomStep } from '../../../client/canvas/lod';
import type { Locale } from '../../../client/i18n/locales';
import type { BoardViewState } from '../../../client/state/types';
import type { Board } from '../../../shared/board/types';
import { mockActions } from '../mock-actions';
import { intlIn, renderIn } from '../../utils/intl';

function board(): Board {
  return {
    format: 'lodestone.board', version: 2, title: 'LOD board',
    nodes: [
      { id: 'm1', kind: 'mine', label: 'Kolwezi copper and cobalt mine complex', country: 'CD', position: { x: 0, y: 0 }, capacity: { cobalt: 12500 } },
      { id: 'm2', kind: 'mine', label: 'Second mine', country: 'CD', position: { x: 0, y: 10 }, capacity: { cobalt: 500 } },
      { id: 'c1', kind: 'consumer', label: 'EU batteries', country: 'DE', position: { x: 400, y: 0 }, demand: { cobalt: 7000 } },
    ],
    edges: [
      { id: 'e1', from: 'm1', to: 'c1', mineral: 'cobalt', volume: 9000 },
      { id: 'e2', from: 'm2', to: 'c1', mineral: 'cobalt', volume: 300 },
    ],
    scenario: { name: 'Baseline', disruptions: [], expansions: [], priceFloors: [] },
    notes: [],
  };
}

const state = (b: Board): BoardViewState => ({ boardId: 'b1', role: 'editor', status: 'connected', message: null, loaded: true, board: b, peers: [], canUndo: false, canRedo: false });

function ZoomTo({ zoom }: { zoom: number }) {
  const rf = useReactFlow();
  useEffect(() => {
    const t = setTimeout(() => void rf.setViewport({ x: 0, y: 0, zoom }), 20);
    return () => clearTimeout(t);
  }, [rf, zoom]);
  return null;
}

async function renderAt(zoom: number | null, over: Partial<CanvasProps> = {}, locale: Locale = 'en') {
  const props: CanvasProps = { state: state(board()), actions: mockActions(), exposure: null, selection: [], onSelectionChange: () => undefined, focus: null, ...over };
  return await renderIn(<div style={{ width: 1000, height: 700 }}><Canvas {...props}>{zoom !== null && <ZoomTo zoom={zoom} />}</Canvas></div>, locale);
}

const root = (container: HTMLElement) => container.querySelector<HTMLElement>('.ls-canvas')!;

describe('Level of detail: pure parts', () => {
  it('steps the zoom so compact text is never smaller on screen than at full detail', async () => {
    expect(zoomStep(1)).toBe(0);
    expect(zoomStep(FULL_ZOOM)).toBe(0);
    for (const z of [0.7, 0.5, 0.42, 0.35, 0.3]) {
      const scale = textScale(zoomStep(z));
      expect(scale * z).toBeGreaterThanOrEqual(FULL_ZOOM - 1e-9);
      expect(scale * z).toBeLessThan(FULL_ZOOM / 0.85 + 1e-9);
    }
    expect(textScale(zoomStep(0.05))).toBeLessThanOrEqual(2.6);
  });

  it('names the detail level of a zoom', async () => {
    expect(detailLevel(1)).toBe('full');
    expect(detailLevel(0.5)).toBe('compact');
    expect(detailLevel(DOT_ZOOM / 2)).toBe('dot');
  });

  it('shortens labels at a word, with an ellipsis', async () => {
    expect(shortLabel('EU batteries')).toBe('EU batteries');
    expect(shortLabel('Kolwezi copper and cobalt mine complex')).toBe('Kolwezi copper and…');
    expect(shortLabel('Supercalifragilisticexpialidocious')).toHaveLength(22);
  });

  it('gives flows a short form with the mineral symbol', async () => {
    const intl = await intlIn('en');
    expect(flowLabelText(intl, { mineral: 'cobalt', volume: 9000 }, true)).toBe('Co 9k');
    expect(flowLabelText(intl, { mineral: 'cobalt', volume: 9000 }, false)).toBe('cobalt · 9,000 t/yr');
    expect(flowLabelText(intl, { mineral: 'rare-earths-light', volume: 1200 }, true)).toBe('LREE 1.2k');
    expect(flowLabelText(intl, { mineral: 'cobalt', volume: 0, capacity: 10000 }, true)).toBe('Co ≤10k alt');
  });

  it('words flow labels in Italian with Italian numbers', async () => {
    const intl = await intlIn('it');
    expect(flowLabelText(intl, { mineral: 'cobalt', volume: 1234.5 }, false)).toBe('cobalt · 1.235 t/anno');
    expect(flowLabelText(intl, { mineral: 'cobalt', volume: 9.5 }, false)).toBe('cobalt · 9,5 t/anno');
    expect(flowLabelText(intl, { mineral: 'cobalt', volume: 12500 }, true)).toBe('Co 12,5K');
    expect(flowLabelText(intl, { mineral: 'nickel', volume: 2_300_000 }, true)).toBe('Ni 2,3\u00a0Mln');
    expect(flowLabelText(intl, { mineral: 'cobalt', volume: 0, capacity: 500 }, false)).toBe('cobalt · alternativa, fino a 500 t/anno');
  });

  it('hides the less important of two overlapping labels and keeps labels apart from each other', async () => {
    const boxes = [
      { id: 'small', x: 0, y: 0, width: 80, height: 16, priority: 1 },
      { id: 'big', x: 10, y: 5, width: 80, height: 16, priority: 9 },
      { id: 'apart', x: 500, y: 500, width: 80, height: 16, priority: 0 },
    ];
    expect([...hiddenLabels(boxes)]).toEqual(['small']);
  });

  it('puts a flow label at the midpoint between the right handle and the left handle, growing with the scale', async () => {
    const intl = await intlIn('en');
    const node = (id: string, x: number, y: number) => ({ id, position: { x, y }, measured: { width: 200, height: 100 }, data: {} }) as unknown as FlowNode;
    const [box] = labelBoxes(intl, [node('a', 0, 0), node('b', 400, 200)], [{ id: 'e', from: 'a', to: 'b', mineral: 'cobalt', volume: 5 }], new Map(), false, 1);
    expect(box).toMatchObject({ id: 'e', x: 300, y: 150 });
    const [bigger] = labelBoxes(intl, [node('a', 0, 0), node('b', 400, 200)], [{ id: 'e', from: 'a', to: 'b', mineral: 'cobalt', volume: 5 }], new Map(), true, 2);
    expect(bigger.height).toBeGreaterThan(box.height);
  });
});

describe('Level of detail: the canvas', () => {
  it('shows full cards and full flow labels near, the compact form with grown text when zoomed out', async () => {
    const { container } = await renderAt(1);
    await act(async () => new Promise((r) => setTimeout(r, 60)));
    expect(root(container).className).toContain('ls-canvas--lod-full');
    expect(screen.getByTestId('edge-e1').textContent).toContain('cobalt · 9,000 t/yr');
    const card = screen.getByTestId('node-m1');
    expect(card.querySelector('.ls-node__compact-label')?.textContent).toBe('Kolwezi copper and…');
  });

  it('switches to the compact form and the short flow label below the full-detail zoom', async () => {
    const { container } = await renderAt(0.4);
    await act(async () => new Promise((r) => setTimeout(r, 60)));
    const el = root(container);
    expect(el.className).toContain('ls-canvas--lod-compact');
    expect(Number(el.style.getPropertyValue('--ls-text-scale')) * 0.4).toBeGreaterThanOrEqual(FULL_ZOOM - 1e-9);
    expect(screen.getByTestId('edge-e1').textContent).toContain('Co 9k');
  });

  it('leaves out a flow label that would cover a bigger one', async () => {
    await renderAt(0.4);
    await act(async () => new Promise((r) => setTimeout(r, 60)));
    // The two flows run almost on top of each other: only the bigger one keeps its label.
    expect(screen.getByTestId('edge-e1')).toBeTruthy();
    expect(screen.queryByTestId('edge-e2')).toBeNull();
  });

  it('opens and closes the legend, listing the board minerals and what each mark means', async () => {
    await renderAt(null);
    expect(screen.queryByRole('region', { name: 'Legend' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Legend' }));
    // The legend's card loads on first use.
    const legend = await screen.findByRole('region', { name: 'Legend' });
    expect(within(legend).getByText('cobalt')).toBeTruthy();
    expect(within(legend).getByText(/Red dashes: the flow is cut by an enabled lever/)).toBeTruthy();
    expect(within(legend).getByText(/largest flow on the board \(9,000 t\/yr\)/)).toBeTruthy();
    expect(within(legend).getByText(/how critical the node is/)).toBeTruthy();
    fireEvent.click(within(legend).getByRole('button', { name: 'Close the legend' }));
    expect(screen.queryByRole('region', { name: 'Legend' })).toBeNull();
  });

  it('shows the legend in Italian, with Italian numbers', async () => {
    await renderAt(null, {}, 'it');
    fireEvent.click(screen.getByRole('button', { name: 'Legenda' }));
    const legend = await screen.findByRole('region', { name: 'Legenda' });
    expect(within(legend).getByText(/flusso più grande della lavagna \(9\.000 t\/anno\)/)).toBeTruthy();
    expect(within(legend).getByText(/Tratteggio rosso: il flusso è interrotto da una leva attiva/)).toBeTruthy();
    expect(within(legend).getByText('ammanco 35%')).toBeTruthy();
    expect(within(legend).getByRole('button', { name: 'Chiudi la legenda' })).toBeTruthy();
  });
});

describe('First fit of a large board', () => {
  it('frames the nodes at their default card size', async () => {
    const { nodesBox } = await import('../../../client/canvas/use-initial-fit');
    const n = (x: number, y: number) => ({ id: `${x}-${y}`, kind: 'mine' as const, label: 'x', country: 'CD', position: { x, y } });
    expect(nodesBox([n(0, 0), n(1000, -50)])).toEqual({ x: 0, y: -50, width: 1200, height: 140 });
    expect(nodesBox([])).toEqual({ x: 0, y: 0, width: 0, height: 0 });
  });
});
