/** Short toasts for shared actions, with the person's name, in a live region that is always there (each toast comes in its own chunk, see ActivityToast). */
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
  /** Whether I am looking at this lever (lever toasts show only then). */
  watchingLever(id: string): boolean;
  onUndo(): void;
  onDismiss(id: string): void;
}

/** The stack of toasts (bottom centre), announced politely to screen readers. */
export function ActivityToasts({ notices, watchingLever, onUndo, onDismiss }: ActivityToastsProps) {
  const shown = (notices ?? []).filter((notice) => {
    const lever = leverOf(notice);
    return lever === null || watchingLever(lever);
  });
  return (
    <ul className="ls-shell ls-toasts" role="status" aria-live="polite">
      {shown.map((notice) => <ActivityToast key={`${notice.id}-${notice.at}`} notice={notice} onUndo={onUndo} onDismiss={onDismiss} />)}
    </ul>
  );
}
