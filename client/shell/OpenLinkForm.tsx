/** "Open a share link": checks the pasted link, asks the server what it opens, then hands it back. */
import { useId, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { apiErrorMessage } from '../api/error-message';
import type { Role } from '../state/types';
import { getBoard } from './api';
import { parseShareLink } from './share-link';
import './shell.css';

/** Props of OpenLinkForm. */
export interface OpenLinkFormProps {
  origin: string;
  /** A link to this server that the server accepted (title and role known), or a link to another server (unchecked). */
  onOpen(link: { boardId: string; url: string; title: string | null; role: Role | null }): void;
}

/** The share-link form; the reason a link cannot be opened is shown under it. */
export function OpenLinkForm({ origin, onOpen }: OpenLinkFormProps) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = useId();
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id: `shell.openLink.${id}` });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseShareLink(text, origin);
    if (!parsed.ok) {
      setProblem(t(`problem.${parsed.reason}`));
      return;
    }
    const { boardId, token, url } = parsed.link;
    if (/^https?:/.test(url)) {
      onOpen({ boardId, url, title: null, role: null });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const info = await getBoard(boardId, token);
      onOpen({ boardId, url, title: info.title, role: info.role });
    } catch (failure) {
      setProblem(apiErrorMessage(intl, failure, 'shell.openLink.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="ls-card" onSubmit={submit} noValidate aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`} className="ls-card__title">{t('title')}</h2>
      <div className="ls-inline">
        <input
          className="ls-input"
          aria-label={t('label')}
          placeholder={t('placeholder')}
          value={text}
          aria-invalid={problem ? true : undefined}
          onChange={(event) => {
            setText(event.target.value);
            setProblem(null);
          }}
        />
        <button type="submit" className="ls-button" disabled={busy}>
          {busy ? t('checking') : t('open')}
        </button>
      </div>
      {problem && <p role="alert" className="ls-error">{problem}</p>}
    </form>
  );
}
