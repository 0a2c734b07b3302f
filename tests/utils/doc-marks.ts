/**
 * Test edits that fit the live document's schema: a "mark" is a note keyed by the test (its text holds the
 * value), so tests of sync, storage and crash safety can write many small keyed values the server accepts.
 */
import * as Y from 'yjs';

/** Sets the mark `key` to `value` (a note whose text is the value). */
export function mark(doc: Y.Doc, key: string, value: string | number): void {
  doc.getMap('notes').set(key, new Y.Map<unknown>([['text', String(value)]]));
}

/** The value of the mark `key`, as text, or undefined. */
export function markOf(doc: Y.Doc, key: string): string | undefined {
  const note = doc.getMap('notes').get(key);
  const text = note instanceof Y.Map ? note.get('text') : undefined;
  return typeof text === 'string' ? text : undefined;
}

/** The keys of every mark, sorted. */
export function markKeys(doc: Y.Doc): string[] {
  return [...doc.getMap('notes').keys()].sort();
}

/** Every mark of a doc, key -> text. */
export function marks(doc: Y.Doc): Map<string, string> {
  const out = new Map<string, string>();
  for (const key of doc.getMap('notes').keys()) {
    const text = markOf(doc, key);
    if (text !== undefined) out.set(key, text);
  }
  return out;
}
