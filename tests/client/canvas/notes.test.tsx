import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Canvas, type CanvasProps } from '../../../client/canvas/Canvas';
import type { BoardViewState, Role } from '../../../client/state/types';
import { createBoardActions } from '../../../client/sync/board-actions';
import type { Board, BoardNote } from '../../../shared/board/types';
import { BOARD_MAP_NAMES, readBoardFromDoc, writeBoardToDoc } from '../../../shared/board/yjs-doc';
import { mockActions } from '../mock-actions';
import { renderIn } from '../../utils/intl';

const note: BoardNote = { id: 'n1', text: 'Check the Durban figures', position: { x: 40, y: 200 } };

function board(notes: BoardNote[] = [note]): Board {
  return {
    format: 'lodestone.board', version: 2, title: 'Notes board',
    nodes: [{ id: 'm1', kind: 'mine', label: 'Kolwezi mine', country: 'CD', position: { x: 0, y: 0 } }],
    edges: [], scenario: { name: 'Baseline', disruptions: [], expansions: [], priceFloors: [] }, notes,
  };
}

async function renderCanvas(role: Role = 'editor', b = board()) {
  const actions = mockActions();
  const state: BoardViewState = { boardId: 'b1', role, status: 'connected', message: null, loaded: true, board: b, peers: [], canUndo: false, canRedo: false };
  const props: CanvasProps = { state, actions, exposure: null, selection: [], onSelectionChange: () => undefined, focus: null };
  const view = await renderIn(<div style={{ width: 1000, height: 700 }}><Canvas {...props} /></div>);
  // The notes come in their own chunk, right after the canvas.
  await waitFor(() => expect(document.querySelector('.ls-notes')).not.toBeNull());
  const rerender = (next: Board) => view.rerender(<div style={{ width: 1000, height: 700 }}><Canvas {...props} state={{ ...state, board: next }} /></div>);
  return { actions, rerender };
}

describe('Sticky notes on the canvas', () => {
  it("draws the board's notes at their position", async () => {
    await renderCanvas();
    const el = screen.getByTestId('note-n1');
    expect(el.textContent).toContain('Check the Durban figures');
    expect(el.style.transform).toBe('translate(40px, 200px)');
    expect(screen.getByRole('note', { name: 'Note: Check the Durban figures' })).toBe(el);
  });

  it('edits a note on double-click and saves on blur; Esc cancels', async () => {
    const { actions } = await renderCanvas();
    const el = screen.getByTestId('note-n1');
    fireEvent.doubleClick(el);
    const area = within(el).getByRole('textbox', { name: 'Note text' });
    fireEvent.change(area, { target: { value: 'Durban checked' } });
    fireEvent.blur(area);
    expect(actions.updateNote).toHaveBeenCalledWith('n1', { text: 'Durban checked' });

    fireEvent.keyDown(el, { key: 'Enter' });
    const again = within(el).getByRole('textbox', { name: 'Note text' });
    fireEvent.change(again, { target: { value: 'never saved' } });
    fireEvent.keyDown(again, { key: 'Escape' });
    fireEvent.blur(again);
    expect(actions.updateNote).toHaveBeenCalledTimes(1);
    expect(within(el).queryByRole('textbox')).toBeNull();
  });

  it('moves a note by dragging it: one final write between two gesture marks', async () => {
    const { actions } = await renderCanvas();
    const el = screen.getByTestId('note-n1');
    fireEvent.pointerDown(el, { button: 0, pointerId: 1, clientX: 100, clientY: 100 });
    fireEvent.pointerMove(el, { pointerId: 1, clientX: 160, clientY: 130 });
    expect(el.style.transform).not.toBe('translate(40px, 200px)');
    fireEvent.pointerUp(el, { pointerId: 1, clientX: 160, clientY: 130 });
    const last = actions.updateNote.mock.calls.at(-1)!;
    expect(last[0]).toBe('n1');
    const position = (last[1] as { position: { x: number; y: number } }).position;
    expect(position.x).toBeGreaterThan(40);
    expect(position.y).toBeGreaterThan(200);
    expect(actions.gesture).toHaveBeenCalledTimes(2);
  });

  it('deletes a note with its × button or the Delete key, and adds one from the toolbar', async () => {
    const { actions } = await renderCanvas();
    fireEvent.click(screen.getByRole('button', { name: 'Delete note' }));
    expect(actions.deleteItems).toHaveBeenLastCalledWith(['n1']);
    fireEvent.keyDown(screen.getByTestId('note-n1'), { key: 'Delete' });
    expect(actions.deleteItems).toHaveBeenCalledTimes(2);
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    expect(actions.addNote).toHaveBeenCalledWith({ id: expect.stringMatching(/^note-/), text: '', position: expect.any(Object) });
  });

  it('opens a note just added for writing', async () => {
    const { actions, rerender } = await renderCanvas('editor', board([]));
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    const added = actions.addNote.mock.calls[0][0];
    act(() => rerender(board([added])));
    expect(within(screen.getByTestId(`note-${added.id}`)).getByRole('textbox', { name: 'Note text' })).toBe(document.activeElement);
  });

  it('is read-only for a viewer: no add, no delete, no edit, no drag', async () => {
    const { actions } = await renderCanvas('viewer');
    expect(screen.queryByRole('button', { name: 'Add note' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete note' })).toBeNull();
    const el = screen.getByTestId('note-n1');
    fireEvent.doubleClick(el);
    expect(within(el).queryByRole('textbox')).toBeNull();
    fireEvent.pointerDown(el, { button: 0, pointerId: 1, clientX: 100, clientY: 100 });
    fireEvent.pointerMove(el, { pointerId: 1, clientX: 160, clientY: 130 });
    fireEvent.pointerUp(el, { pointerId: 1 });
    expect(actions.updateNote).not.toHaveBeenCalled();
  });
});

describe('Notes in the shared document', () => {
  it('adds, moves, edits and deletes notes, each undoable with my own undo', async () => {
    const doc = writeBoardToDoc(new Y.Doc(), board([]));
    const origin = { me: true };
    const undo = new Y.UndoManager(BOARD_MAP_NAMES.map((name) => doc.getMap(name)), { trackedOrigins: new Set([origin]), captureTimeout: 0 });
    const actions = createBoardActions(doc, origin, undo, { setCursor: () => {}, setSelection: () => {} });
    actions.addNote(note);
    actions.updateNote('n1', { position: { x: 300, y: 10 } });
    actions.updateNote('n1', { text: 'Moved' });
    expect(readBoardFromDoc(doc).notes).toEqual([{ id: 'n1', text: 'Moved', position: { x: 300, y: 10 } }]);
    actions.undo();
    expect(readBoardFromDoc(doc).notes[0].text).toBe(note.text);
    actions.undo();
    expect(readBoardFromDoc(doc).notes[0].position).toEqual(note.position);
    actions.redo();
    actions.deleteItems(['n1']);
    expect(readBoardFromDoc(doc).notes).toEqual([]);
    actions.undo();
    expect(readBoardFromDoc(doc).notes).toEqual([{ id: 'n1', text: note.text, position: { x: 300, y: 10 } }]);
  });
});
