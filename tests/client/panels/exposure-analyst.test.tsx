import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { routeShares } from '../../../client/panels/exposure/route-shares';
import { summarise } from '../../../client/panels/exposure/SummaryStrip';
import { ExposurePanel } from '../../../client/panels/ExposurePanel';
import type { Board } from '../../../shared/board/types';
import { computeExposure } from '../../../shared/exposure/engine';
import { board, disruption, edge, node } from '../../utils/board-builder';
import { renderIn } from '../../utils/intl';

// Kolwezi ore goes to Italy through Suez; the Cape is an alternative route with room for 60 t/yr, 12 days longer.
// Suez closes for 90 days. Germany wants 2,500 t/yr and is sent nothing.
const sample: Board = board(
  [
    node('mine', 'mine', 'CD', { label: 'Kolwezi', capacity: { cobalt: 200 } }),
    node('suez', 'transport', 'EG', { label: 'Suez' }),
    node('cape', 'transport', 'ZA', { label: 'Cape route', capacity: { cobalt: 60 } }),
    node('store', 'stockpile', 'IT', { label: 'Italian store', stock: { cobalt: 5 } }),
    node('it', 'consumer', 'IT', { label: 'Italian industry', demand: { cobalt: 100 } }),
    node('de', 'consumer', 'DE', { label: 'German plants', demand: { cobalt: 2500 } }),
  ],
  [
    edge('m-s', 'mine', 'suez', 'cobalt', 100),
    edge('s-it', 'suez', 'it', 'cobalt', 100),
    { ...edge('m-c', 'mine', 'cape', 'cobalt', 0), capacity: 60, delayDays: 12 },
    { ...edge('c-it', 'cape', 'it', 'cobalt', 0), capacity: 60 },
    edge('k', 'store', 'it', 'cobalt', 0),
  ],
  [disruption('suez-shut', { node: 'suez' }, 0, 90, { label: 'Suez closed' })],
);
const report = computeExposure(sample);
const it_ = report.minerals.cobalt.consumers.it;
const rerouted = report.minerals.cobalt.reroute!.consumers.it;
const value = (el: Element, field: string) => el.querySelector(`[data-field="${field}"]`)?.getAttribute('data-value');

describe('Exposure panel: the analyst\'s view', () => {
  it('the sample board: rerouting through the Cape recovers part of the shortfall', async () => {
    expect(it_.shortfall).toBe(100);
    expect(rerouted.shortfall).toBeGreaterThan(0);
    expect(rerouted.shortfall).toBeLessThan(it_.shortfall);
  });

  it('a summary strip comes first: consumers, shortfall, demand gap, survive count, shortfall after rerouting', async () => {
    await renderIn(<ExposurePanel exposure={{ report, computeMs: 1 }} board={sample} onSelectNode={vi.fn()} />);
    const strip = screen.getByTestId('exposure-summary');
    const s = summarise(report);
    expect(value(strip, 'summary-consumers')).toBe('2');
    expect(value(strip, 'summary-shortfall')).toBe(JSON.stringify(s.shortfall));
    expect(value(strip, 'summary-demandGap')).toBe(JSON.stringify(it_.demandGap + report.minerals.cobalt.consumers.de.demandGap));
    expect(value(strip, 'summary-survive')).toBe(JSON.stringify(s.survive));
    expect(value(strip, 'summary-reroutedShortfall')).toBe(JSON.stringify(rerouted.shortfall));
    expect(strip.compareDocumentPosition(screen.getByTestId('exposure-cobalt-it')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('a consumer that wants 2,500 t/yr and receives nothing shows its demand gap, not "covered"', async () => {
    await renderIn(<ExposurePanel exposure={{ report, computeMs: 1 }} board={sample} onSelectNode={vi.fn()} />);
    const card = screen.getByTestId('exposure-cobalt-de');
    expect(value(card, 'demandGap')).toBe('2500');
    expect(card.querySelector('[data-field="survives"]')?.textContent).toBe('short of demand');
    expect(card.textContent).toMatch(/Short of demand: nothing planned is cut, but the plan delivers less than this consumer needs\./);
    expect(card.textContent).not.toMatch(/covered|no shortfall/);
  });

  it('explains the verdict in one line', async () => {
    await renderIn(<ExposurePanel exposure={{ report, computeMs: 1 }} board={sample} onSelectNode={vi.fn()} />);
    const card = screen.getByTestId('exposure-cobalt-it');
    expect(card.querySelector('.verdict-explain')?.textContent).toMatch(/^Does not survive: its stock runs out before the disruption ends\.$/);
  });

  it('shows the immediate figures beside the adapted ones, exactly as the engine computes them', async () => {
    await renderIn(<ExposurePanel exposure={{ report, computeMs: 1 }} board={sample} onSelectNode={vi.fn()} />);
    const card = screen.getByTestId('exposure-cobalt-it');
    expect(value(card, 'reroutedDelivered')).toBe(JSON.stringify(rerouted.delivered));
    expect(value(card, 'reroutedShortfall')).toBe(JSON.stringify(rerouted.shortfall));
    expect(value(card, 'reroutedStockDays')).toBe(JSON.stringify(rerouted.stockDays));
    expect(value(card, 'reroutedSurvives')).toBe(JSON.stringify(rerouted.survives));
    expect(value(card, 'reroutedStockNeeded')).toBe(JSON.stringify(rerouted.stockNeeded));
    expect(value(card, 'stockNeeded')).toBe(JSON.stringify(it_.stockNeeded));
    expect(card.querySelector('.adapted-table')?.getAttribute('data-pending')).toBe('false');
  });

  it('marks the adapted figures while they are recomputed', async () => {
    await renderIn(<ExposurePanel exposure={{ report, computeMs: 1, adaptedPending: true }} board={sample} onSelectNode={vi.fn()} />);
    const card = screen.getByTestId('exposure-cobalt-it');
    expect(card.querySelector('.adapted-table')?.getAttribute('data-pending')).toBe('true');
    expect(within(card).getByRole('status').textContent).toMatch(/updating/);
  });

  it('routes under the scenario are the shares of delivered material after rerouting: all through the Cape', async () => {
    expect(routeShares(sample, 'cobalt', report.minerals.cobalt.reroute!.flows, 'it')).toEqual({ cape: 1 });
    await renderIn(<ExposurePanel exposure={{ report, computeMs: 1 }} board={sample} onSelectNode={vi.fn()} />);
    const card = screen.getByTestId('exposure-cobalt-it');
    expect(within(card).getByTestId('routes-planned').textContent).toBe('Suez 100%');
    expect(within(card).getByTestId('routes-scenario').textContent).toBe('Cape route 100%');
  });

  it('route shares mix in proportion to inflows', async () => {
    const flows = { 'm-s': 30, 's-it': 30, 'm-c': 10, 'c-it': 10 };
    expect(routeShares(sample, 'cobalt', flows, 'it')).toEqual({ suez: 0.75, cape: 0.25 });
  });

  it('cards are collapsible; the most exposed is open first', async () => {
    await renderIn(<ExposurePanel exposure={{ report, computeMs: 1 }} board={sample} onSelectNode={vi.fn()} />);
    const first = screen.getByTestId('exposure-cobalt-it').querySelector('details')!;
    const second = screen.getByTestId('exposure-cobalt-de').querySelector('details')!;
    expect(first.open).toBe(true);
    expect(second.open).toBe(false);
    fireEvent.click(second.querySelector('summary')!);
  });
});
