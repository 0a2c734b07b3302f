/** The canvas keyboard shortcuts as data (the help dialog lists them) and the pure key -> action mapping. */

/** What a shortcut does. */
export type ShortcutAction = 'delete' | 'undo' | 'redo' | 'copy' | 'paste' | 'selectAll' | 'arrange' | 'help' | 'clearSelection' | 'search';

/** Actions that change the board (disabled for viewers). */
export const EDITING_ACTIONS: ReadonlySet<ShortcutAction> = new Set(['delete', 'undo', 'redo', 'paste', 'arrange']);

/** Every shortcut, for the help dialog: `action` names its words in the shell catalog (`shell.shortcut.<action>`). "Ctrl" means Cmd on a Mac. */
export const SHORTCUTS: { keys: string; action: string }[] = [
  { keys: 'Delete / Backspace', action: 'delete' },
  { keys: 'Ctrl+Z', action: 'undo' },
  { keys: 'Ctrl+Shift+Z / Ctrl+Y', action: 'redo' },
  { keys: 'Ctrl+C', action: 'copy' },
  { keys: 'Ctrl+V', action: 'paste' },
  { keys: 'Ctrl+A', action: 'selectAll' },
  { keys: 'Esc', action: 'clearSelection' },
  { keys: 'L', action: 'arrange' },
  { keys: 'Ctrl+F / /', action: 'search' },
  { keys: '?', action: 'help' },
  { keys: 'Drag from a right handle to a node', action: 'addFlow' },
  { keys: 'Shift+drag', action: 'boxSelect' },
];

/** The key facts the mapping needs (a KeyboardEvent has them). */
export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The action a key press asks for, or null. */
export function shortcutFor(e: KeyInput): ShortcutAction | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (e.altKey) return null;
  if (mod) {
    if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
    if (key === 'y' && !e.shiftKey) return 'redo';
    if (e.shiftKey) return null;
    if (key === 'c') return 'copy';
    if (key === 'v') return 'paste';
    if (key === 'a') return 'selectAll';
    if (key === 'f') return 'search';
    return null;
  }
  if (key === 'Delete' || key === 'Backspace') return 'delete';
  if (key === 'Escape') return 'clearSelection';
  if (key === '?') return 'help';
  if (key === '/') return 'search';
  if (key === 'l' && !e.shiftKey) return 'arrange';
  return null;
}
