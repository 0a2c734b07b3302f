/** The board's notes on the canvas, in the viewport (they pan and zoom with the board), above the flows. */
import { ViewportPortal } from '@xyflow/react';
import type { BoardNote } from '../../shared/board/types';
import type { BoardActions } from '../state/types';
import { StickyNote } from './StickyNote';

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
