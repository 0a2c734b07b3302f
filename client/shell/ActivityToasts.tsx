/** Short toasts for shared actions, with the person's name; Undo on my own arrange or import; each goes after a few seconds. */
import { useEffect, useState } from 'react';
import { activitySentence, leverOf, offersUndo, type ActivityNotice } from './activity-words';
import './shell.css';

const UNDO_LABEL: Partial<Record<ActivityNotice['type'], string>> = { arrange: 'Undo the arrangement', import: 'Undo the import' };

/** How long a toast stays. */
export const TOAST_MS = 8000;

/** Props of ActivityToasts. */
export interface ActivityToastsProps {
  notices: ActivityNotice[] | undefined;
  /** Whether I am looking at this lever (a lever toast shows only when it arrives while I do). */
  watchingLever(id: string): boolean;
  onUndo(): void;
  onDismiss(id: string): void;
}

function Toast({ notice, text, onUndo, onDismiss }: { notice: ActivityNotice; text: string; onUndo(): void; onDismiss(id: string): void }) {
  useEffect(() => {
    const timer = setTimeout(() => onDismiss(notice.id), TOAST_MS);
    return () => clearTimeout(timer);
  }, [notice.id, notice.at, onDismiss]);
  return (
    <li className="ls-toast" data-testid="activity-toast" data-type={notice.type}>
      <span>{text}</span>
      {offersUndo(notice) && (
        <button type="button" className="ls-button ls-button--small" onClick={() => (onUndo(), onDismiss(notice.id))} aria-label={UNDO_LABEL[notice.type] ?? 'Undo'}>Undo</button>
      )}
      <button type="button" className="ls-toast__close" aria-label="Dismiss" onClick={() => onDismiss(notice.id)}>×</button>
    </li>
  );
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
  const shown = current.flatMap((notice) => {
    if (!seen.get(keyOf(notice))) return [];
    const text = activitySentence(notice);
    return text ? [{ notice, text }] : [];
  });
  return (
    <ul className="ls-shell ls-toasts" role="status" aria-live="polite">
      {shown.map(({ notice, text }) => <Toast key={keyOf(notice)} notice={notice} text={text} onUndo={onUndo} onDismiss={onDismiss} />)}
    </ul>
  );
}
