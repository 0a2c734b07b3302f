/** Asks once for the server's creation key (LODESTONE_CREATE_KEY), keeps it in this browser and retries. */
import { useId, useState, type KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import { saveCreateKey } from './api';
import './shell.css';

/** Props of CreateKeyField. */
export interface CreateKeyFieldProps {
  /** The key is saved: try again. */
  onSaved(): void;
}

/** A password field for the creation key with a button that saves it. */
export function CreateKeyField({ onSaved }: CreateKeyFieldProps) {
  const [key, setKey] = useState('');
  const id = useId();
  const intl = useIntl();
  const t = (key: string) => intl.formatMessage({ id: `shell.createKey.${key}` });
  const save = () => {
    if (!key.trim()) return;
    saveCreateKey(key);
    onSaved();
  };
  // Not a <form>: it sits inside the new-board form, and Enter here must not submit that one as well.
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    save();
  };
  return (
    <div className="ls-create-key" role="group" aria-label={t('group')}>
      <label className="ls-field" htmlFor={id}>
        <span className="ls-field__label">{t('label')}</span>
        <input id={id} className="ls-input" type="password" autoComplete="off" value={key} onChange={(event) => setKey(event.target.value)} onKeyDown={onKey} />
      </label>
      <button type="button" className="ls-button ls-button--small" disabled={!key.trim()} onClick={save}>{t('use')}</button>
    </div>
  );
}
