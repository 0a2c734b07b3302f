/** The analyst's views against the engine's real output on the seed boards. */
import { readFileSync } from 'node:fs';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { syncEdges, syncNodes, nodeLooks } from '../../../client/canvas/flow-model';
import { rerouteView } from '../../../client/canvas/reroute-view';
import { CrmaDashboard } from '../../../client/panels/exposure/CrmaDashboard';
import { PriceFloorCosts } from '../../../client/panels/exposure/PriceFloorCosts';
import { StressTest } from '../../../client/panels/exposure/StressTest';
import { ExposurePanel } from '../../../client/panels/ExposurePanel';
import { addStock } from '../../../client/views/add-stock';
import type { Board } from '../../../shared/board/types';
import { computeExposure } from '../../../shared/exposure/engine';
import { board, disruption, edge, node } from '../../utils/board-builder';
import { mockActions } from '../mock-actions';
import { renderIn } from '../../utils/intl';

const seed = (name: string) => JSON.parse(readFileSync(`seeds/${name}.json`, 'utf8')) as Board;
const value = (el: Element | null | undefined, field: string) => el?.querySelector(`[data-field="${field}"]`)?.getAttribute('data-value');

describe('Stockpile sizing on the gallium and germanium seed', () => {
  const b = seed('gallium-germanium');
  const report = computeExposure(b);
  const stress = report.minerals.gallium.stressTest!;

  it('pools better than separate stocks on this board', async () => {
    expect(stress.poolingGain).toBeGreaterThan(0);
  });

  it('shows the engine\'s separate and pooled stock, the gain and their cost at the board\'s price, one bar per lever', async () => {
    await renderIn(<StressTest board={b} mineral="gallium" stress={stress} price={b.prices!.gallium} />);
    const view = screen.getByTestId('stress-gallium');
    expect(value(view, 'separateStock')).toBe(JSON.stringify(stress.separateStock));
    expect(value(view, 'pooledStock')).toBe(JSON.stringify(stress.pooledStock));
    expect(value(view, 'poolingGain')).toBe(JSON.stringify(stress.poolingGain));
    expect(value(view, 'pooledCost')).toBe(JSON.stringify(stress.pooledStock * 1000 * b.prices!.gallium));
    expect(view.querySelectorAll('[data-lever]').length).toBe(b.scenario.disruptions.length);
    for (const row of stress.levers) {
      expect(value(view.querySelector(`[data-lever="${row.lever}"]`), 'stress-gap')).toBe(JSON.stringify(row.stockpileGap));
    }
    await waitFor(() => expect(view.querySelectorAll('.recharts-rectangle').length).toBe(stress.levers.filter((l) => l.stockpileGap > 0).length), { timeout: 15_000 });
    // Without a facilitator's action there is no sizing button.
    expect(within(view).queryByRole('button')).toBeNull();
  });

  it('a facilitator adds the pooled stock to the chosen stockpile in one step', async () => {
    const onAddStock = vi.fn();
    await renderIn(<StressTest board={b} mineral="gallium" stress={stress} price={undefined} onAddStock={onAddStock} />);
    const view = screen.getByTestId('stress-gallium');
    expect(value(view, 'pooledCost')).toBeUndefined();
    fireEvent.change(within(view).getByLabelText('Stockpile to size'), { target: { value: 'italian-strategic-store' } });
    fireEvent.click(within(view).getByRole('button', { name: 'Add the pooled stock to this stockpile' }));
    expect(onAddStock).toHaveBeenCalledWith('italian-strategic-store', stress.pooledStock);
    const actions = mockActions();
    const store = b.nodes.find((n) => n.id === 'italian-strategic-store')!;
    addStock(b, actions, store.id, 'gallium', stress.pooledStock);
    expect(actions.updateNode).toHaveBeenCalledTimes(1);
    expect(actions.updateNode).toHaveBeenCalledWith(store.id, { stock: { ...store.stock, gallium: (store.stock?.gallium ?? 0) + stress.pooledStock } });
  });
});

describe('CRMA 2030 dashboard', () => {
  const b = seed('gallium-germanium');

  it('says met or not met per benchmark, as the engine decides, and flips when an EU refinery grows', async () => {
    const crma = computeExposure(b).minerals.gallium.crma!;
    const { unmount } = await renderIn(<CrmaDashboard mineral="gallium" crma={crma} />);
    const row = () => screen.getByTestId('crma-gallium').querySelector('[data-benchmark="processing"]')!;
    expect(row().getAttribute('data-met')).toBe('false');
    expect(row().textContent).toMatch(/not met$/);
    expect(value(row(), 'crma-processing')).toBe(JSON.stringify(crma.processing));
    unmount();
    const grown: Board = { ...b, nodes: b.nodes.map((n) => (n.id === 'metlen-gallium' ? { ...n, capacity: { gallium: 30 } } : n)) };
    const after = computeExposure(grown).minerals.gallium.crma!;
    expect(after.meets.processing).toBe(true);
    await renderIn(<CrmaDashboard mineral="gallium" crma={after} />);
    expect(row().getAttribute('data-met')).toBe('true');
    expect(row().textContent).toMatch(/met$/);
    expect(row().textContent).not.toMatch(/not met/);
  });

  it('explains a board without EU consumers', async () => {
    await renderIn(<CrmaDashboard mineral="cobalt" crma={null} />);
    expect(screen.getByTestId('crma-cobalt').textContent).toMatch(/No EU consumer of cobalt/);
  });
});

describe('Price floors on the rare-earth magnets seed', () => {
  const b = seed('rare-earth-magnets');
  const on: Board = { ...b, scenario: { ...b.scenario, priceFloors: b.scenario.priceFloors.map((f) => ({ ...f, enabled: true })) } };
  const floors = computeExposure(on).priceFloors;

  it('lists each enabled floor with the engine\'s covered volume and annual cost', async () => {
    expect(floors.length).toBe(2);
    await renderIn(<PriceFloorCosts board={on} floors={floors} />);
    for (const f of floors) {
      const row = screen.getByTestId('floor-costs').querySelector(`[data-floor="${f.id}"]`);
      expect(value(row, 'floor-volume')).toBe(JSON.stringify(f.volume));
      expect(value(row, 'floor-cost')).toBe(JSON.stringify(f.annualCost));
    }
  });

  it('shows nothing when no floor is on, and the exposure panel lists them when on', async () => {
    const { container } = await renderIn(<PriceFloorCosts board={b} floors={computeExposure(b).priceFloors} />);
    expect(container.textContent).toBe('');
    await renderIn(<ExposurePanel exposure={{ report: computeExposure(on), computeMs: 1 }} board={on} onSelectNode={vi.fn()} />);
    expect(screen.getByTestId('floor-costs')).toBeTruthy();
  });
});

describe('Canvas after rerouting', () => {
  // Suez closes; the Cape (an alternative route) carries what its capacity allows.
  const b: Board = board(
    [
      node('mine', 'mine', 'CD', { capacity: { cobalt: 200 }, recoveryDays: 400 }),
      node('suez', 'transport', 'EG'),
      node('cape', 'transport', 'ZA', { capacity: { cobalt: 60 } }),
      node('it', 'consumer', 'IT', { demand: { cobalt: 100 } }),
    ],
    [edge('m-s', 'mine', 'suez', 'cobalt', 100), edge('s-it', 'suez', 'it', 'cobalt', 100),
      { ...edge('m-c', 'mine', 'cape', 'cobalt', 0), capacity: 60, delayDays: 12 }, { ...edge('c-it', 'cape', 'it', 'cobalt', 0), capacity: 60 }],
    [disruption('shut', { node: 'suez' }, 0, 90)],
  );
  const report = computeExposure(b);
  const ctx = { nodeIds: new Set(b.nodes.map((n) => n.id)), cut: new Map(), marks: new Map(), selected: new Set<string>(), zoomedIn: true };

  it('draws rerouted volumes: the alternative route lights up with its flow, widths follow it, bottlenecks are marked', async () => {
    const view = rerouteView(report)!;
    const r = report.minerals.cobalt.reroute!;
    expect(r.flows['c-it']).toBeGreaterThan(0);
    const edges = syncEdges([], b.edges, { ...ctx, rerouted: view });
    const cape = edges.find((e) => e.id === 'c-it')!.data!;
    const suez = edges.find((e) => e.id === 's-it')!.data!;
    expect(cape.rerouted).toBe(r.flows['c-it']);
    expect(suez.rerouted).toBe(0);
    expect(cape.width).toBeGreaterThan(suez.width);
    const marked = r.bottlenecks.flatMap((x) => ('edge' in x ? [x.edge] : []));
    for (const e of edges) expect(Boolean(e.data!.bottleneck)).toBe(marked.includes(e.id));
    const nodes = syncNodes([], b.nodes, { marks: new Map(), selected: new Set(), bottlenecks: view.bottleneckNodes });
    const markedNodes = r.bottlenecks.flatMap((x) => ('node' in x ? [x.node] : []));
    expect(markedNodes.length + marked.length).toBeGreaterThan(0);
    for (const n of nodes) expect(Boolean(n.data.bottleneck)).toBe(markedNodes.includes(n.id));
    expect(view.minerals).toEqual([{ mineral: 'cobalt', delayGap: r.delayGap, recovered: r.recovered, delivered: r.delivered }]);
    expect(r.delayGap).toBeGreaterThan(0);
  });

  it('without the switch, flows keep their planned look', async () => {
    const edges = syncEdges([], b.edges, ctx);
    expect(edges.every((e) => e.data!.rerouted === undefined)).toBe(true);
  });

  it('node cards get the worst time to survive of the consumers that node feeds', async () => {
    const looks = nodeLooks(report);
    const tts = Math.min(...Object.values(report.minerals).flatMap((m) => Object.values(m.consumers).flatMap((c) => c.criticalNodes.filter((n) => n.node === 'mine').map((n) => Math.round(n.tts)))));
    expect(looks.get('mine')?.worstTts).toBe(tts);
  });
});
