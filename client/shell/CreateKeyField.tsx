/** Asks once for the server's creation key (LODESTONE_CREATE_KEY), keeps it in this browser and retries. */
import { useId, useState, type FormEvent } from 'react';
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
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!key.trim()) return;
    saveCreateKey(key);
    onSaved();
  };
  return (
    <form className="ls-create-key" onSubmit={save}>
      <label className="ls-field" htmlFor={id}>
        <span className="ls-field__label">This server's creation key</span>
        <input id={id} className="ls-input" type="password" autoComplete="off" value={key} onChange={(event) => setKey(event.target.value)} />
      </label>
      <button type="submit" className="ls-button ls-button--small" disabled={!key.trim()}>Use this key</button>
    </form>
  );
}
