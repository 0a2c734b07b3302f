/** "Import a board file": reads a JSON board file, sends it to the server, lists the problems the server names. */
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { ApiError, importBoard, type ApiProblem, type CreatedBoard } from './api';
import { CreateKeyField } from './CreateKeyField';
import './shell.css';
import { readFileText } from '../state/read-file';

const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Props of ImportForm. */
export interface ImportFormProps {
  onImported(board: CreatedBoard): void;
}


/** The import form; starts as soon as a file is chosen. */
export function ImportForm({ onImported }: ImportFormProps) {
  const [error, setError] = useState<{ message: string; problems: ApiProblem[] } | null>(null);
  const [busy, setBusy] = useState(false);
  /** The file read when the server asked for its creation key, to send again once it is entered. */
  const [awaitingKey, setAwaitingKey] = useState<unknown>(null);
  const input = useRef<HTMLInputElement>(null);
  const ids = useId();

  const fail = (message: string, problems: ApiProblem[] = []) => setError({ message, problems });

  const send = async (parsed: unknown) => {
    setAwaitingKey(null);
    try {
      onImported(await importBoard(parsed));
    } catch (failure) {
      if (failure instanceof ApiError && failure.createKeyRequired) setAwaitingKey(parsed);
      if (failure instanceof ApiError) fail(failure.problems.length > 0 ? failure.message.split('\n')[0] : failure.message, failure.problems);
      else fail('The file could not be imported; try again.');
    }
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setError(null);
    if (file.size > MAX_FILE_BYTES) return fail('That file is larger than 2 MB; a board file is much smaller.');
    setBusy(true);
    try {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await readFileText(file));
      } catch {
        return fail(`${file.name} is not a JSON file; export a board from Lodestone and import that file.`);
      }
      await send(parsed);
    } finally {
      setBusy(false);
      // Choosing the same (fixed) file again should import again.
      if (input.current) input.current.value = '';
    }
  };

  return (
    <section className="ls-card" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`} className="ls-card__title">Import a board file</h2>
      <p className="ls-muted">A Lodestone board file (.json), for example one exported from another board.</p>
      <label className={`ls-button ls-file${busy ? ' ls-button--busy' : ''}`}>
        {busy ? 'Importing…' : 'Choose a file…'}
        <input ref={input} type="file" accept="application/json,.json" aria-label="Board file" disabled={busy} onChange={choose} />
      </label>
      {error && (
        <div role="alert" className="ls-error">
          <p>{error.message}</p>
          {error.problems.length > 0 && (
            <ul className="ls-problems" aria-label="Problems in the file">
              {error.problems.map((problem, index) => (
                <li key={index}>
                  {problem.path && <code>{problem.path}</code>} {problem.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {awaitingKey !== null && <CreateKeyField onSaved={() => void send(awaitingKey)} />}
    </section>
  );
}
