import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateBoard } from '../../shared/board/validate';
import { computeExposure } from '../../shared/exposure/engine';

const SEEDS = join(__dirname, '../../seeds');
const files = readdirSync(SEEDS).filter((f) => f.endsWith('.json'));
const load = (file: string) => JSON.parse(readFileSync(join(SEEDS, file), 'utf8')) as unknown;

describe('seed boards', () => {
  it('are the three workshop templates', () => {
    expect(files.sort()).toEqual(['africa-corridors.json', 'allied-refiners.json', 'arctic.json']);
  });

  for (const file of files) {
    describe(file, () => {
      const result = validateBoard(load(file));
      const board = result.ok ? result.board : null;

      it('validates as a v1 board', () => {
        expect(result.ok ? [] : result.problems).toEqual([]);
      });

      it('has at least 15 nodes, 2 minerals, consumers with demand, a stocked stockpile and 3 disabled levers', () => {
        expect(board!.nodes.length).toBeGreaterThanOrEqual(15);
        expect(new Set(board!.edges.map((e) => e.mineral)).size).toBeGreaterThanOrEqual(2);
        expect(board!.nodes.some((n) => n.kind === 'consumer' && Object.values(n.demand ?? {}).some((d) => d > 0))).toBe(true);
        expect(board!.nodes.some((n) => n.kind === 'stockpile' && Object.values(n.stock ?? {}).some((s) => s > 0))).toBe(true);
        expect(board!.scenario.disruptions.length).toBeGreaterThanOrEqual(3);
        expect(board!.scenario.disruptions.every((d) => !d.enabled)).toBe(true);
      });

      it('computes with no warnings, and reports every consumer under the minerals it demands', () => {
        const report = computeExposure(board);
        expect(report.warnings).toEqual([]);
        for (const node of board!.nodes.filter((n) => n.kind === 'consumer')) {
          for (const mineral of Object.keys(node.demand ?? {})) expect(report.minerals[mineral].consumers[node.id]).toBeDefined();
        }
      });

      it('computes with no warnings with each lever pulled alone, and each lever cuts some supply', () => {
        for (const lever of board!.scenario.disruptions) {
          const pulled = { ...board!, scenario: { ...board!.scenario, disruptions: [{ ...lever, enabled: true }] } };
          const report = computeExposure(pulled);
          expect(report.warnings).toEqual([]);
          const shortfall = Object.values(report.minerals).flatMap((m) => Object.values(m.consumers)).reduce((sum, c) => sum + c.shortfall, 0);
          expect(shortfall, lever.id).toBeGreaterThan(0);
        }
      });
    });
  }
});
