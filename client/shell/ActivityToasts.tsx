/** Short toasts for shared actions, with the person's name, in a live region that is always there (each toast comes in its own chunk, see ActivityToast). */
import { useState } from 'react';
import { parseDetail } from '../../shared/board/activity';
import type { ActivityNotice } from './activity-words';
import type { ActivityToastProps } from './ActivityToast';
import { lazyPart } from './lazy-part';
import './shell.css';

const ActivityToast = lazyPart<ActivityToastProps>(async () => (await import('./ActivityToast')).ActivityToast);

/** The lever a notice is about, if any (lever toasts show only to people looking at that lever). */
export function leverOf(a: ActivityNotice): string | null {
  const id = parseDetail(a.detail).id;
  return a.type === 'lever' && typeof id === 'string' ? id : null;
}

/** Props of ActivityToasts. */
export interface ActivityToastsProps {
  notices: ActivityNotice[] | undefined;
  /** Whether I am looking at this lever (a lever toast shows only when it arrives while I do). */
  watchingLever(id: string): boolean;
  onUndo(): void;
  onDismiss(id: string): void;
}

const keyOf = (notice: ActivityNotice) => `${notice.id}-${notice.at}`;

/**
 * The stack of toasts (bottom centre), announced politely to screen readers. Whether a lever toast shows is
 * decided when it arrives: a change made while I looked elsewhere is not news when I open the lever later,
 * and a toast I saw does not vanish when I look away.
 */
export function ActivityToasts({ notices, watchingLever, onUndo, onDismiss }: ActivityToastsProps) {
  const [decided, setDecided] = useState<ReadonlyMap<string, boolean>>(() => new Map());
  const current = notices ?? [];
  let seen = decided;
  if (current.some((n) => !decided.has(keyOf(n))) || decided.size > current.length) {
    // Adjusting state while rendering (React's pattern for state derived from new props): no frame shows the undecided list.
    seen = new Map(current.map((n) => {
      const lever = leverOf(n);
      return [keyOf(n), decided.get(keyOf(n)) ?? (lever === null || watchingLever(lever))];
    }));
    setDecided(seen);
  }
  const shown = current.filter((notice) => seen.get(keyOf(notice)));
  return (
    <ul className="ls-shell ls-toasts" role="status" aria-live="polite">
      {shown.map((notice) => <ActivityToast key={keyOf(notice)} notice={notice} onUndo={onUndo} onDismiss={onDismiss} />)}
    </ul>
  );
}
