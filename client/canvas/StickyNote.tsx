/** One board note as a sticky note: drag it by its body, double-click (or Enter) to edit, × to delete. */
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useIntl } from 'react-intl';
import type { BoardNote, Position } from '../../shared/board/types';
import type { BoardActions } from '../state/types';
import { throttle } from './throttle';

/** Milliseconds between two position writes while a note is dragged. */
const NOTE_DRAG_MS = 50;

/** Props of StickyNote. */
export interface StickyNoteProps {
  note: BoardNote;
  editable: boolean;
  actions: Pick<BoardActions, 'updateNote' | 'deleteItems' | 'gesture'>;
  /** Opens in edit mode (a note just created). */
  startEditing?: boolean;
  onEditDone?(): void;
}

/** A sticky note in flow coordinates (inside the viewport portal). */
export const StickyNote = memo(function StickyNote({ note, editable, actions, startEditing = false, onEditDone }: StickyNoteProps) {
  const rf = useReactFlow();
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id: `canvas.note.${id}` }, values);
  const [dragAt, setDragAt] = useState<Position | null>(null);
  const [editing, setEditing] = useState(startEditing && editable);
  const [draft, setDraft] = useState(note.text);
  const cancelled = useRef(false);
  const grab = useRef<{ dx: number; dy: number; moved: boolean; pointer: number } | null>(null);
  const latest = useRef({ actions, id: note.id });
  latest.current = { actions, id: note.id };
  const writer = useMemo(() => throttle<Position>((p) => latest.current.actions.updateNote(latest.current.id, { position: p }), NOTE_DRAG_MS), []);
  useEffect(() => () => writer.cancel(), [writer]);
  useEffect(() => {
    if (!editing) setDraft(note.text);
  }, [note.text, editing]);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (!editable || editing || e.button !== 0 || (e.target as Element).closest('button, textarea')) return;
    e.stopPropagation();
    const p = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
    grab.current = { dx: p.x - note.position.x, dy: p.y - note.position.y, moved: false, pointer: e.pointerId };
    e.currentTarget.setPointerCapture?.(e.pointerId);
    actions.gesture();
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const g = grab.current;
    if (!g || g.pointer !== e.pointerId) return;
    const p = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
    const at = { x: Math.round(p.x - g.dx), y: Math.round(p.y - g.dy) };
    g.moved = true;
    setDragAt(at);
    writer(at);
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    const g = grab.current;
    if (!g || g.pointer !== e.pointerId) return;
    grab.current = null;
    writer.cancel();
    if (g.moved && dragAt) actions.updateNote(note.id, { position: dragAt });
    actions.gesture();
    setDragAt(null);
  };

  const finish = (save: boolean) => {
    // Esc unmounts the field; a blur that may follow must not save.
    if (cancelled.current) return;
    cancelled.current = !save;
    if (save && draft !== note.text) actions.updateNote(note.id, { text: draft });
    if (!save) setDraft(note.text);
    setEditing(false);
    onEditDone?.();
  };
  const onNoteKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing || !editable || e.target !== e.currentTarget) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      cancelled.current = false;
      setEditing(true);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      // Handled here, so the canvas does not delete its own selection too.
      e.preventDefault();
      actions.deleteItems([note.id]);
    }
  };
  const onAreaKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      finish(false);
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      finish(true);
    }
  };

  const at = dragAt ?? note.position;
  return (
    <div
      className={`ls-note nopan nodrag nowheel${dragAt ? ' ls-note--dragging' : ''}${editable ? ' ls-note--editable' : ''}`}
      data-testid={`note-${note.id}`}
      role="note"
      aria-label={note.text.trim() === '' ? t('empty') : t('label', { text: note.text.trim().slice(0, 60) })}
      tabIndex={0}
      style={{ transform: `translate(${at.x}px, ${at.y}px)` }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={() => {
        if (!editable) return;
        cancelled.current = false;
        setEditing(true);
      }}
      onKeyDown={onNoteKey}
    >
      {editable && (
        <button type="button" className="ls-note__remove" aria-label={t('remove')} title={t('remove')} onClick={() => actions.deleteItems([note.id])}>
          ×
        </button>
      )}
      {editing ? (
        <textarea
          className="ls-note__input"
          aria-label={t('editLabel')}
          title={t('hint')}
          autoFocus
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => finish(true)}
          onKeyDown={onAreaKey}
        />
      ) : (
        <p className={`ls-note__text${note.text.trim() === '' ? ' ls-note__text--empty' : ''}`}>{note.text.trim() === '' ? (editable ? t('emptyHint') : '') : note.text}</p>
      )}
    </div>
  );
});
