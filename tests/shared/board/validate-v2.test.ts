/** validateBoard on the version 2 fields (scenario-analysis.md section 1): each one good and bad, with the path of each problem. */
import { describe, expect, it } from 'vitest';
import { formatProblems, validateBoard, type BoardProblem } from '../../../shared/board/validate';
import { everyV2Field as sampleV2 } from '../../utils/board-v2-sample';

function problemsOf(input: unknown): BoardProblem[] {
  const result = validateBoard(input);
  if (result.ok) throw new Error('expected the board to be rejected');
  return result.problems;
}

const pathsOf = (input: unknown): string[] => problemsOf(input).map((p) => p.path).sort();

function problemAt(input: unknown, path: string): BoardProblem {
  const found = problemsOf(input).find((p) => p.path === path);
  if (!found) throw new Error(`no problem at ${path}: ${formatProblems(problemsOf(input))}`);
  return found;
}

describe('validateBoard: version 2 boards', () => {
  it('accepts a board with every new field and returns it unchanged', () => {
    expect(validateBoard(sampleV2())).toStrictEqual({ ok: true, board: sampleV2() });
  });

  it('fills in empty expansions and price floors when a v2 scenario has none', () => {
    const input = sampleV2();
    delete input.scenario.expansions;
    delete input.scenario.priceFloors;
    const result = validateBoard(input);
    expect(result.ok && result.board.scenario.expansions).toStrictEqual([]);
    expect(result.ok && result.board.scenario.priceFloors).toStrictEqual([]);
  });

  it('keeps prices absent when the file has none, and an empty prices object as one', () => {
    const none = sampleV2();
    delete none.prices;
    const result = validateBoard(none);
    expect(result.ok && 'prices' in result.board).toBe(false);
    const empty = { ...sampleV2(), prices: {} };
    expect(validateBoard(empty)).toStrictEqual({ ok: true, board: empty });
  });

  it('still rejects unknown fields, with their path, in the new items too', () => {
    const input = sampleV2();
    input.scenario.expansions[0].year = 2027;
    input.scenario.priceFloors[0].currency = 'USD';
    input.edges[0].speed = 3;
    expect(pathsOf(input)).toEqual(['edges[0].speed', 'scenario.expansions[0].year', 'scenario.priceFloors[0].currency']);
    expect(problemAt(input, 'scenario.expansions[0].year').message).toBe('Unknown field "year": it is not part of the board format (version 2).');
  });
});

describe('validateBoard: node recoveryDays and kind manufacturer', () => {
  it('rejects a recoveryDays of 0, below 0 or not a number', () => {
    const input = sampleV2();
    input.nodes[0].recoveryDays = 0;
    input.nodes[1].recoveryDays = -3;
    input.nodes[2].recoveryDays = '90';
    expect(pathsOf(input)).toEqual(['nodes[0].recoveryDays', 'nodes[1].recoveryDays', 'nodes[2].recoveryDays']);
    expect(problemAt(input, 'nodes[0].recoveryDays').message).toBe('"recoveryDays" must be greater than 0, not 0.');
    expect(problemAt(input, 'nodes[2].recoveryDays').message).toBe('"recoveryDays" must be a finite number, not the text "90".');
  });

  it('names the kinds, manufacturer included, when a kind is unknown', () => {
    const input = sampleV2();
    input.nodes[2].kind = 'factory';
    expect(problemAt(input, 'nodes[2].kind').message).toContain('"manufacturer"');
  });
});

describe('validateBoard: edge capacity and delayDays', () => {
  it('rejects a negative or infinite capacity and a negative delayDays', () => {
    const input = sampleV2();
    input.edges[0].capacity = -1;
    input.edges[1].capacity = Number.POSITIVE_INFINITY;
    input.edges[2].delayDays = -12;
    expect(pathsOf(input)).toEqual(['edges[0].capacity', 'edges[1].capacity', 'edges[2].delayDays']);
    expect(problemAt(input, 'edges[0].capacity').message).toBe('"capacity" must be at least 0, not -1.');
    expect(problemAt(input, 'edges[2].delayDays').message).toBe('"delayDays" must be at least 0, not -12.');
  });

  it('rejects a per-mineral object as an edge capacity (an edge carries one mineral)', () => {
    const input = sampleV2();
    input.edges[0].capacity = { 'rare-earths-light': 10 };
    expect(problemAt(input, 'edges[0].capacity').message).toBe('"capacity" must be a finite number, not an object.');
  });
});

describe('validateBoard: prices', () => {
  it('rejects a bad mineral key, a negative price and prices that are not an object', () => {
    const input = sampleV2();
    input.prices = { Gallium: 5, cobalt: -1 };
    expect(pathsOf(input)).toEqual(['prices.Gallium', 'prices.cobalt']);
    expect(problemAt(input, 'prices.cobalt').message).toBe('"cobalt" must be at least 0, not -1.');
    expect(pathsOf({ ...sampleV2(), prices: 51 })).toEqual(['prices']);
  });
});

describe('validateBoard: export controls to some countries (`to`)', () => {
  it('rejects codes that are not ISO codes or XX, and a `to` that is not a list', () => {
    const input = sampleV2();
    input.scenario.disruptions[0].target.to = ['us', 'ZZ', 'XX'];
    input.scenario.disruptions[1].target.to = 'US';
    expect(pathsOf(input)).toEqual([
      'scenario.disruptions[0].target.to[0]',
      'scenario.disruptions[0].target.to[1]',
      'scenario.disruptions[1].target.to',
    ]);
    expect(problemAt(input, 'scenario.disruptions[1].target.to').message).toBe('"to" must be a list, not the text "US".');
  });

  it('rejects `to` on a target that is not an export control', () => {
    const input = sampleV2();
    delete input.scenario.disruptions[0].target.exportsOnly;
    input.scenario.disruptions[1].target.exportsOnly = false;
    expect(pathsOf(input)).toEqual(['scenario.disruptions[0].target.to', 'scenario.disruptions[1].target.to']);
    expect(problemAt(input, 'scenario.disruptions[0].target.to').message).toContain('add "exportsOnly": true');
  });

  it('rejects `to` on a node target as an unknown field', () => {
    const input = sampleV2();
    input.scenario.disruptions[0].target = { node: 'cn-mine', to: ['US'] };
    expect(problemsOf(input)).toEqual([
      { path: 'scenario.disruptions[0].target.to', message: 'Unknown field "to": it is not part of the board format (version 2).' },
    ]);
  });
});

describe('validateBoard: expansions', () => {
  it('rejects an expansion at a node that does not exist, and a repeated id', () => {
    const input = sampleV2();
    input.scenario.expansions.push({ id: 'x1', label: 'Again', enabled: false, node: 'ghost', capacity: {} });
    expect(pathsOf(input)).toEqual(['scenario.expansions[1].id', 'scenario.expansions[1].node']);
    expect(problemAt(input, 'scenario.expansions[1].node').message).toBe('Expansion "x1" adds capacity to node "ghost", which does not exist.');
    expect(problemAt(input, 'scenario.expansions[1].id').message).toContain('first at scenario.expansions[0]');
  });

  it('rejects a missing or negative capacity, a bad mineral and a missing enabled flag', () => {
    const input = sampleV2();
    input.scenario.expansions.push({ id: 'x2', label: 'No capacity', enabled: true, node: 'my-ref' });
    input.scenario.expansions[0].capacity = { 'rare-earths-heavy': -300, 'Rare Earths': 1 };
    delete input.scenario.expansions[0].enabled;
    expect(pathsOf(input)).toEqual([
      'scenario.expansions[0].capacity.rare-earths-heavy',
      'scenario.expansions[0].capacity["Rare Earths"]',
      'scenario.expansions[0].enabled',
      'scenario.expansions[1].capacity',
    ]);
    expect(problemAt(input, 'scenario.expansions[1].capacity').message).toBe('"capacity" is missing; it must be an object.');
  });

  it('rejects expansions that are not a list', () => {
    expect(pathsOf({ ...sampleV2(), scenario: { ...sampleV2().scenario, expansions: {} } })).toEqual(['scenario.expansions']);
  });
});

describe('validateBoard: price floors', () => {
  it('rejects an unknown stage, a floor of 0 and bad country lists', () => {
    const input = sampleV2();
    input.scenario.priceFloors[0].stage = 'smelting';
    input.scenario.priceFloors[1].floor = 0;
    input.scenario.priceFloors[1].countries = ['JP', 'ZZ'];
    input.scenario.priceFloors[2].excludeCountries = 'CN';
    expect(pathsOf(input)).toEqual([
      'scenario.priceFloors[0].stage',
      'scenario.priceFloors[1].countries[1]',
      'scenario.priceFloors[1].floor',
      'scenario.priceFloors[2].excludeCountries',
    ]);
    expect(problemAt(input, 'scenario.priceFloors[0].stage').message).toBe('"stage" must be one of "mining", "refining", "manufacturing", not the text "smelting".');
    expect(problemAt(input, 'scenario.priceFloors[1].floor').message).toBe('"floor" must be greater than 0, not 0.');
  });

  it('rejects a repeated id and a missing mineral', () => {
    const input = sampleV2();
    input.scenario.priceFloors[2].id = 'p1';
    delete input.scenario.priceFloors[1].mineral;
    expect(pathsOf(input)).toEqual(['scenario.priceFloors[1].mineral', 'scenario.priceFloors[2].id']);
    expect(problemAt(input, 'scenario.priceFloors[2].id').message).toBe('Price floor id "p1" is used more than once (first at scenario.priceFloors[0]).');
  });

  it('lets an expansion, a price floor and a lever share an id (each list has its own ids)', () => {
    const input = sampleV2();
    input.scenario.expansions[0].id = 'd1';
    input.scenario.priceFloors[0].id = 'd1';
    expect(validateBoard(input).ok).toBe(true);
  });
});

describe('validateBoard: a version 1 file that uses version 2 fields', () => {
  it('names each version 2 field and says to raise the version', () => {
    const input = { ...sampleV2(), version: 1 };
    expect(pathsOf(input)).toEqual([
      'edges[0].capacity',
      'edges[0].delayDays',
      'edges[2].capacity',
      'edges[2].delayDays',
      'nodes[0].recoveryDays',
      'nodes[2].kind',
      'nodes[2].recoveryDays',
      'prices',
      'scenario.disruptions[0].target.kinds[1]',
      'scenario.disruptions[0].target.to',
      'scenario.disruptions[1].target.to',
      'scenario.expansions',
      'scenario.priceFloors',
    ]);
    expect(problemAt(input, 'prices').message).toBe('"prices" is part of board format version 2, but this file says "version": 1; set "version" to 2 to use it.');
    expect(problemAt(input, 'nodes[2].kind').message).toMatch(/^The kind "manufacturer" is part of board format version 2/);
  });

  it('names an empty expansions list too: version 1 has no such field', () => {
    const input = { ...sampleV2(), version: 1, prices: undefined, nodes: [], edges: [], scenario: { name: 'x', disruptions: [], expansions: [] } };
    delete input.prices;
    expect(pathsOf(input)).toEqual(['scenario.expansions']);
  });
});
