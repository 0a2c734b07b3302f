/** mergeCsvIntoBoard (cross-row rules, upsert, placement) and exposureToCsv (numbers equal the engine's). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Board } from '../../../shared/board/types';
import { validateBoard } from '../../../shared/board/validate';
import { parseCsv } from '../../../shared/csv/csv';
import { EDGES_CSV_TEMPLATE, parseEdgesCsv } from '../../../shared/csv/edges-csv';
import { EXPOSURE_COLUMNS, exposureToCsv } from '../../../shared/csv/exposure-csv';
import { mergeCsvIntoBoard } from '../../../shared/csv/merge';
import { NODES_CSV_TEMPLATE, parseNodesCsv } from '../../../shared/csv/nodes-csv';
import { computeExposure } from '../../../shared/exposure/engine';
import { board, disruption, edge, node } from '../../utils/board-builder';

function nodesOf(text: string) {
  const parsed = parseNodesCsv(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed;
}
function edgesOf(text: string) {
  const parsed = parseEdgesCsv(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed;
}

const empty = board([], []);
const existing = board([node('m1', 'mine', 'CD', { position: { x: 100, y: -50 } }), node('c1', 'consumer', 'DE', { position: { x: 400, y: 0 } })], [edge('e1', 'm1', 'c1', 'cobalt', 5)]);

describe('mergeCsvIntoBoard', () => {
  it('turns the two templates into a valid board', () => {
    const merged = mergeCsvIntoBoard(empty, nodesOf(NODES_CSV_TEMPLATE), edgesOf(EDGES_CSV_TEMPLATE));
    expect(merged.ok).toBe(true);
    if (!merged.ok) return;
    expect(validateBoard(merged.board).ok).toBe(true);
    expect(merged.summary).toEqual({ nodesAdded: 4, nodesUpdated: 0, edgesAdded: 3, edgesUpdated: 0 });
    expect(computeExposure(merged.board).minerals.cobalt.consumers['eu-ind'].supplied).toBe(15);
  });

  it('names repeated ids with the row they first appeared in', () => {
    const nodes = nodesOf('id,kind,label,country,x,y\r\na,mine,A,CD,0,0\r\nb,mine,B,CD,0,0\r\na,refinery,A2,CN,0,0\r\n');
    const edges = edgesOf('id,from,to,mineral,volume\r\nx,a,b,cobalt,1\r\nx,b,a,cobalt,1\r\n');
    const merged = mergeCsvIntoBoard(empty, nodes, edges);
    expect(!merged.ok && merged.problems).toEqual([
      { file: 'nodes', row: 4, column: 'id', message: 'Node id "a" is used more than once in this file (first in row 2).' },
      { file: 'edges', row: 3, column: 'id', message: 'Edge id "x" is used more than once in this file (first in row 2).' },
    ]);
  });

  it('names edges whose nodes exist nowhere, and accepts nodes already on the board', () => {
    const edges = edgesOf('id,from,to,mineral,volume\r\nn1,m1,c1,cobalt,1\r\nn2,ghost,c1,cobalt,1\r\nn3,m1,nowhere,cobalt,1\r\n');
    const merged = mergeCsvIntoBoard(existing, undefined, edges);
    expect(!merged.ok && merged.problems.map((p) => `${p.file}:${p.row}:${p.column}`)).toEqual(['edges:3:from', 'edges:4:to']);
    expect(!merged.ok && merged.problems[0].message).toBe('Edge "n2" starts at node "ghost", which is neither in the nodes file nor on the board.');
  });

  it('replaces items whose id is on the board, in place, and appends new ones', () => {
    const nodes = nodesOf('id,kind,label,country,x,y,capacity\r\nm1,mine,Mine one,CD,,,cobalt=50\r\nr1,refinery,R,FI,,\r\n');
    const edges = edgesOf('id,from,to,mineral,volume\r\ne1,m1,c1,cobalt,9\r\n');
    const merged = mergeCsvIntoBoard(existing, nodes, edges);
    expect(merged.ok).toBe(true);
    if (!merged.ok) return;
    expect(merged.summary).toEqual({ nodesAdded: 1, nodesUpdated: 1, edgesAdded: 0, edgesUpdated: 1 });
    expect(merged.board.nodes.map((n) => n.id)).toEqual(['m1', 'c1', 'r1']);
    // m1 had no x,y in the file: it keeps its place on the board; r1 goes right of the board's nodes.
    expect(merged.board.nodes[0]).toMatchObject({ label: 'Mine one', capacity: { cobalt: 50 }, position: { x: 100, y: -50 } });
    expect(merged.board.nodes[2].position).toEqual({ x: 400 + 280 + 280, y: -50 });
    expect(merged.board.edges).toEqual([edge('e1', 'm1', 'c1', 'cobalt', 9)]);
    expect(existing.nodes[0].label).toBe('m1');
  });

  it('refuses to merge into a board that is itself invalid, naming the board problem', () => {
    const broken: Board = { ...existing, nodes: [...existing.nodes, node('bad', 'mine', 'cn')] };
    const merged = mergeCsvIntoBoard(broken, nodesOf('id,kind,label,country\r\nz1,mine,Z,CD\r\n'));
    expect(!merged.ok && merged.problems).toEqual([
      expect.objectContaining({ row: 0, column: 'nodes[2].country', message: expect.stringMatching(/^On the board "test board": Country "cn"/) }),
    ]);
  });

  it('keeps a lever that targets a node the file replaces', () => {
    const withLever: Board = { ...existing, scenario: { name: 's', disruptions: [disruption('d1', { node: 'm1' }, 0, 10)], expansions: [], priceFloors: [] } };
    const merged = mergeCsvIntoBoard(withLever, nodesOf('id,kind,label,country\r\nm1,mine,Z,CD\r\n'));
    expect(merged.ok && merged.board.scenario.disruptions.map((d) => d.id)).toEqual(['d1']);
  });
});

describe('exposureToCsv', () => {
  const seed = JSON.parse(readFileSync('seeds/africa-corridors.json', 'utf8')) as Board;
  const pulled: Board = { ...seed, scenario: { ...seed.scenario, disruptions: seed.scenario.disruptions.map((d) => ({ ...d, enabled: true })) } };
  const report = computeExposure(pulled);
  const labels = new Map(pulled.nodes.map((n) => [n.id, n.label]));

  function table(text: string): Record<string, string>[] {
    const parsed = parseCsv(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const [header, ...rows] = parsed.rows;
    return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
  }

  it('has one row per mineral and consumer, under the documented header', () => {
    const rows = table(exposureToCsv(report, labels));
    const expected = Object.values(report.minerals).reduce((sum, m) => sum + Object.keys(m.consumers).length, 0);
    expect(rows.length).toBe(expected);
    expect(exposureToCsv(report).split('\r\n')[0]).toBe(EXPOSURE_COLUMNS.join(','));
  });

  it('writes exactly the engine\'s numbers, unrounded', () => {
    const rows = table(exposureToCsv(report, labels));
    let shortfalls = 0;
    for (const row of rows) {
      const c = report.minerals[row.mineral].consumers[row.consumer];
      expect(row.label).toBe(labels.get(row.consumer));
      for (const key of ['demand', 'supplied', 'delivered', 'shortfall', 'shortfallPct', 'disruptionDays', 'secondaryShare'] as const) {
        expect(Number(row[key]), `${row.mineral}/${row.consumer}/${key}`).toBe(c[key]);
      }
      expect(row.stockDays === '' ? null : Number(row.stockDays)).toBe(c.stockDays);
      expect(row.survives).toBe(String(c.survives));
      expect(Number(row.miningHhi)).toBe(c.stages.mining.hhi);
      expect(Number(row.refiningHhi)).toBe(c.stages.refining.hhi);
      expect(row.refiningTop).toBe(c.stages.refining.top?.country ?? '');
      expect(row.refiningTopShare === '' ? null : Number(row.refiningTopShare)).toBe(c.stages.refining.top?.share ?? null);
      expect(row.miningTop).toBe(c.stages.mining.top?.country ?? '');
      expect(row.benchmark65Mining).toBe(String(c.benchmark65.mining));
      expect(row.benchmark65Refining).toBe(String(c.benchmark65.refining));
      if (c.shortfall > 0) shortfalls++;
    }
    expect(shortfalls).toBeGreaterThan(0);
  });

  it('writes the v2 columns: demand gap, stock needed and the rerouted figures, exactly as the engine computed them', () => {
    const rows = table(exposureToCsv(report, labels));
    let rerouted = 0;
    for (const row of rows) {
      const c = report.minerals[row.mineral].consumers[row.consumer];
      const r = report.minerals[row.mineral].reroute!.consumers[row.consumer];
      expect(Number(row.demandGap)).toBe(c.demandGap);
      expect(Number(row.stockNeeded)).toBe(c.stockNeeded);
      expect(Number(row.reroutedDelivered)).toBe(r.delivered);
      expect(Number(row.reroutedShortfall)).toBe(r.shortfall);
      expect(row.reroutedSurvives).toBe(String(r.survives));
      expect(Number(row.reroutedStockNeeded)).toBe(r.stockNeeded);
      if (r.delivered !== c.delivered) rerouted++;
    }
    expect(rerouted).toBeGreaterThan(0);
    const plain = table(exposureToCsv(computeExposure(pulled, { reroute: false })));
    expect(plain.every((row) => row.reroutedDelivered === '' && row.reroutedSurvives === '')).toBe(true);
  });

  it('orders rows by mineral then consumer, and leaves unknown labels empty', () => {
    const rows = table(exposureToCsv(report));
    const keys = rows.map((r) => `${r.mineral}\u0000${r.consumer}`);
    expect(keys).toEqual([...keys].sort());
    expect(rows.every((r) => r.label === '')).toBe(true);
  });

  it('keeps a label a spreadsheet would run as a formula from running', () => {
    const b = board([node('m', 'mine', 'CD'), node('c', 'consumer', 'DE')], [edge('e', 'm', 'c', 'cobalt', 1)]);
    const rows = table(exposureToCsv(computeExposure(b), new Map([['c', '=HYPERLINK("http://x")']])));
    expect(rows[0].label).toBe('\'=HYPERLINK("http://x")');
  });
});
