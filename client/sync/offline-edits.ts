/** The fields a person changed while offline, and which of them someone else overwrote meanwhile (pure). */
import type { Board } from '../../shared/board/types';

/** Where an offline edit went. */
export type EditedCollection = 'nodes' | 'edges' | 'levers' | 'notes' | 'title';

/** One field written while offline (the last value written wins). */
export interface OfflineEdit {
  collection: EditedCollection;
  id: string;
  field: string;
  value: unknown;
}

/** An offline edit the merged board does not keep. */
export interface LostEdit extends OfflineEdit {
  /** The item's label as it is now (or its id). */
  label: string;
  /** The item was deleted by someone else. */
  removed: boolean;
}

/** JSON with object keys sorted, so {a,b} and {b,a} compare equal. */
function stable(value: unknown): string {
  if (value === undefined) return 'undefined';
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

function itemOf(board: Board, collection: EditedCollection, id: string): Record<string, unknown> | null | undefined {
  const list = collection === 'nodes' ? board.nodes : collection === 'edges' ? board.edges : collection === 'levers' ? board.scenario.disruptions : collection === 'notes' ? board.notes ?? [] : null;
  if (list === null) return undefined;
  return (list as unknown as Record<string, unknown>[]).find((item) => item.id === id) ?? null;
}

function labelOf(board: Board, collection: EditedCollection, item: Record<string, unknown> | null, id: string): string {
  if (collection === 'edges' && item) {
    const from = board.nodes.find((n) => n.id === item.from)?.label ?? String(item.from);
    const to = board.nodes.find((n) => n.id === item.to)?.label ?? String(item.to);
    return `${from} → ${to}`;
  }
  if (item && typeof item.label === 'string' && item.label) return item.label;
  if (item && typeof item.text === 'string' && item.text) return item.text.slice(0, 40);
  return id;
}

/** Collects the fields written while offline, one entry per field. */
export class OfflineEditLog {
  private edits = new Map<string, OfflineEdit>();

  /** Notes the fields of one change (each field is compared on its own later). */
  record(collection: EditedCollection, id: string, changes: Record<string, unknown>): void {
    for (const [field, value] of Object.entries(changes)) this.edits.set(`${collection}\u0000${id}\u0000${field}`, { collection, id, field, value: JSON.parse(stable(value ?? null)) as unknown });
  }

  get size(): number {
    return this.edits.size;
  }

  /** The recorded edits the merged `board` does not keep; the log is emptied. */
  takeLost(board: Board): LostEdit[] {
    const lost: LostEdit[] = [];
    for (const edit of this.edits.values()) {
      if (edit.collection === 'title') {
        if (board.title !== edit.value) lost.push({ ...edit, label: board.title, removed: false });
        continue;
      }
      const item = itemOf(board, edit.collection, edit.id);
      if (item === undefined) continue;
      if (item === null) lost.push({ ...edit, label: edit.id, removed: true });
      else if (stable(item[edit.field] ?? null) !== stable(edit.value)) lost.push({ ...edit, label: labelOf(board, edit.collection, item, edit.id), removed: false });
    }
    this.edits.clear();
    return lost;
  }
}
