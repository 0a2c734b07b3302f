/** The board's title, renamable in place by editors. */
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';

/** Shows the title; editors click to rename (Enter or leaving the field saves, Escape cancels). */
export function BoardTitle({ title, readOnly, onRename }: { title: string; readOnly: boolean; onRename(title: string): void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const intl = useIntl();
  useEffect(() => setDraft(null), [title]);
  if (readOnly || draft === null) {
    return (
      <h1 className="board-title" onDoubleClick={() => !readOnly && setDraft(title)} title={readOnly ? undefined : intl.formatMessage({ id: 'views.title.rename' })}>
        {title}
      </h1>
    );
  }
  const save = () => {
    const next = draft.trim();
    if (next.length >= 1 && next.length <= 200 && next !== title) onRename(next);
    setDraft(null);
  };
  return (
    <input
      className="board-title-input" aria-label={intl.formatMessage({ id: 'views.title.label' })} autoFocus value={draft} maxLength={200}
      onChange={(e) => setDraft(e.target.value)} onBlur={save}
      onKeyDown={(e) => (e.key === 'Enter' ? save() : e.key === 'Escape' ? setDraft(null) : undefined)}
    />
  );
}
