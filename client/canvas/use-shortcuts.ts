/** Canvas keyboard shortcuts on the document, ignored while the person types in a field or works in a dialog. */
import { useEffect, useRef } from 'react';
import { EDITING_ACTIONS, shortcutFor, type ShortcutAction } from './shortcuts';

/** Handlers return false when they did nothing, so the browser keeps its default (e.g. copying selected text). */
export type ShortcutHandlers = Record<ShortcutAction, () => boolean | void>;

/** True when the key belongs to a text field, a contenteditable or a dialog, not to the canvas. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="dialog"]')) return true;
  return target instanceof HTMLElement && target.isContentEditable === true;
}

/** Listens for the shortcuts of SHORTCUTS; editing ones only when `editable`. */
export function useShortcuts(handlers: ShortcutHandlers, editable: boolean, enabled = true): void {
  const latest = useRef({ handlers, editable });
  latest.current = { handlers, editable };
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || isTypingTarget(e.target)) return;
      const action = shortcutFor(e);
      if (action === null) return;
      if (EDITING_ACTIONS.has(action) && !latest.current.editable) return;
      if (latest.current.handlers[action]() !== false) e.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
