import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printableReport } from '../../../client/export/report';
import { intlIn } from '../../utils/intl';
import type { Board } from '../../../shared/board/types';
import { computeExposure } from '../../../shared/exposure/engine';

const seed = JSON.parse(readFileSync('seeds/rare-earth-magnets.json', 'utf8')) as Board;
const board: Board = {
  ...seed,
  scenario: { ...seed.scenario, disruptions: seed.scenario.disruptions.map((d, i) => ({ ...d, enabled: i === 0 })), priceFloors: seed.scenario.priceFloors.map((f) => ({ ...f, enabled: true })) },
};
const exposure = computeExposure(board);
const doc = new DOMParser().parseFromString(printableReport(await intlIn('en'), { title: 'Report', board, exposure }), 'text/html');

describe('Printable report: the v2 results', () => {
  it('lists each consumer\'s demand gap, stock needed and rerouted figures as the engine computed them', () => {
    for (const [mineral, m] of Object.entries(exposure.minerals)) {
      const section = doc.querySelector(`section.mineral[data-mineral="${mineral}"]`)!;
      for (const [id, c] of Object.entries(m.consumers)) {
        const row = [...section.querySelectorAll(`tr[data-consumer="${id}"]`)].find((r) => r.querySelector('[data-field="demandGap"]'))!;
        expect(row.querySelector('[data-field="demandGap"]')?.getAttribute('data-value')).toBe(JSON.stringify(c.demandGap));
        expect(row.querySelector('[data-field="stockNeeded"]')?.getAttribute('data-value')).toBe(JSON.stringify(c.stockNeeded));
        expect(row.querySelector('[data-field="reroutedShortfall"]')?.getAttribute('data-value')).toBe(JSON.stringify(m.reroute!.consumers[id].shortfall));
      }
      expect(section.querySelector('[data-field="pooledStock"]')?.getAttribute('data-value')).toBe(JSON.stringify(m.stressTest!.pooledStock));
      expect(section.querySelector('.crma')?.textContent).toMatch(/processing .* \((met|not met)\)/);
    }
  });

  it('lists each enabled price floor with its cost', () => {
    expect(exposure.priceFloors.length).toBe(2);
    for (const f of exposure.priceFloors) {
      const row = doc.querySelector(`tr[data-floor="${f.id}"]`)!;
      expect(row.querySelector('[data-field="floor-cost"]')?.getAttribute('data-value')).toBe(JSON.stringify(f.annualCost));
    }
  });
});
