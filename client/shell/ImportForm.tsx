/** "Import a board file": reads a JSON board file, sends it to the server, lists the problems the server names. */
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useIntl } from 'react-intl';
import { apiErrorMessage } from '../api/error-message';
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
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id: `shell.import.${id}` }, values);

  const fail = (message: string, problems: ApiProblem[] = []) => setError({ message, problems });

  const send = async (parsed: unknown) => {
    setAwaitingKey(null);
    try {
      onImported(await importBoard(parsed));
    } catch (failure) {
      if (failure instanceof ApiError && failure.createKeyRequired) setAwaitingKey(parsed);
      // The server's sentence lists the problems after its first line; the list below shows them.
      const sentence = apiErrorMessage(intl, failure, 'shell.import.failed');
      fail(failure instanceof ApiError && failure.problems.length > 0 ? sentence.split('\n')[0] : sentence, failure instanceof ApiError ? failure.problems : []);
    }
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setError(null);
    if (file.size > MAX_FILE_BYTES) return fail(t('tooLarge'));
    setBusy(true);
    try {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await readFileText(file));
      } catch {
        return fail(t('notJson', { name: file.name }));
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
      <h2 id={`${ids}-h`} className="ls-card__title">{t('title')}</h2>
      <p className="ls-muted">{t('hint')}</p>
      <label className={`ls-button ls-file${busy ? ' ls-button--busy' : ''}`}>
        {busy ? t('importing') : t('choose')}
        <input ref={input} type="file" accept="application/json,.json" aria-label={t('file')} disabled={busy} onChange={choose} />
      </label>
      {error && (
        <div role="alert" className="ls-error">
          <p>{error.message}</p>
          {error.problems.length > 0 && (
            <ul className="ls-problems" aria-label={t('problems')}>
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
