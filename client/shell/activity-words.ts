/** What a toast says about a shared action (pure; the sentences are in the shell catalog). */
import type { IntlShape } from 'react-intl';
import { parseDetail, type Activity } from '../../shared/board/activity';

/** A shared action as the board page gets it: `mine` when this person did it. */
export interface ActivityNotice extends Activity {
  mine: boolean;
}

/** The toast's sentence in the page's language, or null when there is nothing to tell (my own lever changes). */
export function activitySentence(intl: IntlShape, a: ActivityNotice): string | null {
  const side = a.mine ? 'mine' : 'other';
  const who = a.by.trim() || intl.formatMessage({ id: 'shell.activity.someone' });
  const detail = parseDetail(a.detail);
  const say = (id: string, values: Record<string, string | number> = {}) => intl.formatMessage({ id: `shell.activity.${id}` }, { who, ...values });
  switch (a.type) {
    case 'arrange':
    case 'import':
      return say(`${a.type}.${side}`);
    case 'restore': {
      const name = typeof detail.name === 'string' ? detail.name : '';
      const off = typeof detail.leversOff === 'number' && detail.leversOff > 0 ? detail.leversOff : 0;
      return say(`restore.${side}`, { hasName: name ? 'yes' : 'no', name, off });
    }
    case 'lever': {
      if (a.mine) return null;
      const label = typeof detail.label === 'string' ? detail.label : '';
      const state = detail.enabled === true ? 'On' : detail.enabled === false ? 'Off' : null;
      // "switched off" for the switch itself, "changed (it is on)" for a slider or days; `switched` is absent in older entries.
      const id = state === null ? 'changed' : detail.switched === true ? `switched${state}` : `changed${state}`;
      return say(`lever.${id}`, { hasLabel: label ? 'yes' : 'no', label });
    }
  }
}

/** Whether the toast offers Undo: my own arrange or import (my restore has its own "Undo restore"). */
export function offersUndo(a: ActivityNotice): boolean {
  return a.mine && (a.type === 'arrange' || a.type === 'import');
}
