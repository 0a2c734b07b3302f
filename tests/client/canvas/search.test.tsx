import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Canvas, type CanvasProps } from '../../../client/canvas/Canvas';
import { countryLabel, searchNodes } from '../../../client/canvas/node-search';
import { shortcutFor } from '../../../client/canvas/shortcuts';
import type { BoardViewState } from '../../../client/state/types';
import type { Board, BoardNode } from '../../../shared/board/types';
import { mockActions } from '../mock-actions';
import { renderIn } from '../../utils/intl';

const nodes: BoardNode[] = [
  { id: 'm1', kind: 'mine', label: 'Kolwezi mine', country: 'CD', position: { x: 0, y: 0 }, capacity: { cobalt: 12500 }, tags: ['artisanal'] },
  { id: 't1', kind: 'transport', label: 'Durban port', country: 'ZA', position: { x: 250, y: 0 } },
  { id: 'r1', kind: 'refinery', label: 'Jinchuan refinery', country: 'CN', position: { x: 500, y: 0 } },
  { id: 'c1', kind: 'consumer', label: 'EU batteries', country: 'DE', position: { x: 750, y: 0 }, demand: { cobalt: 7000 } },
  { id: 'c2', kind: 'consumer', label: 'German car makers', country: 'DE', position: { x: 750, y: 200 } },
];

const board: Board = {
  format: 'lodestone.board', version: 2, title: 'Search board', nodes, edges: [],
  scenario: { name: 'Baseline', disruptions: [], expansions: [], priceFloors: [] }, notes: [],
};

const ids = (q: string) => searchNodes(nodes, q, { locale: 'en' }).map((m) => m.node.id);

describe('searchNodes', () => {
  it('finds by label, start of the label first, then a word, then inside', async () => {
    expect(ids('dur')).toEqual(['t1']);
    expect(ids('port')).toEqual(['t1']);
    expect(ids('E')).toEqual(['c1', 'm1', 'r1', 'c2']);
    expect(ids('car')).toEqual(['c2']);
  });

  it('finds by country code and by English country name', async () => {
    expect(ids('de')).toEqual(['c1', 'c2']);
    expect(ids('germany')).toEqual(['c1', 'c2']);
    expect(ids('south af')).toEqual(['t1']);
    expect(countryLabel('ZA', 'en')).toBe('South Africa');
    expect(countryLabel('CD', 'en-GB')).toBe('Democratic Republic of the Congo');
  });

  it('finds by tag and says so', async () => {
    expect(searchNodes(nodes, 'artis', { locale: 'en' })).toEqual([{ node: nodes[0], matched: 'tag: artisanal' }]);
  });

  it('finds nothing for an empty query or a stranger', async () => {
    expect(ids('   ')).toEqual([]);
    expect(ids('zzz')).toEqual([]);
  });

  it('is reached with Ctrl+F, Cmd+F or /', async () => {
    const k = { ctrlKey: false, metaKey: false, shiftKey: false, altKey: false };
    expect(shortcutFor({ ...k, key: 'f', ctrlKey: true })).toBe('search');
    expect(shortcutFor({ ...k, key: 'f', metaKey: true })).toBe('search');
    expect(shortcutFor({ ...k, key: '/' })).toBe('search');
    expect(shortcutFor({ ...k, key: 'f' })).toBeNull();
  });
});

describe('Canvas search box', () => {
  const state: BoardViewState = { boardId: 'b1', role: 'viewer', status: 'connected', message: null, loaded: true, board, peers: [], canUndo: false, canRedo: false };

  async function renderCanvas() {
    const actions = mockActions();
    const onSelectionChange = vi.fn();
    const props: CanvasProps = { state, actions, exposure: null, selection: [], onSelectionChange, focus: null };
    await renderIn(<div style={{ width: 1000, height: 700 }}><Canvas {...props} /></div>);
    return { actions, onSelectionChange };
  }

  // The first canvas drawn in this file: the search box's chunk has not arrived yet when the canvas is there.
  it('keeps Ctrl+F pressed before the search box has loaded, and focuses the box when it arrives', async () => {
    await renderCanvas();
    expect(screen.queryByRole('combobox', { name: 'Find a node' })).toBeNull();
    fireEvent.keyDown(document.body, { key: 'f', ctrlKey: true });
    const box = await screen.findByRole('combobox', { name: 'Find a node' });
    expect(document.activeElement).toBe(box);
  });

  it('focuses on Ctrl+F and on /, lists matches with their country, and Enter selects the first', async () => {
    const { actions, onSelectionChange } = await renderCanvas();
    const box = await screen.findByRole('combobox', { name: 'Find a node' });
    fireEvent.keyDown(document.body, { key: 'f', ctrlKey: true });
    expect(document.activeElement).toBe(box);
    (box as HTMLInputElement).blur();
    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(box);

    fireEvent.change(box, { target: { value: 'germany' } });
    const list = screen.getByRole('listbox', { name: 'Matching nodes' });
    // The matching loads in its own chunk after the canvas is drawn.
    const options = await within(list).findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([expect.stringContaining('EU batteries'), expect.stringContaining('German car makers')]);
    expect(options[0].textContent).toContain('Germany');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    await act(async () => {
      fireEvent.keyDown(box, { key: 'Enter' });
    });
    expect(onSelectionChange).toHaveBeenLastCalledWith(['c2']);
    expect(actions.setSelection).toHaveBeenLastCalledWith(['c2']);
  });

  it('says when nothing matches, and a click on a match selects it', async () => {
    const { onSelectionChange } = await renderCanvas();
    const box = await screen.findByRole('combobox', { name: 'Find a node' });
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: 'nowhere' } });
    expect(await screen.findByText('No node matches "nowhere".')).toBeTruthy();
    fireEvent.change(box, { target: { value: 'kol' } });
    const option = await screen.findByRole('option', { name: /Kolwezi mine/ });
    await act(async () => {
      fireEvent.mouseDown(option);
    });
    expect(onSelectionChange).toHaveBeenLastCalledWith(['m1']);
    expect(screen.queryByRole('listbox')).toBeNull();
  });
});
