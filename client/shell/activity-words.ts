/** What a toast says about a shared action (pure; the sentences live here for a later translation layer). */
import { parseDetail, type Activity } from '../../shared/board/activity';

/** A shared action as the board page gets it: `mine` when this person did it. */
export interface ActivityNotice extends Activity {
  mine: boolean;
}

const levers = (n: number) => (n === 1 ? '1 lever was switched off' : `${n} levers were switched off`);

/** The toast's sentence, or null when there is nothing to tell (my own lever changes). */
export function activitySentence(a: ActivityNotice): string | null {
  const who = a.mine ? 'You' : a.by.trim() || 'Someone';
  const detail = parseDetail(a.detail);
  switch (a.type) {
    case 'arrange':
      return `${who} arranged the board by stage.`;
    case 'import':
      return a.mine ? 'You replaced the board with an import.' : `${who} replaced the board with an import.`;
    case 'restore': {
      const name = typeof detail.name === 'string' ? ` "${detail.name}"` : '';
      const off = typeof detail.leversOff === 'number' && detail.leversOff > 0 ? `; ${levers(detail.leversOff)}` : '';
      return `${who} restored the snapshot${name}${off}.`;
    }
    case 'lever': {
      if (a.mine) return null;
      const label = typeof detail.label === 'string' ? `"${detail.label}"` : 'a lever';
      const state = detail.enabled === true ? 'on' : detail.enabled === false ? 'off' : null;
      if (state === null) return `${who} changed ${label}.`;
      return detail.switched === true ? `${who} switched ${state} ${label}.` : `${who} changed ${label} (it is ${state}).`;
    }
  }
}

/** Whether the toast offers Undo: my own arrange or import (my restore has its own "Undo restore"). */
export function offersUndo(a: ActivityNotice): boolean {
  return a.mine && (a.type === 'arrange' || a.type === 'import');
}

/** The lever a notice is about, if any (lever toasts show only to people looking at that lever). */
export function leverOf(a: ActivityNotice): string | null {
  const id = parseDetail(a.detail).id;
  return a.type === 'lever' && typeof id === 'string' ? id : null;
}
