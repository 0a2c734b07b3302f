/** The sentences of the lost-edits notice, in the page's language (apart from the log so they load with the notice). */
import type { IntlShape } from 'react-intl';
import type { LostEdit } from './offline-edits';

/** Fields whose name the catalog words (`sync.lost.field.<field>`); any other shows as it is stored. */
const WORDED_FIELDS = new Set(['label', 'volume', 'capacity', 'mineral', 'country', 'text', 'enabled', 'kind', 'stock', 'share']);

/** A sentence per lost edit in the page's language, e.g. `Your change to the volume of flow "Mine → Refinery" was changed by someone else.`; one per deleted item. */
export function describeLostEdits(intl: IntlShape, lost: LostEdit[]): string[] {
  const seenRemoved = new Set<string>();
  const lines: string[] = [];
  for (const edit of lost) {
    if (edit.collection === 'title') {
      lines.push(intl.formatMessage({ id: 'sync.lost.title' }));
      continue;
    }
    const what = edit.collection;
    if (edit.removed) {
      if (seenRemoved.has(edit.id)) continue;
      seenRemoved.add(edit.id);
      lines.push(intl.formatMessage({ id: 'sync.lost.removed' }, { what, label: edit.label }));
    } else {
      const field = WORDED_FIELDS.has(edit.field) ? intl.formatMessage({ id: `sync.lost.field.${edit.field}` }) : edit.field;
      lines.push(intl.formatMessage({ id: 'sync.lost.overwritten' }, { what, field, label: edit.label }));
    }
  }
  return lines;
}
