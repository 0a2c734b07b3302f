import { readFileSync } from 'node:fs';
import { screen } from '@testing-library/react';
import { renderIn } from '../../utils/intl';
import { describe, expect, it } from 'vitest';
import { CompareView } from '../../../client/compare/CompareView';
import { compareBoards } from '../../../shared/board/diff';
import type { Board } from '../../../shared/board/types';

const before = JSON.parse(readFileSync('seeds/rare-earth-magnets.json', 'utf8')) as Board;
const after: Board = {
  ...before,
  scenario: {
    ...before.scenario,
    disruptions: before.scenario.disruptions.map((d, i) => ({ ...d, enabled: i === 0 })),
    priceFloors: before.scenario.priceFloors.map((f) => ({ ...f, enabled: true })),
  },
};
const comparison = { from: 's1', to: 'live', ...compareBoards(before, after) };

describe('Compare: the v2 deltas', () => {
  it('shows per mineral the moves of the rerouted shortfall, stockpile sizing and delay gap, and the floors\' costs, as the engine computes them', async () => {
    await renderIn(<CompareView comparison={comparison} fromLabel="Baseline" toLabel="Live board" />);
    const table = screen.getByTestId('mineral-deltas');
    for (const m of comparison.minerals) {
      for (const key of ['reroutedShortfall', 'stockpileGap', 'pooledStock', 'separateStock', 'delayGap'] as const) {
        const cell = table.querySelector(`tr[data-mineral="${m.mineral}"][data-figure="${key}"] [data-field="${key}-delta"]`);
        expect(cell?.getAttribute('data-value'), `${m.mineral} ${key}`).toBe(JSON.stringify(m.delta[key]));
      }
    }
    expect(comparison.minerals.some((m) => m.delta.reroutedShortfall !== 0 || m.delta.stockpileGap !== 0)).toBe(true);
    expect(comparison.priceFloors.length).toBe(2);
    for (const f of comparison.priceFloors) {
      expect(table.querySelector(`tr[data-floor="${f.id}"] [data-field="floor-cost-delta"]`)?.getAttribute('data-value')).toBe(JSON.stringify(f.delta));
    }
  });
});
