/** The board's notes on the canvas, in the viewport (they pan and zoom with the board), above the flows. */
import { useCallback } from 'react';
import { ViewportPortal, useReactFlow } from '@xyflow/react';
import type { BoardNote } from '../../shared/board/types';
import type { BoardActions } from '../state/types';
import { newId } from './ids';
import { StickyNote } from './StickyNote';

/** Size of a new note in flow pixels (CSS draws it). */
export const NOTE_SIZE = { width: 180, height: 120 };

/** Props of NotesLayer. */
export interface NotesLayerProps {
  notes: readonly BoardNote[];
  editable: boolean;
  actions: Pick<BoardActions, 'updateNote' | 'deleteItems' | 'gesture'>;
  /** The note to open for writing (just created here). */
  editId: string | null;
  onEditDone(): void;
}

/** Every note of the board. */
export function NotesLayer({ notes, editable, actions, editId, onEditDone }: NotesLayerProps) {
  return (
    <ViewportPortal>
      <div className="ls-notes">
        {notes.map((note) => (
          <StickyNote key={note.id} note={note} editable={editable} actions={actions} startEditing={note.id === editId} onEditDone={onEditDone} />
        ))}
      </div>
    </ViewportPortal>
  );
}

/** Adds an empty note in the middle of what the person sees and returns its id (to open it for writing). */
export function useAddNote(actions: Pick<BoardActions, 'addNote'>): () => string {
  const rf = useReactFlow();
  return useCallback(() => {
    const pane = document.querySelector('.react-flow__pane')?.getBoundingClientRect();
    const middle = pane ? rf.screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 }) : { x: 0, y: 0 };
    const id = newId('note');
    actions.addNote({ id, text: '', position: { x: Math.round(middle.x - NOTE_SIZE.width / 2), y: Math.round(middle.y - NOTE_SIZE.height / 2) } });
    return id;
  }, [rf, actions]);
}
