/** diffBoards on the version 2 fields: expansions, price floors, prices, and the new node, edge and target fields. */
import { describe, expect, it } from 'vitest';
import { diffBoards } from '../../../shared/board/diff';
import type { Board, Expansion, PriceFloor } from '../../../shared/board/types';
import { board, disruption, edge, node } from '../../utils/board-builder';

const expansion = (id: string, extra: Partial<Expansion> = {}): Expansion => ({ id, label: id, enabled: true, node: 'r', capacity: { cobalt: 10 }, ...extra });
const floor = (id: string, extra: Partial<PriceFloor> = {}): PriceFloor => ({ id, label: id, enabled: true, mineral: 'cobalt', stage: 'refining', floor: 30, ...extra });

/** A board with a refinery and a consumer, and the given expansions, floors and prices. */
function withScenario(expansions: Expansion[], priceFloors: PriceFloor[], prices?: Record<string, number>): Board {
  const b = board([node('r', 'refinery', 'FI'), node('c', 'consumer', 'DE')], [edge('e1', 'r', 'c', 'cobalt', 10)]);
  return { ...b, ...(prices ? { prices } : {}), scenario: { ...b.scenario, expansions, priceFloors } };
}

describe('diffBoards: version 2', () => {
  it('reports expansions added, removed and changed, with their capacity per mineral', () => {
    const from = withScenario([expansion('x1'), expansion('x2')], []);
    const to = withScenario([expansion('x1', { enabled: false, capacity: { cobalt: 10, nickel: 4 } }), expansion('x3')], []);
    const diff = diffBoards(from, to);
    expect(diff.expansions.added.map((x) => x.id)).toEqual(['x3']);
    expect(diff.expansions.removed.map((x) => x.id)).toEqual(['x2']);
    expect(diff.expansions.changed).toEqual([
      {
        id: 'x1', before: from.scenario.expansions[0], after: to.scenario.expansions[0],
        fields: [
          { field: 'enabled', before: true, after: false },
          { field: 'capacity.nickel', before: undefined, after: 4 },
        ],
      },
    ]);
    expect(diff.priceFloors).toEqual({ added: [], removed: [], changed: [] });
  });

  it('reports price floors changed field by field, country lists as whole values', () => {
    const from = withScenario([], [floor('p1', { excludeCountries: ['CN'] }), floor('p2')]);
    const to = withScenario([], [floor('p1', { floor: 110, stage: 'manufacturing', excludeCountries: ['CN', 'RU'], countries: ['JP'] })]);
    const diff = diffBoards(from, to);
    expect(diff.priceFloors.removed.map((p) => p.id)).toEqual(['p2']);
    expect(diff.priceFloors.changed[0].fields).toEqual([
      { field: 'stage', before: 'refining', after: 'manufacturing' },
      { field: 'floor', before: 30, after: 110 },
      { field: 'countries', before: undefined, after: ['JP'] },
      { field: 'excludeCountries', before: ['CN'], after: ['CN', 'RU'] },
    ]);
  });

  it('reports price changes per mineral under meta, and none between no prices and empty prices', () => {
    const diff = diffBoards(withScenario([], [], { cobalt: 30, gallium: 0 }), withScenario([], [], { cobalt: 33, lithium: 12 }));
    expect(diff.meta).toEqual([
      { field: 'prices.cobalt', before: 30, after: 33 },
      { field: 'prices.gallium', before: 0, after: undefined },
      { field: 'prices.lithium', before: undefined, after: 12 },
    ]);
    expect(diffBoards(withScenario([], []), withScenario([], [], {})).meta).toEqual([]);
    expect(diffBoards(withScenario([], []), withScenario([], [], { cobalt: 0 })).meta).toEqual([{ field: 'prices.cobalt', before: undefined, after: 0 }]);
  });

  it('reports recoveryDays, kind manufacturer, edge capacity and delayDays, and a lever target `to`', () => {
    const from = board([node('r', 'refinery', 'FI'), node('m', 'refinery', 'JP')], [edge('e1', 'r', 'm', 'cobalt', 0)], [disruption('d1', { country: 'FI', exportsOnly: true }, 0, 30)]);
    const to = board(
      [node('r', 'refinery', 'FI', { recoveryDays: 90 }), node('m', 'manufacturer', 'JP')],
      [{ ...edge('e1', 'r', 'm', 'cobalt', 0), capacity: 40, delayDays: 12 }],
      [disruption('d1', { country: 'FI', exportsOnly: true, to: ['JP'] }, 0, 30)],
    );
    const diff = diffBoards(from, to);
    expect(diff.nodes.changed.map((c) => [c.id, c.fields])).toEqual([
      ['m', [{ field: 'kind', before: 'refinery', after: 'manufacturer' }]],
      ['r', [{ field: 'recoveryDays', before: undefined, after: 90 }]],
    ]);
    expect(diff.edges.changed[0].fields).toEqual([
      { field: 'capacity', before: undefined, after: 40 },
      { field: 'delayDays', before: undefined, after: 12 },
    ]);
    expect(diff.levers.changed[0].fields).toEqual([{ field: 'target.to', before: undefined, after: ['JP'] }]);
  });

  it('compares a board stored before version 2 (no lists) as one with empty lists', () => {
    const now = withScenario([expansion('x1')], [floor('p1')]);
    const { expansions: _x, priceFloors: _p, ...oldScenario } = now.scenario;
    const old = { ...now, version: 1, scenario: oldScenario } as unknown as Board;
    const diff = diffBoards(old, now);
    expect(diff.expansions.added.map((x) => x.id)).toEqual(['x1']);
    expect(diff.priceFloors.added.map((p) => p.id)).toEqual(['p1']);
    expect(diffBoards(now, old).expansions.removed.map((x) => x.id)).toEqual(['x1']);
  });
});
