import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ExposurePanel } from '../../../client/panels/ExposurePanel';
import { computeExposure } from '../../../shared/exposure/engine';
import { board, disruption, edge, node } from '../../utils/board-builder';
import { renderIn } from '../../utils/intl';

// DRC ore refined 80/20 in China and Finland, shipped via Suez to Italy; China stops 70 % of its refinery exports for 180 days.
const sample = board(
  [
    node('cd-mine', 'mine', 'CD', { label: 'Kolwezi belt' }),
    node('cn-ref', 'refinery', 'CN', { label: 'Chinese refiners' }),
    node('fi-ref', 'refinery', 'FI', { label: 'Kokkola' }),
    node('suez', 'transport', 'EG', { label: 'Suez' }),
    node('store', 'stockpile', 'IT', { label: 'Italian store', stock: { cobalt: 7 } }),
    node('eu', 'consumer', 'IT', { label: 'Italian industry', demand: { cobalt: 110 } }),
    node('us', 'consumer', 'US', { label: 'US magnets', demand: { gallium: 5 } }),
  ],
  [
    edge('m1', 'cd-mine', 'cn-ref', 'cobalt', 80),
    edge('m2', 'cd-mine', 'fi-ref', 'cobalt', 20),
    edge('r1', 'cn-ref', 'suez', 'cobalt', 80),
    edge('r2', 'fi-ref', 'eu', 'cobalt', 20),
    edge('s1', 'suez', 'eu', 'cobalt', 80),
    edge('k1', 'store', 'eu', 'cobalt', 0),
  ],
  [disruption('ban', { country: 'CN', kinds: ['refinery'], exportsOnly: true }, 0.3, 180, { label: 'China export stop', minerals: ['cobalt'] })],
);
const report = computeExposure(sample);
const eu = report.minerals.cobalt.consumers.eu;

const value = (block: HTMLElement, field: string) => block.querySelector(`[data-field="${field}"]`)?.getAttribute('data-value');
const text = (block: HTMLElement, field: string) => block.querySelector(`[data-field="${field}"]`)?.textContent;

describe('ExposurePanel', () => {
  it('the hand-made board has a shortfall that stock does not cover', async () => {
    expect(eu.shortfall).toBeGreaterThan(0);
    expect(eu.survives).toBe(false);
    expect(eu.benchmark65.refining).toBe(true);
  });

  it('shows the consumer\'s key figures exactly as in the report', async () => {
    await renderIn(<ExposurePanel exposure={{ report, computeMs: 3.25 }} board={sample} onSelectNode={vi.fn()} />);
    const block = screen.getByTestId('exposure-cobalt-eu');
    for (const field of ['delivered', 'supplied', 'demand', 'shortfall', 'shortfallPct', 'stockDays', 'disruptionDays', 'survives', 'secondaryShare'] as const) {
      expect(value(block, field), field).toBe(JSON.stringify(eu[field]));
      expect(JSON.parse(value(block, field)!)).toBe(eu[field]);
    }
    expect(value(block, 'hhi-mining')).toBe(JSON.stringify(eu.stages.mining.hhi));
    expect(value(block, 'hhi-refining')).toBe(JSON.stringify(eu.stages.refining.hhi));
    expect(text(block, 'delivered')).toBe('44 t/yr');
    expect(text(block, 'shortfall')).toBe('56 t/yr');
    expect(text(block, 'shortfallPct')).toBe('56%');
    expect(text(block, 'disruptionDays')).toBe('180 days');
    expect(text(block, 'stockDays')).toBe(`${Math.round(eu.stockDays!)} days`);
    expect(text(block, 'survives')).toBe('does not survive');
    expect(within(block).getByText('Italian industry', { exact: false })).toBeTruthy();
  });

  it('flags the EU 65 % benchmark and high concentration', async () => {
    await renderIn(<ExposurePanel exposure={{ report, computeMs: 3.25 }} board={sample} onSelectNode={vi.fn()} />);
    const block = screen.getByTestId('exposure-cobalt-eu');
    // The origin bars load with the charting library on first use.
    await waitFor(() => expect(block.querySelector('[data-stage="refining"]')).not.toBeNull(), { timeout: 15_000 });
    expect(value(block, 'benchmark-refining')).toBe('true');
    expect(text(block, 'benchmark-refining')).toMatch(/over the EU 65% benchmark: CN 80%/);
    expect(text(block, 'hhi-refining')).toBe('6,800');
    expect(within(block).getAllByText(/highly concentrated/).length).toBe(2);
    // The origin bars load with the charting library on first use.
    await waitFor(() => expect(block.querySelector('[data-stage="refining"] [data-country="CN"]')?.getAttribute('data-share')).toBe('0.8'), { timeout: 15_000 });
  });

  it('draws the origin shares as stacked recharts bars coloured by country', async () => {
    await renderIn(<ExposurePanel exposure={{ report, computeMs: 1 }} board={sample} onSelectNode={vi.fn()} />);
    const block = screen.getByTestId('exposure-cobalt-eu');
    await waitFor(() => expect(block.querySelectorAll('.recharts-rectangle').length).toBeGreaterThan(0), { timeout: 15_000 });
    const segments = [...block.querySelectorAll('.recharts-rectangle')].map((r) => r.getAttribute('name'));
    expect(segments.sort()).toEqual(['CD', 'CN', 'FI']);
    expect(block.querySelector('.recharts-rectangle[name="CN"]')?.getAttribute('fill')).toBe('#d62728');
  });

  it('lists routes by transport node label', async () => {
    await renderIn(<ExposurePanel exposure={{ report, computeMs: 1 }} board={sample} onSelectNode={vi.fn()} />);
    expect(within(screen.getByTestId('exposure-cobalt-eu')).getByText(/Suez 80%/)).toBeTruthy();
  });

  it('selects a critical node when it is clicked', async () => {
    const onSelectNode = vi.fn();
    await renderIn(<ExposurePanel exposure={{ report, computeMs: 1 }} board={sample} onSelectNode={onSelectNode} />);
    const list = screen.getByRole('region', { name: 'Critical nodes for cobalt' });
    const first = report.minerals.cobalt.criticalNodes[0];
    expect(first.node).toBe('cd-mine');
    fireEvent.click(within(list).getByRole('button', { name: /Chinese refiners/ }));
    expect(onSelectNode).toHaveBeenCalledWith('cn-ref');
    expect(within(list).getAllByRole('button')[0].getAttribute('data-node')).toBe('cd-mine');
  });

  it('switches mineral with tabs and shows consumers without supply', async () => {
    await renderIn(<ExposurePanel exposure={{ report, computeMs: 1 }} board={sample} onSelectNode={vi.fn()} />);
    fireEvent.click(screen.getByRole('tab', { name: /gallium/ }));
    const block = screen.getByTestId('exposure-gallium-us');
    expect(value(block, 'supplied')).toBe('0');
    // It wants 5 t/yr and receives nothing: not "no shortfall" (#16 point 3).
    expect(text(block, 'survives')).toBe('short of demand');
    expect(value(block, 'demandGap')).toBe('5');
    expect(value(block, 'stockDays')).toBe('null');
    expect(screen.queryByTestId('exposure-cobalt-eu')).toBeNull();
  });

  it('shows a neutral loading state before the first report', async () => {
    await renderIn(<ExposurePanel exposure={{ report: null, computeMs: 0 }} board={sample} onSelectNode={vi.fn()} />);
    expect(screen.getByRole('status').textContent).toMatch(/Computing exposure/);
  });

  it('says so when the board has no consumers', async () => {
    const empty = board([], []);
    await renderIn(<ExposurePanel exposure={{ report: computeExposure(empty), computeMs: 0.4 }} board={empty} onSelectNode={vi.fn()} />);
    expect(screen.getByText(/No consumers yet/)).toBeTruthy();
    expect(screen.getByText(/computed in/).textContent).toBe('computed in 0.4 ms');
  });
});
