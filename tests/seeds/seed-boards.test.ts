import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateBoard } from '../../shared/board/validate';
import { computeExposure } from '../../shared/exposure/engine';
import { TEMPLATES } from '../../server/boards/templates';
import { withEnabled, type SeedBoard } from '../utils/seed-scenarios';

const SEEDS = join(__dirname, '../../seeds');
const files = readdirSync(SEEDS).filter((f) => f.endsWith('.json'));
const load = (file: string) => JSON.parse(readFileSync(join(SEEDS, file), 'utf8')) as unknown;

const totalShortfall = (board: SeedBoard) =>
  Object.values(computeExposure(board).minerals)
    .flatMap((m) => Object.values(m.consumers))
    .reduce((sum, c) => sum + c.shortfall, 0);

describe('seed boards', () => {
  it('are the five workshop templates the server offers', () => {
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(TEMPLATES.filter((t) => t !== 'blank').sort());
  });

  it('never give one consumer id two different demands on two boards (slices get their own ids)', () => {
    const demands = new Map<string, { file: string; demand: string }>();
    for (const file of files) {
      const board = load(file) as SeedBoard;
      for (const node of board.nodes.filter((n) => n.kind === 'consumer')) {
        const demand = JSON.stringify(node.demand ?? {});
        const seen = demands.get(node.id);
        if (seen) expect(demand, `${node.id} on ${seen.file} and ${file}`).toBe(seen.demand);
        demands.set(node.id, { file, demand });
      }
    }
  });

  for (const file of files) {
    describe(file, () => {
      const result = validateBoard(load(file));
      const board = (result.ok ? result.board : load(file)) as SeedBoard;
      const levers = [...board.scenario.disruptions, ...(board.scenario.expansions ?? []), ...(board.scenario.priceFloors ?? [])];

      it('validates as a version 2 board', () => {
        expect(result.ok ? [] : result.problems).toEqual([]);
        expect((board as { version: number }).version).toBe(2);
      });

      it('has at least 15 placed nodes, 2 minerals, demanding consumers, a stocked stockpile and 3 levers, all off', () => {
        expect(board.nodes.length).toBeGreaterThanOrEqual(15);
        for (const node of board.nodes) expect([typeof node.lat, typeof node.lon], node.id).toEqual(['number', 'number']);
        expect(new Set(board.edges.map((e) => e.mineral)).size).toBeGreaterThanOrEqual(2);
        expect(board.nodes.some((n) => n.kind === 'consumer' && Object.values(n.demand ?? {}).some((d) => d > 0))).toBe(true);
        expect(board.nodes.some((n) => n.kind === 'stockpile' && Object.values(n.stock ?? {}).some((s) => s > 0))).toBe(true);
        expect(board.scenario.disruptions.length).toBeGreaterThanOrEqual(3);
        expect(levers.filter((l) => l.enabled).map((l) => l.id)).toEqual([]);
      });

      it('prices every mineral it carries and says on the canvas which year it shows, that consumers are slices and stores designs', () => {
        for (const mineral of new Set(board.edges.map((e) => e.mineral))) expect(board.prices?.[mineral], mineral).toBeGreaterThan(0);
        const notes = board.notes.map((n) => n.text).join('\n');
        expect(notes).toMatch(/Year: .*20\d\d/);
        expect(notes).toMatch(/slices are slices/i);
        expect(notes).toMatch(/designs?|proposal|proposed/i);
      });

      it('lets every plant, port and route pass on what it receives (flows are contained metal or oxide; no process loss that rerouting would find again)', () => {
        const passesOn = board.nodes.filter((n) => !['mine', 'recycler', 'consumer', 'stockpile'].includes(n.kind));
        for (const mineral of new Set(board.edges.map((e) => e.mineral))) {
          const sum = (pick: (e: SeedBoard['edges'][number]) => boolean) => board.edges.filter((e) => e.mineral === mineral && pick(e)).reduce((t, e) => t + e.volume, 0);
          for (const node of passesOn) expect(sum((e) => e.to === node.id), `${mineral}/${node.id}`).toBeCloseTo(sum((e) => e.from === node.id), 9);
        }
      });

      it('gives no spare capacity to the export edges of a partial export lever (rerouting could otherwise outrun the lever round another route)', () => {
        const byId = new Map(board.nodes.map((n) => [n.id, n]));
        for (const lever of board.scenario.disruptions) {
          const target = lever.target;
          if (!('country' in target) || !target.exportsOnly || lever.factor <= 0 || lever.factor >= 1) continue;
          const exports = board.edges.filter((e) => byId.get(e.from)!.country === target.country && byId.get(e.to)!.country !== target.country && (!lever.minerals || lever.minerals.includes(e.mineral)));
          for (const edge of exports) expect(edge.capacity ?? edge.volume, `${lever.id}: ${edge.id}`).toBeLessThanOrEqual(edge.volume);
        }
      });

      it('computes with no warnings at baseline, and reports every consumer under the minerals it demands', () => {
        const report = computeExposure(board);
        expect(report.warnings).toEqual([]);
        for (const node of board.nodes.filter((n) => n.kind === 'consumer')) {
          for (const mineral of Object.keys(node.demand ?? {})) expect(report.minerals[mineral].consumers[node.id], `${mineral}/${node.id}`).toBeDefined();
        }
      });

      it('computes with no warnings with each lever, expansion and price floor alone, and each disruption cuts some supply', () => {
        for (const lever of levers) expect(computeExposure(withEnabled(board, [lever.id])).warnings, lever.id).toEqual([]);
        for (const lever of board.scenario.disruptions) expect(totalShortfall(withEnabled(board, [lever.id])), lever.id).toBeGreaterThan(0);
      });

      it('computes with no warnings with every lever, expansion and price floor on', () => {
        expect(computeExposure(withEnabled(board, levers.map((l) => l.id))).warnings).toEqual([]);
      });
    });
  }
});
