/** DiffList shows changes of the version 2 lists: expansions, price floors and prices are never "No differences". */
import { screen, within } from '@testing-library/react';
import { renderIn } from '../../utils/intl';
import { describe, expect, it } from 'vitest';
import { DiffList } from '../../../client/compare/DiffList';
import { diffBoards } from '../../../shared/board/diff';
import type { Board } from '../../../shared/board/types';
import { board, edge, node } from '../../utils/board-builder';

const base = board([node('fi', 'refinery', 'FI'), node('eu', 'consumer', 'IT')], [edge('e1', 'fi', 'eu', 'cobalt', 10)]);
const scenario = (patch: Partial<Board['scenario']>): Board => ({ ...base, scenario: { ...base.scenario, ...patch } });

describe('DiffList, version 2', () => {
  it('lists an added expansion and a changed price floor', async () => {
    const floor = { id: 'p1', label: 'Cobalt floor', enabled: true, mineral: 'cobalt', stage: 'refining' as const, floor: 30 };
    const from = scenario({ priceFloors: [floor] });
    const to = scenario({
      expansions: [{ id: 'x1', label: 'Kokkola upgrade', enabled: true, node: 'fi', capacity: { cobalt: 20 } }],
      priceFloors: [{ ...floor, floor: 40 }],
    });
    await renderIn(<DiffList diff={diffBoards(from, to)} />);
    expect(screen.queryByTestId('diff-empty')).toBeNull();
    expect(within(screen.getByRole('region', { name: 'Expansions' })).getByTestId('diff-expansion-x1').textContent).toContain('Kokkola upgrade');
    const changed = within(screen.getByRole('region', { name: 'Price floors' })).getByTestId('diff-price-floor-p1');
    expect(changed.getAttribute('data-change')).toBe('changed');
    expect(changed.querySelector('[data-field="floor"]')?.getAttribute('data-after')).toBe('40');
  });

  it('shows a price change under Board', async () => {
    await renderIn(<DiffList diff={diffBoards(base, { ...base, prices: { cobalt: 33 } })} />);
    expect(within(screen.getByRole('region', { name: 'Board' })).getByText(/prices\.cobalt|cobalt/)).toBeTruthy();
  });
});
