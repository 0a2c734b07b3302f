import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useStore } from '@xyflow/react';
import { describe, expect, it, vi } from 'vitest';
import { Canvas, VISIBLE_ONLY_NODES, type CanvasProps } from '../../../client/canvas/Canvas';
import type { BoardActions, BoardViewState, Peer } from '../../../client/state/types';
import type { Board, Disruption } from '../../../shared/board/types';
import type { ExposureReport, MineralReport } from '../../../shared/exposure/types';
import { generateLargeBoard } from '../../../shared/generate/large-board';
import type { Locale } from '../../../client/i18n/locales';
import { renderIn } from '../../utils/intl';

function fakeActions(): { [K in keyof BoardActions]: ReturnType<typeof vi.fn> } & BoardActions {
  const fns = {
    addNode: vi.fn(), updateNode: vi.fn(), moveNodes: vi.fn(), addEdge: vi.fn(), updateEdge: vi.fn(), addLever: vi.fn(),
    updateLever: vi.fn(), deleteItems: vi.fn(), addNote: vi.fn(), updateNote: vi.fn(), setTitle: vi.fn(),
    paste: vi.fn(() => ['p1', 'p2']), arrange: vi.fn(), undo: vi.fn(), redo: vi.fn(), gesture: vi.fn(), setCursor: vi.fn(), setSelection: vi.fn(),
  };
  return fns as never;
}

function smallBoard(disruptions: Disruption[] = []): Board {
  return {
    format: 'lodestone.board', version: 2, title: 'Test board',
    nodes: [
      { id: 'm1', kind: 'mine', label: 'Kolwezi mine', country: 'CD', position: { x: 0, y: 0 }, capacity: { cobalt: 12500 } },
      { id: 't1', kind: 'transport', label: 'Durban port', country: 'ZA', position: { x: 250, y: 0 }, capacity: { cobalt: 30000 } },
      { id: 'r1', kind: 'refinery', label: 'Jinchuan refinery', country: 'CN', position: { x: 500, y: 0 }, capacity: { cobalt: 9000 } },
      { id: 's1', kind: 'stockpile', label: 'EU reserve', country: 'DE', position: { x: 750, y: 150 }, stock: { cobalt: 800 } },
      { id: 'y1', kind: 'recycler', label: 'Umicore Hoboken', country: 'BE', position: { x: 500, y: 200 }, capacity: { cobalt: 400 } },
      { id: 'c1', kind: 'consumer', label: 'EU batteries', country: 'DE', position: { x: 1000, y: 0 }, demand: { cobalt: 7000 } },
    ],
    edges: [
      { id: 'e1', from: 'm1', to: 't1', mineral: 'cobalt', volume: 9000 },
      { id: 'e2', from: 't1', to: 'r1', mineral: 'cobalt', volume: 9000 },
      { id: 'e3', from: 'r1', to: 'c1', mineral: 'cobalt', volume: 6000 },
      { id: 'e4', from: 'y1', to: 'c1', mineral: 'cobalt', volume: 300 },
    ],
    scenario: { name: 'Baseline', disruptions, expansions: [], priceFloors: [] },
    notes: [],
  };
}

function viewState(board: Board, over: Partial<BoardViewState> = {}): BoardViewState {
  return { boardId: 'b1', role: 'editor', status: 'connected', message: null, loaded: true, board, peers: [], canUndo: false, canRedo: false, ...over };
}

async function renderCanvas(over: Partial<CanvasProps> = {}, locale: Locale = 'en') {
  const actions = fakeActions();
  const props: CanvasProps = { state: viewState(smallBoard()), actions, exposure: null, selection: [], onSelectionChange: vi.fn(), focus: null, ...over };
  const view = await renderIn(<div style={{ width: 1000, height: 700 }}><Canvas {...props} /></div>, locale);
  return { ...view, actions: (over.actions ?? actions) as ReturnType<typeof fakeActions>, props };
}


function cutBy(target: Disruption['target'], over: Partial<Disruption> = {}): Disruption {
  return { id: 'd1', label: 'Port strike', enabled: true, target, factor: 0, days: 30, ...over };
}

function mineralReport(over: Partial<MineralReport> = {}): MineralReport {
  return { converged: true, consumers: {}, criticalNodes: [], stockpileGap: 0, stockpileGapCost: null, crma: null, ...over };
}

function consumerReport(shortfall: number, supplied: number) {
  const stage = { shares: {}, hhi: 0, top: null };
  return {
    demand: supplied, supplied, delivered: supplied - shortfall, shortfall, shortfallPct: supplied > 0 ? shortfall / supplied : 0, secondaryShare: 0,
    stages: { mining: stage, refining: stage }, benchmark65: { mining: false, refining: false }, routes: {},
    disruptionDays: 0, stockDays: null, survives: shortfall === 0,
    demandGap: shortfall, coverage: supplied > 0 ? (supplied - shortfall) / supplied : null, stockNeeded: 0, criticalNodes: [],
  };
}

const key = (k: string, mods: Partial<KeyboardEventInit> = {}) => fireEvent.keyDown(document.body, { key: k, ...mods });

describe('Canvas: drawing the board', () => {
  it('renders every node kind with its SVG icon, label, country code and figures', async () => {
    await renderCanvas();
    const expected: [string, string, string, string][] = [
      ['m1', 'Kolwezi mine', 'CD', '12.5k t/yr'],
      ['t1', 'Durban port', 'ZA', '30k t/yr'],
      ['r1', 'Jinchuan refinery', 'CN', '9k t/yr'],
      ['s1', 'EU reserve', 'DE', '800 t'],
      ['y1', 'Umicore Hoboken', 'BE', '400 t/yr'],
      ['c1', 'EU batteries', 'DE', '7k t/yr'],
    ];
    for (const [id, label, country, figure] of expected) {
      const card = within(screen.getByTestId(`node-${id}`));
      // The full form (the compact form repeats label, flag and country for far zooms).
      const full = (part: string) => within(screen.getByTestId(`node-${id}`).querySelector<HTMLElement>(`.ls-node__${part}`)!);
      expect(full('head').getByText(label)).toBeTruthy();
      // Drawn as shapes (no emoji font needed), in both forms; the country as its code in a chip.
      expect(screen.getByTestId(`node-${id}`).querySelectorAll('svg.ls-icon path, svg.ls-icon rect, svg.ls-icon circle').length).toBeGreaterThan(0);
      expect(screen.getByTestId(`node-${id}`).querySelectorAll('svg.ls-icon')).toHaveLength(2);
      expect(full('meta').getByText(country, { selector: '.ls-country-chip' })).toBeTruthy();
      expect(screen.getByTestId(`node-${id}`).textContent).not.toMatch(/\p{Extended_Pictographic}|\p{Regional_Indicator}/u);
      expect(card.getByText(label, { selector: '.ls-node__compact-label' })).toBeTruthy();
      expect(card.getByText(figure)).toBeTruthy();
      expect(card.getByText('cobalt')).toBeTruthy();
    }
  });

  it('gives each kind its own node type with a target handle on the left and a source handle on the right', async () => {
    await renderCanvas();
    for (const kind of ['mine', 'transport', 'refinery', 'stockpile', 'recycler', 'consumer']) {
      expect(document.querySelector(`.react-flow__node-${kind}`)).not.toBeNull();
    }
    const card = screen.getByTestId('node-r1');
    expect(card.querySelector('.react-flow__handle-left.target')).not.toBeNull();
    expect(card.querySelector('.react-flow__handle-right.source')).not.toBeNull();
  });

  it('labels an edge with its mineral and volume (short form at the fitted zoom, full form as its tooltip)', async () => {
    await renderCanvas();
    expect(screen.getByTestId('edge-e1').textContent).toBe('Co 9k');
    expect(screen.getByTestId('edge-e1').title).toBe('cobalt · 9,000 t/yr');
    expect(screen.getByTestId('edge-e3').textContent).toBe('Co 6k');
  });

  it('scales edge width with volume', async () => {
    await renderCanvas();
    const width = (id: string) => Number.parseFloat((document.querySelector(`[data-testid="rf__edge-${id}"] .ls-edge__path`) as SVGPathElement).style.strokeWidth);
    expect(width('e1')).toBeCloseTo(7.5);
    expect(width('e4')).toBeLessThan(width('e3'));
    expect(width('e3')).toBeLessThan(width('e1'));
  });

  it('marks an edge cut by an enabled lever as disrupted, and leaves the others alone', async () => {
    const board = smallBoard([cutBy({ node: 't1' })]);
    await renderCanvas({ state: viewState(board) });
    expect(screen.getByTestId('edge-e1').dataset.disrupted).toBe('true');
    expect(screen.getByTestId('edge-e2').dataset.disrupted).toBe('true');
    expect(screen.getByTestId('edge-e3').dataset.disrupted).toBe('false');
    expect(within(screen.getByTestId('edge-e1')).getByRole('img', { name: 'disrupted' })).toBeTruthy();
    const path = document.querySelector('[data-testid="rf__edge-e1"] .ls-edge__path') as SVGPathElement;
    expect(path.dataset.disrupted).toBe('true');
    expect(path.style.strokeDasharray).not.toBe('');
  });

  it('a lever switched on turns its flows red with a red arrowhead (the flow picks the canvas\'s marker of its colour)', async () => {
    const off = smallBoard([cutBy({ node: 't1' }, { enabled: false })]);
    const view = await renderCanvas({ state: viewState(off) });
    const path = () => document.querySelector('[data-testid="rf__edge-e1"] .ls-edge__path') as SVGPathElement;
    expect(path().dataset.disrupted).toBe('false');
    const on = { ...off, scenario: { ...off.scenario, disruptions: [cutBy({ node: 't1' })] } };
    view.rerender(<div style={{ width: 1000, height: 700 }}><Canvas {...view.props} state={viewState(on)} /></div>);
    expect(path().dataset.disrupted).toBe('true');
    const marker = /url\('#([^']+)'\)/.exec(path().getAttribute('marker-end') ?? '')?.[1];
    expect(marker).toBeDefined();
    expect(document.getElementById(marker!)?.querySelector('polyline')?.style.fill).toMatch(/#d62728|rgb\(214, 39, 40\)/);
  });

  it('does not mark edges for a disabled lever', async () => {
    await renderCanvas({ state: viewState(smallBoard([cutBy({ node: 't1' }, { enabled: false })])) });
    expect(screen.getByTestId('edge-e1').dataset.disrupted).toBe('false');
  });

  it('shows a consumer its worst shortfall from the exposure report, in red', async () => {
    const exposure: ExposureReport = {
      minerals: {
        cobalt: mineralReport({ consumers: { c1: consumerReport(1500, 6000) } }),
        gallium: mineralReport({ consumers: { c1: consumerReport(10, 100) } }),
      },
      priceFloors: [],
      warnings: [],
    };
    await renderCanvas({ exposure });
    const badge = screen.getByTestId('shortfall-c1');
    expect(badge.textContent).toBe('short 25%');
    expect(badge.className).toContain('ls-badge--bad');
  });

  it('keeps every React Flow node when an exposure reply moves only figures, and the cards show the new figures', async () => {
    // What React Flow holds as its nodes, after each render.
    const held: unknown[] = [];
    function HeldNodes() {
      held.push(useStore((s) => s.nodes));
      return null;
    }
    const report = (short: number): ExposureReport => ({
      minerals: { cobalt: mineralReport({ consumers: { c1: consumerReport(short, 6000) }, criticalNodes: [{ node: 'r1', loss: short, lossPct: short / 6000, ttr: null, atRisk: false }] }) },
      priceFloors: [],
      warnings: [],
    });
    const { rerender, props } = await renderCanvas({ exposure: report(1500), children: <HeldNodes /> });
    expect(screen.getByTestId('shortfall-c1').textContent).toBe('short 25%');
    expect(screen.getByTestId('node-r1').dataset.criticality).toBe('0.25');
    const before = held.at(-1);
    expect(before).toHaveLength(6);
    await act(async () => {
      rerender(<div style={{ width: 1000, height: 700 }}><Canvas {...props} exposure={report(3000)} /></div>);
    });
    expect(screen.getByTestId('shortfall-c1').textContent).toBe('short 50%');
    expect(screen.getByTestId('node-r1').dataset.criticality).toBe('0.50');
    expect(held.at(-1)).toBe(before);
  });

  it('draws the cards in Italian: kind words, Italian figures, the shortfall badge', async () => {
    const board = smallBoard();
    board.nodes = board.nodes.map((n) => (n.id === 'y1' ? { ...n, capacity: { cobalt: 1234.5 } } : n));
    const exposure: ExposureReport = { minerals: { cobalt: mineralReport({ consumers: { c1: consumerReport(1500, 6000) } }) }, priceFloors: [], warnings: [] };
    await renderCanvas({ state: viewState(board), exposure }, 'it');
    const meta = (id: string) => screen.getByTestId(`node-${id}`).querySelector<HTMLElement>('.ls-node__kind')!.textContent;
    expect([meta('m1'), meta('r1'), meta('t1'), meta('s1'), meta('y1'), meta('c1')]).toEqual(['Miniera', 'Raffineria', 'Corridoio / porto', 'Scorta', 'Riciclatore', 'Utilizzatore']);
    const m1 = within(screen.getByTestId('node-m1'));
    expect(m1.getByText('12,5K t/anno')).toBeTruthy();
    const recycler = within(screen.getByTestId('node-y1'));
    expect(recycler.getByText('1,2K t/anno').closest('li')!.getAttribute('title')).toBe('1.234,5 t/anno');
    expect(within(screen.getByTestId('node-s1')).getByText('800 t')).toBeTruthy();
    expect(screen.getByTestId('shortfall-c1').textContent).toBe('ammanco 25%');
    expect(screen.getByRole('button', { name: 'Aggiungi raffineria' })).toBeTruthy();
    // A flow label: the short form on the card's zoom, the full one in its tooltip.
    expect(screen.getByTestId('edge-e1').textContent).toBe('Co 9K');
    expect(screen.getByTestId('edge-e1').getAttribute('title')).toBe('cobalt · 9.000 t/anno');
  });

  it("gives React Flow's own controls and keyboard descriptions Italian words", async () => {
    await renderCanvas({}, 'it');
    for (const name of ['Ingrandisci', 'Riduci', 'Adatta la lavagna alla vista']) expect(screen.getByRole('button', { name })).toBeTruthy();
    expect(document.querySelector('.react-flow__controls')?.getAttribute('aria-label')).toBe('Comandi di zoom');
    const hidden = [...document.querySelectorAll('[id^="react-flow__node-desc"], [id^="react-flow__edge-desc"]')].map((el) => el.textContent);
    expect(hidden).toEqual([expect.stringMatching(/^Premi Invio o Spazio per selezionare un nodo\./), expect.stringMatching(/^Premi Invio o Spazio per selezionare un flusso\./)]);
    expect(document.body.textContent).not.toMatch(/Zoom In|Fit View|Press enter or space/);
  });

  it('names each flow and node for screen readers in the person\'s language, by the nodes\' labels', async () => {
    await renderCanvas({}, 'it');
    const flow = document.querySelector('[data-testid="rf__edge-e1"]')!;
    expect(flow.getAttribute('aria-label')).toBe('Flusso di cobalt da Kolwezi mine a Durban port');
    expect(flow.getAttribute('aria-roledescription')).toBe('flusso');
    expect(document.querySelector('[data-testid="rf__node-m1"]')!.getAttribute('aria-roledescription')).toBe('nodo');
    expect(document.querySelector('[aria-label^="Edge from"]')).toBeNull();
  });

  it('names flows in English in an English browser', async () => {
    await renderCanvas();
    expect(document.querySelector('[data-testid="rf__edge-e1"]')!.getAttribute('aria-label')).toBe('cobalt flow from Kolwezi mine to Durban port');
    expect(document.querySelector('[data-testid="rf__edge-e1"]')!.getAttribute('aria-roledescription')).toBe('flow');
  });

  it('shows a covered consumer as covered', async () => {
    const exposure: ExposureReport = { minerals: { cobalt: mineralReport({ consumers: { c1: consumerReport(0, 6000) } }) }, priceFloors: [], warnings: [] };
    await renderCanvas({ exposure });
    expect(screen.getByTestId('shortfall-c1').textContent).toBe('covered');
    expect(screen.getByTestId('shortfall-c1').className).toContain('ls-badge--ok');
  });

  it('tints a node by its largest loss share across minerals', async () => {
    const exposure: ExposureReport = {
      minerals: {
        cobalt: mineralReport({ criticalNodes: [{ node: 'r1', loss: 5000, lossPct: 0.5, ttr: null, atRisk: false }] }),
        gallium: mineralReport({ criticalNodes: [{ node: 'r1', loss: 90, lossPct: 0.9, ttr: null, atRisk: false }] }),
      },
      priceFloors: [],
      warnings: [],
    };
    await renderCanvas({ exposure });
    const card = screen.getByTestId('node-r1');
    expect(card.dataset.criticality).toBe('0.90');
    expect(card.style.background).not.toBe('');
    expect(screen.getByTestId('node-m1').dataset.criticality).toBeUndefined();
  });

  it('draws nodes from props.selection as selected', async () => {
    await renderCanvas({ selection: ['r1'] });
    expect(screen.getByTestId('rf__node-r1').className).toContain('selected');
    expect(screen.getByTestId('rf__node-m1').className).not.toContain('selected');
  });

  it('outlines what a peer selected in their colour, with their name', async () => {
    const peers: Peer[] = [
      { clientId: 7, name: 'Ana', color: '#e91e63', viewer: false, cursor: { x: 40, y: 60 }, selection: ['r1', 'e3'] },
      { clientId: 8, name: 'Bo', color: '#009688', viewer: true, cursor: null, selection: [] },
    ];
    await renderCanvas({ state: viewState(smallBoard(), { peers }) });
    const card = screen.getByTestId('node-r1');
    expect(card.dataset.peerSelected).toBe('Ana');
    expect(card.style.getPropertyValue('--ls-peer')).toBe('#e91e63');
    expect(within(card).getByText('Ana')).toBeTruthy();
    expect(screen.getByTestId('edge-e3').dataset.peerSelected).toBe('Ana');
    expect(screen.getByTestId('node-m1').dataset.peerSelected).toBeUndefined();
  });

  it("draws peers' cursors with their names", async () => {
    const peers: Peer[] = [{ clientId: 7, name: 'Ana', color: '#e91e63', viewer: false, cursor: { x: 40, y: 60 }, selection: [] }];
    await renderCanvas({ state: viewState(smallBoard(), { peers }) });
    const cursor = screen.getByTestId('cursor-7');
    expect(within(cursor).getByText('Ana')).toBeTruthy();
    expect(cursor.style.transform).toContain('translate(40px, 60px)');
  });

  it('shows the mini map, zoom controls and background grid', async () => {
    await renderCanvas();
    expect(screen.getByTestId('rf__minimap')).toBeTruthy();
    expect(document.querySelector('.react-flow__controls')).not.toBeNull();
    expect(document.querySelector('.react-flow__background')).not.toBeNull();
  });
});

describe('Canvas: editing', () => {
  it('adds a node of the clicked kind from the palette and selects it', async () => {
    const { actions, props } = await renderCanvas();
    fireEvent.click(screen.getByRole('button', { name: 'Add refinery' }));
    expect(actions.addNode).toHaveBeenCalledTimes(1);
    const node = actions.addNode.mock.calls[0][0];
    expect(node).toMatchObject({ kind: 'refinery', label: 'New refinery', country: 'XX' });
    expect(Number.isFinite(node.position.x) && Number.isFinite(node.position.y)).toBe(true);
    expect(props.onSelectionChange).toHaveBeenCalledWith([node.id]);
    expect(actions.setSelection).toHaveBeenCalledWith([node.id]);
  });

  it('has a palette button for every kind', async () => {
    await renderCanvas();
    for (const kind of ['mine', 'refinery', 'corridor / port', 'stockpile', 'recycler', 'consumer', 'manufacturer']) {
      expect(screen.getByRole('button', { name: `Add ${kind}` })).toBeTruthy();
    }
  });

  it('deletes the selection with Delete and with Backspace', async () => {
    const { actions, props } = await renderCanvas({ selection: ['m1', 'e3'] });
    key('Delete');
    expect(actions.deleteItems).toHaveBeenCalledWith(['m1', 'e3']);
    expect(props.onSelectionChange).toHaveBeenLastCalledWith([]);
    key('Backspace');
    expect(actions.deleteItems).toHaveBeenCalledTimes(2);
  });

  it('does nothing on Delete without a selection', async () => {
    const { actions } = await renderCanvas();
    key('Delete');
    expect(actions.deleteItems).not.toHaveBeenCalled();
  });

  it('leaves keys typed into a text field alone', async () => {
    const { actions } = await renderCanvas({ selection: ['m1'] });
    const input = document.createElement('input');
    document.body.append(input);
    fireEvent.keyDown(input, { key: 'Backspace' });
    fireEvent.keyDown(input, { key: 'z', ctrlKey: true });
    input.remove();
    expect(actions.deleteItems).not.toHaveBeenCalled();
    expect(actions.undo).not.toHaveBeenCalled();
  });

  it('undoes with Ctrl+Z or Cmd+Z and redoes with Ctrl+Shift+Z or Ctrl+Y', async () => {
    const { actions } = await renderCanvas();
    key('z', { ctrlKey: true });
    key('z', { metaKey: true });
    expect(actions.undo).toHaveBeenCalledTimes(2);
    key('Z', { ctrlKey: true, shiftKey: true });
    key('y', { ctrlKey: true });
    expect(actions.redo).toHaveBeenCalledTimes(2);
  });

  it('copies the selected nodes with the flows between them and pastes them offset, selecting the copies', async () => {
    const { actions, props } = await renderCanvas({ selection: ['m1', 't1'] });
    key('c', { ctrlKey: true });
    key('v', { ctrlKey: true });
    expect(actions.paste).toHaveBeenCalledTimes(1);
    const [items, offset] = actions.paste.mock.calls[0];
    expect(items.nodes.map((n: { id: string }) => n.id)).toEqual(['m1', 't1']);
    expect(items.nodes.map((n: { label: string }) => n.label)).toEqual(['Kolwezi mine (copy)', 'Durban port (copy)']);
    expect(items.edges.map((e: { id: string }) => e.id)).toEqual(['e1']);
    expect(offset).toEqual({ x: 40, y: 40 });
    expect(props.onSelectionChange).toHaveBeenLastCalledWith(['p1', 'p2']);
    expect(actions.setSelection).toHaveBeenLastCalledWith(['p1', 'p2']);
  });

  it('selects every node and edge with Ctrl+A', async () => {
    const { props } = await renderCanvas();
    key('a', { ctrlKey: true });
    expect(props.onSelectionChange).toHaveBeenLastCalledWith(['m1', 't1', 'r1', 's1', 'y1', 'c1', 'e1', 'e2', 'e3', 'e4']);
  });

  it('arranges by stage with L and with the toolbar button, for everyone through actions.arrange (the layout loads on first use)', async () => {
    const { actions } = await renderCanvas();
    key('l');
    fireEvent.click(screen.getByRole('button', { name: 'Arrange by stage' }));
    await waitFor(() => expect(actions.arrange).toHaveBeenCalledTimes(2), { timeout: 15_000 });
    const positions = actions.arrange.mock.calls[0][0] as Record<string, { x: number; y: number }>;
    expect(Object.keys(positions).sort()).toEqual(['c1', 'm1', 'r1', 's1', 't1', 'y1']);
    expect(positions.m1.x).toBeLessThan(positions.c1.x);
  });

  it('opens help with ?', async () => {
    const onHelp = vi.fn();
    await renderCanvas({ onHelp });
    key('?', { shiftKey: true });
    expect(onHelp).toHaveBeenCalledTimes(1);
  });

  it('reports a click on a node as the new selection', async () => {
    const { actions, props } = await renderCanvas();
    fireEvent.click(screen.getByTestId('rf__node-r1'));
    expect(props.onSelectionChange).toHaveBeenCalledWith(['r1']);
    expect(actions.setSelection).toHaveBeenCalledWith(['r1']);
    expect(actions.moveNodes).not.toHaveBeenCalled();
  });

  it('selects a focused node', async () => {
    const { props, rerender } = await renderCanvas();
    rerender(<div style={{ width: 1000, height: 700 }}><Canvas {...props} focus={{ id: 'c1', nonce: 1 }} /></div>);
    expect(props.onSelectionChange).toHaveBeenCalledWith(['c1']);
  });

  it('sends my cursor in flow coordinates and clears it when the pointer leaves', async () => {
    const { actions, container } = await renderCanvas();
    const canvas = container.querySelector('.ls-canvas') as HTMLElement;
    const viewport = (document.querySelector('.react-flow__viewport') as HTMLElement).style.transform;
    const [tx, ty, zoom] = (viewport.match(/-?[\d.]+/g) ?? []).map(Number);
    fireEvent.pointerMove(canvas, { clientX: 120, clientY: 80 });
    const [sent] = actions.setCursor.mock.calls[0];
    expect(sent.x).toBeCloseTo((120 - tx) / zoom);
    expect(sent.y).toBeCloseTo((80 - ty) / zoom);
    fireEvent.pointerLeave(canvas);
    expect(actions.setCursor).toHaveBeenLastCalledWith(null);
  });
});

describe('Canvas: viewer', () => {
  const asViewer = async (over: Partial<CanvasProps> = {}) => renderCanvas({ state: viewState(smallBoard(), { role: 'viewer' }), ...over });

  it('shows no palette and no arrange button', async () => {
    await asViewer();
    expect(screen.queryByRole('button', { name: 'Add mine' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Arrange by stage' })).toBeNull();
    expect(screen.getByText('View only')).toBeTruthy();
  });

  it('cannot drag or connect nodes but can still select them', async () => {
    const { props } = await asViewer();
    const wrapper = screen.getByTestId('rf__node-m1');
    expect(wrapper.className).not.toContain('draggable');
    expect(wrapper.className).toContain('selectable');
    expect(screen.getByTestId('node-m1').querySelector('.react-flow__handle.connectable')).toBeNull();
    fireEvent.click(wrapper);
    expect(props.onSelectionChange).toHaveBeenCalledWith(['m1']);
  });

  it('ignores editing shortcuts but still copies and selects all', async () => {
    const { actions, props } = await asViewer({ selection: ['m1'] });
    key('Delete');
    key('z', { ctrlKey: true });
    key('y', { ctrlKey: true });
    key('l');
    key('c', { ctrlKey: true });
    key('v', { ctrlKey: true });
    expect(actions.deleteItems).not.toHaveBeenCalled();
    expect(actions.undo).not.toHaveBeenCalled();
    expect(actions.redo).not.toHaveBeenCalled();
    expect(actions.arrange).not.toHaveBeenCalled();
    expect(actions.paste).not.toHaveBeenCalled();
    key('a', { ctrlKey: true });
    expect(props.onSelectionChange).toHaveBeenCalled();
  });
});

describe('Canvas: big boards', () => {
  // jsdom's ResizeObserver stub reports one node per callback, so React Flow itself needs seconds for a few
  // hundred nodes here (about 10 s for 600 default nodes): this checks the big-board mode, not its speed.
  it('draws only what is on screen above 500 nodes, and follows an edit of one node', async () => {
    const board = generateLargeBoard({ nodes: 520, edgesPerNode: 1, seed: 5 });
    expect(board.nodes.length).toBeGreaterThan(VISIBLE_ONLY_NODES);
    const { props, rerender } = await renderCanvas({ state: viewState(board) });
    const drawn = document.querySelectorAll('.react-flow__node').length;
    expect(drawn).toBeLessThan(board.nodes.length);
    const first = board.nodes[0];
    const edited: Board = { ...board, nodes: [{ ...first, label: 'Renamed mine', position: { x: 10, y: 5 } }, ...board.nodes.slice(1)] };
    rerender(<div style={{ width: 1000, height: 700 }}><Canvas {...props} state={viewState(edited)} /></div>);
    expect(screen.getByTestId(`node-${first.id}`).textContent).toContain('Renamed mine');
  }, 120_000);
});
