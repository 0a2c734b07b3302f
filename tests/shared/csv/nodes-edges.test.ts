/** parseNodesCsv / parseEdgesCsv: templates, per-row problems naming row and column, round trips. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BoardEdge, BoardNode } from '../../../shared/board/types';
import { BOM, parseCsv } from '../../../shared/csv/csv';
import { EDGES_CSV_TEMPLATE, edgesToCsv, parseEdgesCsv } from '../../../shared/csv/edges-csv';
import { NODES_CSV_TEMPLATE, nodesToCsv, parseNodesCsv } from '../../../shared/csv/nodes-csv';
import { protectCell, unprotectCell } from '../../../shared/csv/cells';
import type { CsvProblem } from '../../../shared/csv/table';
import { nodeArb } from '../../utils/board-arbitrary';

const where = (problems: CsvProblem[]) => problems.map((p) => `${p.row}:${p.column}`);
const problemsOf = (parsed: { ok: boolean; problems?: CsvProblem[] }): CsvProblem[] => {
  if (parsed.ok) throw new Error('expected problems');
  return parsed.problems ?? [];
};

describe('templates', () => {
  it('the nodes template parses to nodes of every example row', () => {
    const parsed = parseNodesCsv(NODES_CSV_TEMPLATE);
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.items.map((n) => n.id)).toEqual(['cd-mine', 'fi-ref', 'eu-store', 'eu-ind']);
    expect(parsed.ok && parsed.items[0].capacity).toEqual({ cobalt: 120, copper: 30 });
    expect(NODES_CSV_TEMPLATE.split('\r\n')[0]).toBe('id,kind,label,country,x,y,lat,lon,capacity,demand,stock,tags,recovery_days');
  });

  it('the edges template parses', () => {
    const parsed = parseEdgesCsv(EDGES_CSV_TEMPLATE);
    expect(parsed.ok && parsed.items.map((e) => [e.from, e.to, e.volume])).toEqual([['cd-mine', 'fi-ref', 15], ['fi-ref', 'eu-ind', 15], ['eu-store', 'eu-ind', 0]]);
    expect(EDGES_CSV_TEMPLATE.split('\r\n')[0]).toBe('id,from,to,mineral,volume,label,capacity,delay_days');
  });
});

describe('parseNodesCsv', () => {
  it('reads a spreadsheet file: byte order mark, columns in any order and case, blank rows, amounts and tags', () => {
    const text = `${BOM}Label,ID,Kind,Country,X,Y,Capacity,Tags\r\n"Mine, big",m1,mine,CD,0,10, cobalt = 120 ; copper=30 ,estimate; project\r\n,,,,,,,\r\nHub,t1,transport,EG,-5,2.5,,\r\n`;
    const parsed = parseNodesCsv(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.items).toEqual([
      { id: 'm1', kind: 'mine', label: 'Mine, big', country: 'CD', position: { x: 0, y: 10 }, capacity: { cobalt: 120, copper: 30 }, tags: ['estimate', 'project'] },
      { id: 't1', kind: 'transport', label: 'Hub', country: 'EG', position: { x: -5, y: 2.5 } },
    ]);
    expect(parsed.rows).toEqual([2, 4]);
    expect(parsed.autoPlaced).toEqual([]);
  });

  it('names both bad rows of a file with two bad rows, with row and column', () => {
    const text = [
      'id,kind,label,country,x,y,capacity',
      'm1,mine,Kolwezi,CD,0,0,cobalt=120',
      'r1,volcano,Refiner,CN,100,0,',
      'c1,consumer,EU industry,DE,200,0,',
      'r2,refinery,Kokkola,FI,abc,0,cobalt=-5',
    ].join('\r\n');
    const problems = problemsOf(parseNodesCsv(text));
    expect(where(problems)).toEqual(['3:kind', '5:x', '5:capacity']);
    expect(problems[0].message).toBe('The kind must be one of mine, refinery, transport, stockpile, recycler, consumer, manufacturer, not "volcano".');
    expect(problems[1].message).toBe('The x "abc" is not a number; write it like 120 or 0.5.');
    expect(problems[2].message).toBe('The capacity of "cobalt" must be at least 0, not -5.');
    expect(problems.every((p) => p.file === 'nodes')).toBe(true);
  });

  it('lists every problem of one row, each on its own column', () => {
    const problems = problemsOf(parseNodesCsv('id,kind,label,country,x,y,lat,demand,tags\r\nbad id!,mine,,cn,1,2,95,Cobalt=3,\r\n'));
    expect(where(problems)).toEqual(['2:id', '2:label', '2:country', '2:lat', '2:demand']);
    expect(problems.find((p) => p.column === 'label')?.message).toBe('The label cell is empty; every node needs one.');
    expect(problems.find((p) => p.column === 'country')?.message).toMatch(/Country "cn" is not an upper-case ISO 3166-1 alpha-2 code/);
    expect(problems.find((p) => p.column === 'lat')?.message).toBe('The lat must be at most 90, not 95.');
    expect(problems.find((p) => p.column === 'demand')?.message).toMatch(/Mineral "Cobalt" must be a lower-case key/);
  });

  it('explains amounts and numbers it cannot read', () => {
    const problems = problemsOf(parseNodesCsv('id,kind,label,country,x,y,stock\r\ns,stockpile,S,DE,"1,200",0,cobalt\r\n'));
    expect(problems.map((p) => p.message)).toEqual([
      'The x "1,200" is not a number (leave out thousands separators); write it like 120 or 0.5.',
      'The stock cell: "cobalt" is not "mineral=amount"; write amounts like cobalt=120;copper=30.',
    ]);
  });

  it('names missing, unknown and repeated columns in row 1 and still checks every row', () => {
    const problems = problemsOf(parseNodesCsv('id,label,country,colour,label\r\na,A,CD,red,A\r\nb,B,XXX,blue,B\r\n'));
    expect(problems.filter((p) => p.row === 1).map((p) => p.column).sort()).toEqual(['colour', 'kind', 'label']);
    expect(where(problems.filter((p) => p.row > 1))).toEqual(['3:country']);
  });

  it('reports an empty file and an unclosed quote as file problems', () => {
    expect(where(problemsOf(parseNodesCsv('')))).toEqual(['1:']);
    expect(problemsOf(parseNodesCsv('id,kind,label,country\r\na,mine,"open,CD\r\n'))[0]).toMatchObject({ row: 2, column: '' });
  });

  it('refuses a row with more values than the header has columns', () => {
    expect(where(problemsOf(parseNodesCsv('id,kind,label,country\r\na,mine,A,CD,extra\r\n')))).toEqual(['2:']);
  });

  it('places nodes without x and y on a grid by kind and says which', () => {
    const parsed = parseNodesCsv('id,kind,label,country,x,y\r\nm1,mine,M1,CD,,\r\nm2,mine,M2,CD,,\r\nc1,consumer,C,DE,,\r\nr1,refinery,R,FI,5,6\r\n');
    expect(parsed.ok && parsed.items.map((n) => n.position)).toEqual([{ x: 0, y: 0 }, { x: 0, y: 140 }, { x: 1120, y: 0 }, { x: 5, y: 6 }]);
    expect(parsed.ok && parsed.autoPlaced).toEqual(['m1', 'm2', 'c1']);
  });

  it('wants both x and y, or neither', () => {
    expect(where(problemsOf(parseNodesCsv('id,kind,label,country,x,y\r\nm1,mine,M1,CD,4,\r\n')))).toEqual(['2:y']);
  });
});

describe('parseEdgesCsv', () => {
  it('names both bad rows with row and column', () => {
    const text = 'id,from,to,mineral,volume,label\r\ne1,a,b,cobalt,10,\r\ne2,a,b,Cobalt,10,\r\ne3,a,b,cobalt,-1,\r\ne4,,b,cobalt,ten,\r\n';
    const problems = problemsOf(parseEdgesCsv(text));
    expect(where(problems)).toEqual(['3:mineral', '4:volume', '5:from', '5:volume']);
    expect(problems[1].message).toBe('The volume must be at least 0, not -1.');
    expect(problems[2].message).toBe('The from cell is empty; every edge needs one.');
    expect(problems[3].message).toBe('The volume "ten" is not a number; write it like 120 or 0.5.');
    expect(problems.every((p) => p.file === 'edges')).toBe(true);
  });

  it('reads a label with quotes and keeps row numbers', () => {
    const parsed = parseEdgesCsv('from,to,id,mineral,volume,label\n\na,b,e1,gallium,1e3,"Rail ""north"""\n');
    expect(parsed.ok && parsed.items).toEqual([{ id: 'e1', from: 'a', to: 'b', mineral: 'gallium', volume: 1000, label: 'Rail "north"' }]);
    expect(parsed.ok && parsed.rows).toEqual([3]);
  });

  it('reads capacity and delay_days (v2) and names a bad one by its column', () => {
    const good = parseEdgesCsv('id,from,to,mineral,volume,capacity,delay_days\r\ncape,a,b,cobalt,0,500,12\r\n');
    expect(good.ok && good.items).toEqual([{ id: 'cape', from: 'a', to: 'b', mineral: 'cobalt', volume: 0, capacity: 500, delayDays: 12 }]);
    const bad = problemsOf(parseEdgesCsv('id,from,to,mineral,volume,capacity,delay_days\r\ne1,a,b,cobalt,1,-5,\r\ne2,a,b,cobalt,1,,-1\r\ne3,a,b,cobalt,1,,soon\r\n'));
    expect(where(bad)).toEqual(['2:capacity', '3:delay_days', '4:delay_days']);
    expect(bad[0].message).toBe('The capacity must be at least 0, not -5.');
    expect(bad[1].message).toBe('The delay_days must be at least 0, not -1.');
    expect(bad[2].message).toBe('The delay_days "soon" is not a number; write it like 120 or 0.5.');
  });
});

describe('parseNodesCsv: recovery_days (v2)', () => {
  it('reads recovery_days and the manufacturer kind, and names a recovery_days that is not above 0', () => {
    const good = parseNodesCsv('id,kind,label,country,x,y,recovery_days\r\nmag,manufacturer,Magnet plant,JP,0,0,90\r\n');
    expect(good.ok && good.items).toEqual([{ id: 'mag', kind: 'manufacturer', label: 'Magnet plant', country: 'JP', position: { x: 0, y: 0 }, recoveryDays: 90 }]);
    const bad = problemsOf(parseNodesCsv('id,kind,label,country,x,y,recovery_days\r\nm1,mine,M,CD,0,0,0\r\nm2,mine,M,CD,0,0,1 week\r\n'));
    expect(where(bad)).toEqual(['2:recovery_days', '3:recovery_days']);
    expect(bad[0].message).toBe('The recovery_days must be greater than 0, not 0.');
  });
});

describe('round trips', () => {
  // What a CSV cell can hold: no empty amounts or tag lists, tags without ";" or surrounding spaces, labels not blank.
  const csvNodeArb = nodeArb
    .filter((n) => n.label.trim() !== '')
    .map((n): BoardNode => {
      const out: BoardNode = { ...n };
      for (const key of ['capacity', 'demand', 'stock'] as const) if (out[key] && Object.keys(out[key]!).length === 0) delete out[key];
      const tags = out.tags?.map((t) => t.replace(/;/g, '').trim()).filter((t) => t !== '');
      if (tags && tags.length > 0) out.tags = tags;
      else delete out.tags;
      return out;
    });

  it('parseNodesCsv(nodesToCsv(nodes)) gives the same nodes', () => {
    fc.assert(
      fc.property(fc.array(csvNodeArb, { maxLength: 6 }), (nodes) => {
        const parsed = parseNodesCsv(nodesToCsv(nodes));
        expect(parsed.ok ? parsed.items : parsed.problems).toEqual(nodes);
      }),
      { numRuns: 300 },
    );
  });

  it('parseEdgesCsv(edgesToCsv(edges)) gives the same edges', () => {
    const edges: BoardEdge[] = [
      { id: 'e1', from: 'a', to: 'b', mineral: 'cobalt', volume: 0.1 + 0.2 },
      { id: 'e2', from: 'b', to: 'a', mineral: 'rare-earths-heavy', volume: 1e-7, label: ' spaced, "quoted"\nlabel ' },
      { id: 'e3', from: 'a', to: 'a', mineral: 'x1', volume: 123456789.125 },
      { id: 'e4', from: 'a', to: 'b', mineral: 'cobalt', volume: 0, capacity: 250.5, delayDays: 12 },
      { id: 'e5', from: 'b', to: 'a', mineral: 'cobalt', volume: 3, delayDays: 0 },
    ];
    const parsed = parseEdgesCsv(edgesToCsv(edges));
    expect(parsed.ok && parsed.items).toEqual(edges);
  });
});

describe('formula cells', () => {
  const dangerous = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', "'=already quoted", "''+twice"];

  it('[H7] labels, tags, ids and edge labels that a spreadsheet would run as formulas are written with a leading apostrophe and read back unchanged', () => {
    const nodes: BoardNode[] = dangerous.map((label, i) => ({ id: i === 2 ? '-n2' : `n${i}`, kind: 'mine', label, country: 'CD', position: { x: i, y: 0 }, tags: [dangerous[(i + 1) % dangerous.length].trim(), 'plain'] }));
    const csv = nodesToCsv(nodes);
    const table = parseCsv(csv);
    expect(table.ok).toBe(true);
    for (const row of table.ok ? table.rows.slice(1) : []) {
      for (const cell of row) expect(cell, `a cell starting like a formula: ${JSON.stringify(cell)}`).not.toMatch(/^[=+@\t\r]|^-(?!\d)/);
    }
    const parsed = parseNodesCsv(csv);
    expect(parsed.ok ? parsed.items : parsed.problems).toEqual(nodes);
    const edges: BoardEdge[] = dangerous.map((label, i) => ({ id: `e${i}`, from: 'n0', to: '-n2', mineral: 'cobalt', volume: i, label }));
    const edgeCsv = edgesToCsv(edges);
    expect(edgeCsv.split('\r\n').slice(1).filter((line) => line !== '').every((line) => !/^[=+\-@]|,[=+@\t]|,-[^\d]/.test(line))).toBe(true);
    const back = parseEdgesCsv(edgeCsv);
    expect(back.ok && back.items).toEqual(edges);
  });

  it('protectCell and unprotectCell are inverses on any text', () => {
    fc.assert(fc.property(fc.string(), fc.constantFrom('', "'", "''", '=', '+', '-', '@', "'=", "''-"), (text, prefix) => {
      expect(unprotectCell(protectCell(prefix + text))).toBe(prefix + text);
    }), { numRuns: 500 });
  });
});

