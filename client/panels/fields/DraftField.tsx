/** A text input that keeps what the person types as a draft, shows why it cannot be stored, and stores it on blur or Enter. */
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import './fields.css';

/** Props of DraftField. */
export interface DraftFieldProps {
  label: string;
  /** The stored value, as text. */
  value: string;
  /** The reason `text` cannot be stored, or null when it can. */
  check(text: string): string | null;
  /** Stores valid text (called on blur or Enter, only when it differs from `value`). */
  commit(text: string): void;
  disabled?: boolean;
  /** Rewrites typed text before it is checked (e.g. upper-casing a country code). */
  normalise?(text: string): string;
  inputMode?: 'text' | 'decimal';
  /** Id of a datalist of suggestions. */
  list?: string;
  placeholder?: string;
  /** Shown after the input, given the current text (e.g. a flag). */
  adornment?(text: string): ReactNode;
  /** Keeps the label for screen readers and tests only. */
  hideLabel?: boolean;
  className?: string;
}

/** A labelled, validated-as-you-type text field. */
export function DraftField(props: DraftFieldProps) {
  const { label, value, check, commit, disabled = false, normalise, inputMode = 'text', list, placeholder, adornment, hideLabel, className } = props;
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? value;
  const error = draft === null ? null : check(draft);

  const settle = () => {
    if (draft === null || error !== null) return;
    if (draft !== value) commit(draft);
    setDraft(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      settle();
    } else if (event.key === 'Escape') {
      setDraft(null);
    }
  };

  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>{label}</label>
      <span className="field-input">
        <input
          id={id}
          type="text"
          inputMode={inputMode}
          list={list}
          placeholder={placeholder}
          value={text}
          disabled={disabled}
          aria-invalid={error !== null}
          aria-describedby={error !== null ? `${id}-error` : undefined}
          onChange={(event) => setDraft(normalise ? normalise(event.target.value) : event.target.value)}
          onBlur={settle}
          onKeyDown={onKeyDown}
        />
        {adornment?.(text)}
      </span>
      {error !== null && (
        <span id={`${id}-error`} role="alert" className="field-error">{error}</span>
      )}
    </div>
  );
}
