/**
 * Import a board file (format v1) into the current board: the file is validated here and every problem is
 * listed with its path; the board is handed over only when the file is valid and the person confirms.
 */
import { useId, useState, type ChangeEvent } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import type { Board } from '../../shared/board/types';
import { protoKeyProblems } from '../../shared/board/proto-keys';
import '../zod-jitless';
import { validateBoard, type BoardProblem } from '../../shared/board/validate';
import { readFileText } from '../state/read-file';
import { FileButton } from '../shell/FileButton';
import '../shell/shell.css';
import './import.css';
import '../shell/tool-panel.css';

/** Props of BoardFileImport. */
export interface BoardFileImportProps {
  /** Called with the valid board from the file once the person presses the button. */
  onImport(board: Board): void;
}

const MAX_FILE_BYTES = 2 * 1024 * 1024;

type State = { kind: 'none' } | { kind: 'error'; message: string; problems: BoardProblem[] } | { kind: 'ready'; name: string; board: Board };

/** Reads a board file's text: the board, or a sentence (in `intl`'s language) and every problem. */
export function readBoardFile(intl: IntlShape, name: string, text: string): State {
  let json: unknown;
  try {
    json = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch {
    return { kind: 'error', message: intl.formatMessage({ id: 'import.board.notJson' }, { name }), problems: [] };
  }
  const reserved = protoKeyProblems(json);
  const checked = reserved.length > 0 ? { ok: false as const, problems: reserved } : validateBoard(json);
  if (checked.ok) return { kind: 'ready', name, board: checked.board };
  const count = checked.problems.length;
  return { kind: 'error', message: intl.formatMessage({ id: 'import.board.invalid' }, { name, count }), problems: checked.problems };
}

/** The import panel. */
export function BoardFileImport({ onImport }: BoardFileImportProps) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `import.board.${id}` }, values);
  const ids = useId();
  const [state, setState] = useState<State>({ kind: 'none' });
  const [inputKey, setInputKey] = useState(0);
  const [done, setDone] = useState<string | null>(null);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setDone(null);
    if (!file) return setState({ kind: 'none' });
    if (file.size > MAX_FILE_BYTES) return setState({ kind: 'error', message: t('tooLarge', { name: file.name }), problems: [] });
    try {
      setState(readBoardFile(intl, file.name, await readFileText(file)));
    } catch {
      setState({ kind: 'error', message: t('unreadable', { name: file.name }), problems: [] });
    }
  };

  const importNow = () => {
    if (state.kind !== 'ready') return;
    onImport(state.board);
    setDone(t('imported', { title: state.board.title }));
    setState({ kind: 'none' });
    setInputKey((k) => k + 1);
  };

  return (
    <section className="ls-shell ls-fac-panel" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`} className="ls-fac-title">{t('title')}</h2>
      <p className="ls-muted">{t('intro')}</p>
      <label htmlFor={`${ids}-file`} className="ls-field__label">{t('file')}</label>
      <FileButton key={inputKey} id={`${ids}-file`} accept="application/json,.json" onChange={choose} />
      {state.kind === 'error' && (
        <div role="alert" className="ls-error">
          <p>{state.message}</p>
          {state.problems.length > 0 && (
            <ul className="ls-problems" aria-label={t('problemsLabel')}>
              {state.problems.map((p, i) => (
                <li key={i}>{p.path && <code>{p.path}</code>} {p.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state.kind === 'ready' && (
        <p role="status" className="ls-fac-notice">
          {t('ready', { title: state.board.title, nodes: state.board.nodes.length, flows: state.board.edges.length, levers: state.board.scenario.disruptions.length })}
        </p>
      )}
      {done && <p role="status" className="ls-fac-notice">{done}</p>}
      <div className="ls-card__actions">
        <button type="button" className="ls-button ls-button--primary" disabled={state.kind !== 'ready'} onClick={importNow}>{t('replace')}</button>
      </div>
    </section>
  );
}
