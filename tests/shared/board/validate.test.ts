import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatProblems, validateBoard, type BoardProblem } from '../../../shared/board/validate';
import { boardArbitrary } from '../../utils/board-arbitrary';

/** A small valid version 1 board as a fresh plain object, to break one thing at a time. */
function sample(): any {
  return {
    format: 'lodestone.board',
    version: 1,
    title: 'Gallium corridor',
    nodes: [
      { id: 'cn-mine', kind: 'mine', label: 'Mine', country: 'CN', position: { x: 0, y: 0 } },
      { id: 'cn-ref', kind: 'refinery', label: 'Refinery', country: 'CN', position: { x: 100, y: 0 }, capacity: { gallium: 500 } },
      { id: 'eu', kind: 'consumer', label: 'EU industry', country: 'DE', position: { x: 200, y: 0 }, demand: { gallium: 100 } },
    ],
    edges: [
      { id: 'e1', from: 'cn-mine', to: 'cn-ref', mineral: 'gallium', volume: 100 },
      { id: 'e2', from: 'cn-ref', to: 'eu', mineral: 'gallium', volume: 90 },
    ],
    scenario: {
      name: 'Export ban',
      disruptions: [
        { id: 'd1', label: 'Ban', enabled: true, target: { country: 'CN', kinds: ['refinery'], exportsOnly: true }, minerals: ['gallium'], factor: 0, days: 180 },
      ],
    },
    notes: [{ id: 'n1', text: 'hello', position: { x: 5, y: 5 } }],
  };
}

function problemsOf(input: unknown): BoardProblem[] {
  const result = validateBoard(input);
  if (result.ok) throw new Error('expected the board to be rejected');
  return result.problems;
}

function pathsOf(input: unknown): string[] {
  return problemsOf(input).map((p) => p.path);
}

function problemAt(input: unknown, path: string): BoardProblem {
  const found = problemsOf(input).find((p) => p.path === path);
  if (!found) throw new Error(`no problem at ${path}: ${formatProblems(problemsOf(input))}`);
  return found;
}

/** What a v1 file reads as: version 2 with no expansions and no price floors. */
function asVersion2(v1: any): any {
  return { ...v1, version: 2, scenario: { ...v1.scenario, expansions: [], priceFloors: [] } };
}

describe('validateBoard: accepted boards', () => {
  it('reads the v1 sample as a version 2 board with none of the new fields', () => {
    const result = validateBoard(sample());
    expect(result).toStrictEqual({ ok: true, board: asVersion2(sample()) });
  });

  it('reads each seed board as version 2, equal to its file but for the version and the default lists', () => {
    const dir = join(__dirname, '../../../seeds');
    const seeds = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(seeds.length).toBeGreaterThanOrEqual(3);
    for (const file of seeds) {
      const raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      const result = validateBoard(raw);
      if (!result.ok) throw new Error(`${file}: ${formatProblems(result.problems)}`);
      expect(result.board, file).toStrictEqual({ ...raw, version: 2, scenario: { expansions: [], priceFloors: [], ...raw.scenario } });
    }
  });

  it('returns the same board for the v1 sample and for it written as version 2', () => {
    expect(validateBoard({ ...sample(), version: 2 })).toStrictEqual(validateBoard(sample()));
  });

  it('fills in the Baseline scenario and empty notes when they are absent', () => {
    const input = sample();
    delete input.scenario;
    delete input.notes;
    const result = validateBoard(input);
    expect(result.ok && result.board.scenario).toStrictEqual({ name: 'Baseline', disruptions: [], expansions: [], priceFloors: [] });
    expect(result.ok && result.board.notes).toEqual([]);
  });

  it('drops optional keys explicitly set to undefined', () => {
    const input = sample();
    input.nodes[0].lat = undefined;
    input.description = undefined;
    const result = validateBoard(input);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect('lat' in result.board.nodes[0]).toBe(false);
      expect('description' in result.board).toBe(false);
    }
  });

  it('accepts every generated valid board and returns an equal board', () => {
    fc.assert(
      fc.property(boardArbitrary(), (board) => {
        const result = validateBoard(board);
        if (!result.ok) throw new Error(formatProblems(result.problems));
        expect(result.board).toStrictEqual(board);
      }),
    );
  });
});

describe('validateBoard: problems name their path', () => {
  it('rejects a country that is not an ISO code', () => {
    const input = sample();
    input.nodes[1].country = 'ZZ';
    expect(problemAt(input, 'nodes[1].country').message).toContain('"ZZ"');
  });

  it('rejects a lower-case country code', () => {
    const input = sample();
    input.nodes[2].country = 'de';
    expect(pathsOf(input)).toEqual(['nodes[2].country']);
  });

  it('names the missing node of a dangling edge', () => {
    const input = sample();
    input.edges[0].to = 'ghost';
    const problem = problemAt(input, 'edges[0].to');
    expect(problem.message).toContain('"ghost"');
    expect(problem.message).toContain('"e1"');
  });

  it('reports a duplicate node id at the later item, naming the first', () => {
    const input = sample();
    input.nodes[2].id = 'cn-mine';
    input.edges[1].to = 'cn-mine';
    expect(pathsOf(input)).toEqual(['nodes[2].id']);
    expect(problemAt(input, 'nodes[2].id').message).toContain('nodes[0]');
  });

  it('reports duplicate ids among edges, disruptions and notes', () => {
    const input = sample();
    input.edges[1].id = 'e1';
    input.scenario.disruptions.push({ ...input.scenario.disruptions[0] });
    input.notes.push({ id: 'n1', text: '', position: { x: 0, y: 0 } });
    expect(pathsOf(input).sort()).toEqual(['edges[1].id', 'notes[1].id', 'scenario.disruptions[1].id']);
  });

  it('rejects a negative volume', () => {
    const input = sample();
    input.edges[1].volume = -5;
    expect(problemAt(input, 'edges[1].volume').message).toMatch(/at least 0.*-5/);
  });

  it('rejects a factor above 1', () => {
    const input = sample();
    input.scenario.disruptions[0].factor = 1.5;
    expect(problemAt(input, 'scenario.disruptions[0].factor').message).toContain('1.5');
  });

  it('rejects days of 0', () => {
    const input = sample();
    input.scenario.disruptions[0].days = 0;
    expect(problemAt(input, 'scenario.disruptions[0].days').message).toContain('greater than 0');
  });

  it('rejects a target that is two kinds at once', () => {
    const input = sample();
    input.scenario.disruptions[0].target = { node: 'cn-ref', edge: 'e1' };
    expect(pathsOf(input)).toEqual(['scenario.disruptions[0].target']);
    expect(problemAt(input, 'scenario.disruptions[0].target').message).toContain('exactly one of');
  });

  it('reports the inner field when a target has one clear shape', () => {
    const input = sample();
    input.scenario.disruptions[0].target = { country: 'ZZ', kinds: ['factory'] };
    expect(pathsOf(input).sort()).toEqual(['scenario.disruptions[0].target.country', 'scenario.disruptions[0].target.kinds[0]']);
  });

  it('rejects a target naming a node or edge that does not exist', () => {
    const input = sample();
    input.scenario.disruptions.push({ id: 'd2', label: 'x', enabled: true, target: { edge: 'nope' }, factor: 0, days: 1 });
    input.scenario.disruptions[0].target = { node: 'ghost' };
    expect(pathsOf(input)).toEqual(['scenario.disruptions[0].target.node', 'scenario.disruptions[1].target.edge']);
  });

  it('rejects unknown keys, one problem per key', () => {
    const input = sample();
    input.nodes[0].colour = 'red';
    input.extra = 1;
    expect(pathsOf(input).sort()).toEqual(['extra', 'nodes[0].colour']);
    expect(problemAt(input, 'nodes[0].colour').message).toContain('Unknown field "colour"');
  });

  it('rejects inputs that are not objects, without throwing', () => {
    for (const input of [null, undefined, 42, 'board', [], true]) {
      const problems = problemsOf(input);
      expect(problems).toHaveLength(1);
      expect(problems[0].path).toBe('');
      expect(problems[0].message).toMatch(/^The board must be an object/);
    }
  });

  it('rejects a wrong format and a wrong version', () => {
    const input = sample();
    input.format = 'excalidraw';
    input.version = 3;
    expect(pathsOf(input)).toEqual(['format', 'version']);
    expect(problemAt(input, 'format').message).toContain('"lodestone.board"');
    expect(problemAt(input, 'version').message).toBe('"version" must be one of 1, 2, not 3.');
  });

  it('says which required field is missing', () => {
    const input = sample();
    delete input.nodes[0].label;
    expect(problemAt(input, 'nodes[0].label').message).toBe('"label" is missing; it must be a string.');
  });

  it('rejects bad mineral keys and amounts', () => {
    const input = sample();
    input.nodes[1].capacity = { Gallium: 5, cobalt: -1 };
    input.edges[0].mineral = 'rare earths';
    expect(pathsOf(input).sort()).toEqual(['edges[0].mineral', 'nodes[1].capacity.Gallium', 'nodes[1].capacity.cobalt']);
  });

  it('rejects NaN, Infinity, out-of-range coordinates and over-long labels', () => {
    const input = sample();
    input.nodes[0].position.x = Number.NaN;
    input.nodes[0].position.y = Number.POSITIVE_INFINITY;
    input.nodes[0].lat = 91;
    input.nodes[1].label = 'x'.repeat(201);
    input.title = '';
    expect(pathsOf(input).sort()).toEqual(['nodes[0].lat', 'nodes[0].position.x', 'nodes[0].position.y', 'nodes[1].label', 'title']);
  });

  it('rejects text with a lone surrogate, which Yjs could not store', () => {
    const input = sample();
    input.notes[0].text = 'broken \ud800';
    expect(pathsOf(input)).toEqual(['notes[0].text']);
  });

  it('lists every problem when there are several, schema and references together', () => {
    const input = sample();
    input.nodes[1].country = 'ZZ';
    input.edges[0].to = 'ghost';
    input.edges[1].volume = -1;
    input.scenario.disruptions[0].factor = 1.5;
    input.scenario.disruptions[0].target = { node: 'cn-ref', edge: 'e1' };
    input.notes[0].id = 'bad id!';
    expect(pathsOf(input).sort()).toEqual(
      [
        'edges[0].to',
        'edges[1].volume',
        'nodes[1].country',
        'notes[0].id',
        'scenario.disruptions[0].factor',
        'scenario.disruptions[0].target',
      ].sort(),
    );
  });

  it('formats one line per problem', () => {
    const input = sample();
    input.nodes[1].country = 'ZZ';
    input.edges[0].to = 'ghost';
    const lines = formatProblems(problemsOf(input)).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^nodes\[1\]\.country: /);
    expect(formatProblems([{ path: '', message: 'x.' }])).toBe('(board): x.');
  });
});

describe('validateBoard: never throws', () => {
  const check = (value: unknown): void => {
    const result = validateBoard(value);
    if (result.ok) expect(typeof result.board.title).toBe('string');
    else {
      expect(result.problems.length).toBeGreaterThan(0);
      for (const p of result.problems) expect(typeof p.message).toBe('string');
    }
  };

  it('on any value', () => {
    fc.assert(fc.property(fc.anything({ withBigInt: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withSparseArray: true }), check));
  });

  it('on board-shaped objects with wrong insides', () => {
    const wrongBoard = fc.record({
      format: fc.anything(),
      version: fc.anything(),
      title: fc.anything(),
      nodes: fc.oneof(fc.anything(), fc.array(fc.anything())),
      edges: fc.oneof(fc.anything(), fc.array(fc.dictionary(fc.constantFrom('id', 'from', 'to', 'mineral', 'volume'), fc.anything()))),
      scenario: fc.record({ name: fc.anything(), disruptions: fc.array(fc.record({ id: fc.anything(), target: fc.anything() })) }),
      notes: fc.anything(),
    });
    fc.assert(fc.property(wrongBoard, check));
  });

  it('on valid boards with one field replaced by anything', () => {
    fc.assert(
      fc.property(boardArbitrary(4), fc.anything(), fc.nat(), (board, junk, pick) => {
        const copy: any = structuredClone(board);
        const { disruptions, expansions, priceFloors } = copy.scenario;
        const targets = [copy, ...copy.nodes, ...copy.edges, ...disruptions, ...expansions, ...priceFloors, ...copy.notes];
        const target = targets[pick % targets.length];
        const keys = Object.keys(target);
        target[keys[pick % keys.length]] = junk;
        check(copy);
      }),
    );
  });
});
