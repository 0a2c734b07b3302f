/** A file input drawn as a button in the person's words: the browser's own "Choose File / No file chosen" follow the browser's language, not the one chosen here. */
import { useState, type ChangeEvent } from 'react';
import { useIntl } from 'react-intl';
import './shell.css';

/** Props of FileButton. */
export interface FileButtonProps {
  /** The input's id, for a field label elsewhere (`<label htmlFor>`). */
  id: string;
  accept: string;
  onChange(event: ChangeEvent<HTMLInputElement>): void;
  disabled?: boolean;
  /** Show the chosen file's name (or "no file chosen") beside the button; off where the panel says it itself. */
  showName?: boolean;
}

/** The button, its hidden input and, unless `showName` is false, the chosen file's name. */
export function FileButton({ id, accept, onChange, disabled = false, showName = true }: FileButtonProps) {
  const intl = useIntl();
  const [name, setName] = useState<string | null>(null);
  const change = (event: ChangeEvent<HTMLInputElement>) => {
    setName(event.target.files?.[0]?.name ?? null);
    onChange(event);
  };
  return (
    <span className="ls-file-field">
      <label className="ls-button ls-file">
        {intl.formatMessage({ id: 'shell.file.choose' })}
        <input id={id} type="file" accept={accept} disabled={disabled} onChange={change} />
      </label>
      {showName && <span className="ls-muted">{name ?? intl.formatMessage({ id: 'shell.file.none' })}</span>}
    </span>
  );
}
