/** "New board": a template picker and an optional title; creates the board and hands back what the server answered. */
import { useId, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { apiErrorMessage } from '../api/error-message';
import { ApiError, createBoard, type CreatedBoard, type TemplateName } from './api';
import { CreateKeyField } from './CreateKeyField';
import './shell.css';

/** The templates offered, in order (each one's title and a line on what it holds: `shell.template.<name>.*`). */
export const TEMPLATE_CHOICES: readonly TemplateName[] = ['africa-corridors', 'arctic', 'allied-refiners', 'rare-earth-magnets', 'gallium-germanium', 'blank'];

/** Props of NewBoardForm. */
export interface NewBoardFormProps {
  onCreated(board: CreatedBoard): void;
}

/** The new-board form; failures are shown as a sentence under the button. */
export function NewBoardForm({ onCreated }: NewBoardFormProps) {
  const [template, setTemplate] = useState<TemplateName>('africa-corridors');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [needsKey, setNeedsKey] = useState(false);
  const ids = useId();
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id: `shell.${id}` });

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      onCreated(await createBoard({ template, title: title.trim() || undefined }));
    } catch (failure) {
      setNeedsKey(failure instanceof ApiError && failure.createKeyRequired);
      setError(apiErrorMessage(intl, failure, 'shell.newBoard.failed'));
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void create();
  };

  return (
    <form className="ls-card" onSubmit={submit} aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`} className="ls-card__title">{t('newBoard.title')}</h2>
      <div role="radiogroup" aria-label={t('newBoard.template')} className="ls-templates">
        {TEMPLATE_CHOICES.map((name) => (
          <label key={name} className={`ls-template${template === name ? ' ls-template--chosen' : ''}`}>
            <input type="radio" name={`${ids}-template`} value={name} checked={template === name} onChange={() => setTemplate(name)} />
            <span className="ls-template__title">{t(`template.${name}.title`)}</span>
            <span className="ls-template__blurb">{t(`template.${name}.blurb`)}</span>
          </label>
        ))}
      </div>
      <label className="ls-field">
        <span className="ls-field__label">{t('newBoard.boardTitle')} <span className="ls-muted">{t('newBoard.optional')}</span></span>
        <input className="ls-input" value={title} maxLength={200} placeholder={t('newBoard.titlePlaceholder')} onChange={(event) => setTitle(event.target.value)} />
      </label>
      <div className="ls-card__actions">
        <button type="submit" className="ls-button ls-button--primary" disabled={busy}>
          {busy ? t('newBoard.creating') : t('newBoard.create')}
        </button>
      </div>
      {error && <p role="alert" className="ls-error">{error}</p>}
      {needsKey && <CreateKeyField onSaved={() => void create()} />}
    </form>
  );
}
