/** CsvImport and BoardFileImport: per-row problems named with row and column; Import only when everything is valid. */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { intlIn, renderIn } from '../../utils/intl';
import { describe, expect, it, vi } from 'vitest';
import { BoardFileImport, readBoardFile } from '../../../client/import/BoardFileImport';
import { CsvImport, templateHref } from '../../../client/import/CsvImport';
import type { Board } from '../../../shared/board/types';
import { EDGES_CSV_TEMPLATE } from '../../../shared/csv/edges-csv';
import { NODES_CSV_TEMPLATE } from '../../../shared/csv/nodes-csv';
import { board, edge, node } from '../../utils/board-builder';

const live: Board = board([node('m1', 'mine', 'CD', { position: { x: 0, y: 0 } })], []);
const csv = (name: string, text: string) => new File([text], name, { type: 'text/csv' });
const choose = (label: string, file: File) => fireEvent.change(screen.getByLabelText(label), { target: { files: [file] } });
const importButton = () => screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement;

const TWO_BAD_ROWS = [
  'id,kind,label,country,x,y,capacity',
  'r1,refinery,Kokkola,FI,100,0,cobalt=20',
  'r2,smelter,Harjavalta,FI,100,100,',
  'c1,consumer,EU industry,DE,200,0,',
  'c2,consumer,,DE,200,100,',
].join('\r\n');

describe('CsvImport', () => {
  it('names both bad rows of a file with two bad rows, with row, column and reason, and keeps Import disabled', async () => {
    const onImport = vi.fn();
    await renderIn(<CsvImport board={live} onImport={onImport} />);
    choose('Nodes CSV', csv('nodes.csv', TWO_BAD_ROWS));
    const alert = await screen.findByRole('alert');
    const rows = within(alert).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
      ['Nodes', '3', 'kind', 'The kind must be one of mine, refinery, transport, stockpile, recycler, consumer, manufacturer, not "smelter".'],
      ['Nodes', '5', 'label', 'The label cell is empty; every node needs one.'],
    ]);
    expect(within(alert).getByText('2 problems to fix before importing:')).toBeTruthy();
    expect(screen.getByTestId('nodes-status').textContent).toBe('nodes.csv: has problems (below).');
    expect(importButton().disabled).toBe(true);
    fireEvent.click(importButton());
    expect(onImport).not.toHaveBeenCalled();
  });

  it('imports valid nodes and flows into the board in one step', async () => {
    const onImport = vi.fn();
    await renderIn(<CsvImport board={live} onImport={onImport} />);
    choose('Nodes CSV', csv('nodes.csv', 'id,kind,label,country\r\nc1,consumer,EU,DE\r\n'));
    choose('Flows (edges) CSV', csv('edges.csv', 'id,from,to,mineral,volume\r\ne1,m1,c1,cobalt,12\r\n'));
    await screen.findByText('Importing adds 1 node; adds 1 flow.');
    expect(screen.getByTestId('edges-status').textContent).toBe('edges.csv: 1 flow read.');
    expect(importButton().disabled).toBe(false);
    fireEvent.click(importButton());
    expect(onImport).toHaveBeenCalledTimes(1);
    const [next, summary] = onImport.mock.calls[0] as [Board, unknown];
    expect(next.nodes.map((n) => n.id)).toEqual(['m1', 'c1']);
    expect(next.edges).toEqual([edge('e1', 'm1', 'c1', 'cobalt', 12)]);
    expect(summary).toEqual({ nodesAdded: 1, nodesUpdated: 0, edgesAdded: 1, edgesUpdated: 0 });
    expect(screen.getByText('Imported. The import adds 1 node; adds 1 flow.')).toBeTruthy();
    expect(importButton().disabled).toBe(true);
  });

  it('names flows whose nodes exist nowhere, in the flows file', async () => {
    await renderIn(<CsvImport board={live} onImport={vi.fn()} />);
    choose('Flows (edges) CSV', csv('edges.csv', 'id,from,to,mineral,volume\r\ne1,m1,ghost,cobalt,12\r\n'));
    const alert = await screen.findByRole('alert');
    const row = within(alert).getAllByRole('row')[1];
    expect(row.getAttribute('data-file')).toBe('edges');
    expect(row.getAttribute('data-row')).toBe('2');
    expect(row.getAttribute('data-column')).toBe('to');
    expect(row.textContent).toContain('ends at node "ghost", which is neither in the nodes file nor on the board');
    expect(importButton().disabled).toBe(true);
  });

  it('offers both templates for download, and they import together', async () => {
    const onImport = vi.fn();
    await renderIn(<CsvImport board={board([], [])} onImport={onImport} />);
    const nodesLink = screen.getByRole('link', { name: 'Download the nodes template' });
    expect(nodesLink.getAttribute('download')).toBe('lodestone-nodes-template.csv');
    expect(decodeURIComponent(nodesLink.getAttribute('href')!.split(',').slice(1).join(','))).toBe(`\uFEFF${NODES_CSV_TEMPLATE}`);
    expect(screen.getByRole('link', { name: 'Download the flows template' }).getAttribute('href')).toBe(templateHref(EDGES_CSV_TEMPLATE));
    choose('Nodes CSV', csv('n.csv', NODES_CSV_TEMPLATE));
    choose('Flows (edges) CSV', csv('e.csv', EDGES_CSV_TEMPLATE));
    await waitFor(() => expect(importButton().disabled).toBe(false));
    fireEvent.click(importButton());
    expect((onImport.mock.calls[0][0] as Board).edges).toHaveLength(3);
  });

  it('says when a file is too big to read', async () => {
    await renderIn(<CsvImport board={live} onImport={vi.fn()} />);
    const big = csv('big.csv', 'x');
    Object.defineProperty(big, 'size', { value: 6 * 1024 * 1024 });
    choose('Nodes CSV', big);
    expect((await screen.findByRole('alert')).textContent).toContain('big.csv is larger than 5 MB');
  });
});

describe('BoardFileImport', () => {
  it('lists every problem of an invalid board file and imports nothing', async () => {
    const onImport = vi.fn();
    await renderIn(<BoardFileImport onImport={onImport} />);
    const bad = { ...board([node('a', 'mine', 'cn')], [edge('e', 'a', 'zz', 'cobalt', -1)]) };
    choose('Board file to import', new File([JSON.stringify(bad)], 'bad.json'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('bad.json is not a valid board file: 3 problems.');
    expect(within(alert).getAllByRole('listitem').map((li) => li.querySelector('code')?.textContent)).toEqual(['nodes[0].country', 'edges[0].volume', 'edges[0].to']);
    expect((screen.getByRole('button', { name: 'Replace the board with this file' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('hands over a valid board file', async () => {
    const onImport = vi.fn();
    await renderIn(<BoardFileImport onImport={onImport} />);
    choose('Board file to import', new File([JSON.stringify(live)], 'ok.json'));
    await screen.findByText(/“test board”: 1 node, 0 flows, 0 levers\./);
    fireEvent.click(screen.getByRole('button', { name: 'Replace the board with this file' }));
    expect(onImport).toHaveBeenCalledWith(live);
  });

  it('refuses a file that is not JSON', async () => {
    expect(readBoardFile(await intlIn('en'), 'x.json', 'not json')).toEqual({ kind: 'error', message: 'x.json is not a JSON file; export a board from Lodestone and import that file.', problems: [] });
  });
});

describe('Imports in Italian', () => {
  it('names the CSV problems, the files and the summary in Italian', async () => {
    await renderIn(<CsvImport board={live} onImport={vi.fn()} />, 'it');
    choose('CSV dei nodi', csv('nodes.csv', TWO_BAD_ROWS));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('2 problemi da correggere prima di importare:')).toBeTruthy();
    expect(within(alert).getAllByRole('row').slice(1).map((r) => r.querySelector('td')?.textContent)).toEqual(['Nodi', 'Nodi']);
    expect(screen.getByRole('button', { name: 'Importa' })).toBeTruthy();
    choose('CSV dei nodi', csv('nodes.csv', 'id,kind,label,country\r\nc1,consumer,EU,DE\r\n'));
    await screen.findByText('L’importazione aggiunge 1 nodo.');
    expect(screen.getByTestId('nodes-status').textContent).toBe('nodes.csv: 1 nodo letto.');
  });

  it('describes a board file in Italian', async () => {
    await renderIn(<BoardFileImport onImport={vi.fn()} />, 'it');
    // The file button is in Italian whatever the browser's language (its native words follow the browser).
    expect(screen.getByText('Scegli un file…')).toBeTruthy();
    expect(screen.getByText('Nessun file scelto')).toBeTruthy();
    choose('File di lavagna da importare', new File([JSON.stringify(live)], 'ok.json'));
    await screen.findByText('“test board”: 1 nodo, 0 flussi, 0 leve.');
    expect(screen.getByText('ok.json')).toBeTruthy();
    expect(readBoardFile(await intlIn('it'), 'x.json', 'x').kind === 'error' && readBoardFile(await intlIn('it'), 'x.json', 'x')).toMatchObject({ message: 'x.json non è un file JSON; esporta una lavagna da Lodestone e importa quel file.' });
  });
});
