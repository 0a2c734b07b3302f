import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { canvasClipboard, clipboardJson, copyItems, shiftItems } from '../../../client/canvas/clipboard';
import { ConnectDialog, flowInputError } from '../../../client/canvas/ConnectDialog';
import { figureText, nodeFigures, volumeIn } from '../../../client/canvas/format';
import { newId } from '../../../client/canvas/ids';
import { SHORTCUTS, shortcutFor, type KeyInput } from '../../../client/canvas/shortcuts';
import { throttle } from '../../../client/canvas/throttle';
import { isTypingTarget } from '../../../client/canvas/use-shortcuts';
import { ITEM_ID_PATTERN, type Board } from '../../../shared/board/types';
import { intlIn, renderIn } from '../../utils/intl';

const press = (key: string, mods: Partial<KeyInput> = {}): KeyInput => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('shortcutFor', () => {
  it('maps the documented keys to their actions', async () => {
    expect(shortcutFor(press('Delete'))).toBe('delete');
    expect(shortcutFor(press('Backspace'))).toBe('delete');
    expect(shortcutFor(press('z', { ctrlKey: true }))).toBe('undo');
    expect(shortcutFor(press('z', { metaKey: true }))).toBe('undo');
    expect(shortcutFor(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(shortcutFor(press('y', { ctrlKey: true }))).toBe('redo');
    expect(shortcutFor(press('c', { metaKey: true }))).toBe('copy');
    expect(shortcutFor(press('v', { ctrlKey: true }))).toBe('paste');
    expect(shortcutFor(press('a', { ctrlKey: true }))).toBe('selectAll');
    expect(shortcutFor(press('l'))).toBe('arrange');
    expect(shortcutFor(press('L'))).toBe('arrange');
    expect(shortcutFor(press('?', { shiftKey: true }))).toBe('help');
    expect(shortcutFor(press('Escape'))).toBe('clearSelection');
  });

  it('ignores other keys and modified letters', async () => {
    expect(shortcutFor(press('x'))).toBeNull();
    expect(shortcutFor(press('l', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('z', { altKey: true, ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('c', { ctrlKey: true, shiftKey: true }))).toBeNull();
  });

  it('lists every shortcut for the help dialog', async () => {
    const keys = SHORTCUTS.map((s) => s.keys).join(' | ');
    for (const k of ['Delete', 'Ctrl+Z', 'Ctrl+Y', 'Ctrl+C', 'Ctrl+V', 'Ctrl+A', 'L', '?']) expect(keys).toContain(k);
    expect(SHORTCUTS.every((s) => s.action.length > 0)).toBe(true);
  });

  it('treats fields, contenteditable and dialogs as typing targets', async () => {
    const input = document.createElement('input');
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    const button = document.createElement('button');
    dialog.append(button);
    expect(isTypingTarget(input)).toBe(true);
    expect(isTypingTarget(button)).toBe(true);
    expect(isTypingTarget(document.body)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('throttle', () => {
  afterEach(() => vi.useRealTimers());

  it('calls at once, then delivers the last call of a burst at the end of the window', async () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const t = throttle(fn, 50);
    t(1);
    t(2);
    t(3);
    expect(fn.mock.calls).toEqual([[1]]);
    vi.advanceTimersByTime(50);
    expect(fn.mock.calls).toEqual([[1], [3]]);
    t(4);
    t.cancel();
    vi.advanceTimersByTime(100);
    expect(fn.mock.calls).toEqual([[1], [3]]);
  });
});

describe('clipboard', () => {
  const board: Pick<Board, 'nodes' | 'edges'> = {
    nodes: [
      { id: 'a', kind: 'mine', label: 'A', country: 'AU', position: { x: 0, y: 0 } },
      { id: 'b', kind: 'refinery', label: 'B', country: 'AU', position: { x: 10, y: 0 } },
      { id: 'c', kind: 'consumer', label: 'C', country: 'JP', position: { x: 20, y: 0 } },
    ],
    edges: [
      { id: 'ab', from: 'a', to: 'b', mineral: 'lithium', volume: 5 },
      { id: 'bc', from: 'b', to: 'c', mineral: 'lithium', volume: 5 },
    ],
  };

  it('copies the selected nodes and only the edges between them, as deep copies', async () => {
    const items = copyItems(board, ['a', 'b', 'bc']);
    expect(items.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(items.edges.map((e) => e.id)).toEqual(['ab']);
    expect(items.nodes[0]).not.toBe(board.nodes[0]);
  });

  it('writes the copy as a board file and shifts it for the next paste', async () => {
    const items = copyItems(board, ['a']);
    const parsed = JSON.parse(clipboardJson(items));
    expect(parsed).toMatchObject({ format: 'lodestone.board', version: 2, nodes: [{ id: 'a' }], edges: [] });
    expect(shiftItems(items, 40, 40).nodes[0].position).toEqual({ x: 40, y: 40 });
    canvasClipboard.set(items);
    expect(canvasClipboard.get()).toBe(items);
    canvasClipboard.set(null);
  });
});

describe('format', () => {
  it('writes compact figures and volumes in the page language', async () => {
    const en = await intlIn('en');
    const it_ = await intlIn('it');
    expect(volumeIn(en, 9000)).toBe('9,000 t/yr');
    expect(volumeIn(it_, 1234.5)).toBe('1.235 t/anno');
    expect(volumeIn(it_, 2.25)).toBe('2,3 t/anno');
    const figure = (amount: number) => ({ field: 'capacity', primary: true, amount }) as const;
    expect([950, 12500, 30000, 2_300_000, Number.NaN].map((v) => figureText(en, figure(v)))).toEqual(['950 t/yr', '12.5k t/yr', '30k t/yr', '2.3m t/yr', '0 t/yr']);
    expect([12500, 2_300_000].map((v) => figureText(it_, figure(v)))).toEqual(['12,5K t/anno', '2,3\u00a0Mln t/anno']);
  });

  it("lists a node's main field first, the others with a prefix", async () => {
    const figures = nodeFigures({ id: 's', kind: 'stockpile', label: 'S', country: 'DE', position: { x: 0, y: 0 }, stock: { cobalt: 800 }, capacity: { cobalt: 50 } });
    const en = await intlIn('en');
    expect(figures.map((f) => figureText(en, f))).toEqual(['800 t', 'cap 50 t/yr']);
    const it_ = await intlIn('it');
    expect(figures.map((f) => figureText(it_, f))).toEqual(['800 t', 'cap. 50 t/anno']);
  });

  it('makes ids that match the item id pattern', async () => {
    const id = newId('refinery');
    expect(id).toMatch(ITEM_ID_PATTERN);
    expect(id.startsWith('refinery-')).toBe(true);
    expect(newId('e')).not.toBe(newId('e'));
  });
});

describe('ConnectDialog', () => {
  const renderDialog = async (initialMineral = '') => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    await renderIn(<ConnectDialog fromLabel="Mine" toLabel="Refinery" minerals={['cobalt', 'gallium']} initialMineral={initialMineral} onConfirm={onConfirm} onCancel={onCancel} />);
    return { onConfirm, onCancel, mineral: screen.getByLabelText('Mineral') as HTMLInputElement, volume: screen.getByLabelText('Volume (t/yr)') as HTMLInputElement };
  };

  it('offers the minerals on the board and confirms one with Enter, volume 0 by default', async () => {
    const { onConfirm, mineral } = await renderDialog();
    fireEvent.click(screen.getByRole('button', { name: 'gallium' }));
    expect(mineral.value).toBe('gallium');
    fireEvent.keyDown(mineral, { key: 'Enter' });
    expect(onConfirm).toHaveBeenCalledWith('gallium', 0);
  });

  it('accepts a new mineral key and a volume', async () => {
    const { onConfirm, mineral, volume } = await renderDialog();
    fireEvent.change(mineral, { target: { value: 'rare-earths-heavy' } });
    fireEvent.change(volume, { target: { value: '1250' } });
    fireEvent.keyDown(volume, { key: 'Enter' });
    expect(onConfirm).toHaveBeenCalledWith('rare-earths-heavy', 1250);
  });

  it('refuses an invalid mineral key with a sentence', async () => {
    const { onConfirm, mineral } = await renderDialog();
    fireEvent.change(mineral, { target: { value: 'Rare Earths' } });
    fireEvent.keyDown(mineral, { key: 'Enter' });
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('lower-case');
  });

  it('cancels with Escape', async () => {
    const { onCancel, onConfirm, mineral } = await renderDialog('cobalt');
    fireEvent.keyDown(mineral, { key: 'Escape' });
    expect(onCancel).toHaveBeenCalled();
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('validates mineral keys and volumes', async () => {
    expect(flowInputError('gallium', '0')).toBeNull();
    expect(flowInputError('a'.repeat(41), '0')).not.toBeNull();
    expect(flowInputError('9lives', '0')).not.toBeNull();
    expect(flowInputError('gallium', '-1')).not.toBeNull();
    expect(flowInputError('gallium', '')).not.toBeNull();
  });
});
