/** After a reconnect: which of my offline edits someone else overwrote meanwhile (shown until dismissed). */
import './shell.css';

const WORDS = {
  heading: (count: number) => (count === 1 ? 'Back online: one of your offline edits was overwritten' : `Back online: ${count} of your offline edits were overwritten`),
  dismiss: 'Dismiss',
} as const;

/** Props of LostEditsNotice. */
export interface LostEditsNoticeProps {
  lines: string[] | undefined;
  onDismiss(): void;
}

/** The notice, or nothing when no edit was lost. */
export function LostEditsNotice({ lines, onDismiss }: LostEditsNoticeProps) {
  if (!lines || lines.length === 0) return null;
  return (
    <div role="alert" className="ls-shell ls-lost-edits" data-testid="lost-edits">
      <strong>{WORDS.heading(lines.length)}</strong>
      <ul>
        {lines.slice(0, 8).map((line) => <li key={line}>{line}</li>)}
        {lines.length > 8 && <li>…and {lines.length - 8} more.</li>}
      </ul>
      <button type="button" className="ls-button ls-button--small" onClick={onDismiss}>{WORDS.dismiss}</button>
    </div>
  );
}
