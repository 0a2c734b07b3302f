/** Adding a sticky note from the toolbar (the notes themselves load in their own chunk, see lazy-canvas.ts). */
import { useCallback } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { BoardActions } from '../state/types';
import { newId } from './ids';

/** Size of a new note in flow pixels (CSS draws it). */
export const NOTE_SIZE = { width: 180, height: 120 };

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
