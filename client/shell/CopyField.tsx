/** A read-only link with a Copy button: the clipboard when the browser allows it, otherwise the text is selected for Ctrl+C. */
import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import './shell.css';

/** Props of CopyField. */
export interface CopyFieldProps {
  /** Names the field ("Editor link"). */
  label: string;
  /** Names its button ("Copy editor link"); default "Copy: <label>". */
  copyLabel?: string;
  value: string;
}

/** The link and its Copy button. */
export function CopyField({ label, copyLabel, value }: CopyFieldProps) {
  const input = useRef<HTMLInputElement>(null);
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id: `shell.copy.${id}` }, { label });
  const [outcome, setOutcome] = useState<'copied' | 'selected' | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const show = (what: 'copied' | 'selected') => {
    setOutcome(what);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setOutcome(null), 2500);
  };

  const copy = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      show('copied');
    } catch {
      // Insecure page or a refused permission: select the text so the person can copy it themselves.
      input.current?.focus();
      input.current?.select();
      show('selected');
    }
  };

  return (
    <div className="ls-copy">
      <input ref={input} className="ls-input ls-copy__input" readOnly value={value} aria-label={label} onFocus={(event) => event.target.select()} />
      <button type="button" className="ls-button ls-button--small" onClick={copy} aria-label={copyLabel ?? t('button')}>
        {outcome === 'copied' ? t('copied') : t('copy')}
      </button>
      {outcome === 'selected' && (
        <span className="ls-copy__hint" role="status">
          {t('selected')}
        </span>
      )}
      {outcome === 'copied' && <span className="ls-visually-hidden" role="status">{t('done')}</span>}
    </div>
  );
}
