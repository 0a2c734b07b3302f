/**
 * CSV import of nodes and flows: two files (each optional) with downloadable templates, every problem listed
 * with its file, row, column and reason; "Import" is enabled only when both files and the merged board are valid.
 */
import { useId, useMemo, useState, type ChangeEvent } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import type { Board, BoardEdge } from '../../shared/board/types';
import { BOM } from '../../shared/csv/csv';
import { EDGES_CSV_TEMPLATE, parseEdgesCsv } from '../../shared/csv/edges-csv';
import { mergeCsvIntoBoard, type MergeSummary } from '../../shared/csv/merge';
import { NODES_CSV_TEMPLATE, parseNodesCsv, type NodesCsvParsed } from '../../shared/csv/nodes-csv';
import type { CsvFile, CsvParsed, CsvProblem } from '../../shared/csv/table';
import { readFileText } from '../state/read-file';
import { FileButton } from '../shell/FileButton';
import '../shell/shell.css';
import './import.css';
import '../shell/tool-panel.css';

/** Props of CsvImport. */
export interface CsvImportProps {
  /** The board the rows go into (items with an id already on it are replaced). */
  board: Board;
  /** Called with the whole new board once the person presses Import. */
  onImport(board: Board, summary: MergeSummary): void;
}

/** Largest CSV file read (a spreadsheet of thousands of rows is far smaller). */
export const MAX_CSV_BYTES = 5 * 1024 * 1024;
/** Problems listed before "and N more". */
export const SHOWN_PROBLEMS = 200;

/** A data: link that downloads a template (with a byte order mark, so Excel reads UTF-8). */
export function templateHref(template: string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(BOM + template)}`;
}

type Chosen<T> = { name: string; parsed: T } | { name: string; error: string } | null;

/** What an import does in words: "Importing adds 2 nodes and replaces 1 flow with the same id." (`done`: after it). */
function summaryText(intl: IntlShape, s: MergeSummary, done = false): string {
  const part = (added: number, updated: number, what: 'nodes' | 'flows') => {
    const words = [
      added > 0 && intl.formatMessage({ id: `import.csv.adds.${what}` }, { count: added }),
      updated > 0 && intl.formatMessage({ id: `import.csv.replaces.${what}` }, { count: updated }),
    ].filter((w): w is string => typeof w === 'string');
    return words.length === 0 ? '' : intl.formatList(words, { type: 'conjunction' });
  };
  const parts = [part(s.nodesAdded, s.nodesUpdated, 'nodes'), part(s.edgesAdded, s.edgesUpdated, 'flows')].filter(Boolean);
  if (parts.length === 0) return intl.formatMessage({ id: 'import.csv.noRows' });
  return intl.formatMessage({ id: done ? 'import.csv.imported' : 'import.csv.importing' }, { what: parts.join('; ') });
}

/** The import panel. */
export function CsvImport({ board, onImport }: CsvImportProps) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `import.csv.${id}` }, values);
  const ids = useId();
  const [nodes, setNodes] = useState<Chosen<NodesCsvParsed>>(null);
  const [edges, setEdges] = useState<Chosen<CsvParsed<BoardEdge>>>(null);
  const [done, setDone] = useState<string | null>(null);
  const [inputKey, setInputKey] = useState(0);

  const choose = (kind: CsvFile) => async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setDone(null);
    const set = kind === 'nodes' ? setNodes : setEdges;
    if (!file) return set(null);
    if (file.size > MAX_CSV_BYTES) return set({ name: file.name, error: t('tooLarge', { name: file.name }) });
    try {
      const text = await readFileText(file);
      if (kind === 'nodes') setNodes({ name: file.name, parsed: parseNodesCsv(text) });
      else setEdges({ name: file.name, parsed: parseEdgesCsv(text) });
    } catch {
      set({ name: file.name, error: t('unreadable', { name: file.name }) });
    }
  };

  const outcome = useMemo(() => {
    const problems: CsvProblem[] = [];
    const errors: string[] = [];
    for (const chosen of [nodes, edges]) {
      if (chosen && 'error' in chosen) errors.push(chosen.error);
      else if (chosen && !chosen.parsed.ok) problems.push(...chosen.parsed.problems);
    }
    if (errors.length > 0 || problems.length > 0 || (!nodes && !edges)) return { errors, problems, merged: null };
    const n = nodes && 'parsed' in nodes && nodes.parsed.ok ? nodes.parsed : undefined;
    const e = edges && 'parsed' in edges && edges.parsed.ok ? edges.parsed : undefined;
    const merged = mergeCsvIntoBoard(board, n, e);
    return merged.ok ? { errors, problems, merged } : { errors, problems: merged.problems, merged: null };
  }, [board, nodes, edges]);

  const importNow = () => {
    if (!outcome.merged) return;
    onImport(outcome.merged.board, outcome.merged.summary);
    setDone(summaryText(intl, outcome.merged.summary, true));
    setNodes(null);
    setEdges(null);
    setInputKey((k) => k + 1);
  };

  const fileStatus = (chosen: Chosen<{ ok: boolean; items?: unknown[] } | NodesCsvParsed>, kind: CsvFile) => {
    if (!chosen) return <span className="ls-muted">{t('noFile')}</span>;
    if ('error' in chosen) return <span className="ls-fac-bad">{t('cannotRead', { name: chosen.name })}</span>;
    if (!chosen.parsed.ok) return <span className="ls-fac-bad">{t('hasProblems', { name: chosen.name })}</span>;
    const count = chosen.parsed.items?.length ?? 0;
    return <span className="ls-fac-good">{t(`read.${kind}`, { name: chosen.name, count })}</span>;
  };

  const shown = outcome.problems.slice(0, SHOWN_PROBLEMS);
  return (
    <section className="ls-shell ls-fac-panel ls-fac-import" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`} className="ls-fac-title">{t('title')}</h2>
      <p className="ls-muted">
        <FormattedMessage id="import.csv.intro" values={{ code: (c) => <code>{c}</code> }} />
      </p>
      <div className="ls-fac-import__files" key={inputKey}>
        <div className="ls-fac-import__file">
          <label htmlFor={`${ids}-nodes`} className="ls-field__label">{t('nodesFile')}</label>
          <FileButton id={`${ids}-nodes`} accept=".csv,text/csv" onChange={choose('nodes')} showName={false} />
          <a href={templateHref(NODES_CSV_TEMPLATE)} download="lodestone-nodes-template.csv">{t('nodesTemplate')}</a>
          <p className="ls-fac-import__status" data-testid="nodes-status">{fileStatus(nodes, 'nodes')}</p>
        </div>
        <div className="ls-fac-import__file">
          <label htmlFor={`${ids}-edges`} className="ls-field__label">{t('edgesFile')}</label>
          <FileButton id={`${ids}-edges`} accept=".csv,text/csv" onChange={choose('edges')} showName={false} />
          <a href={templateHref(EDGES_CSV_TEMPLATE)} download="lodestone-edges-template.csv">{t('edgesTemplate')}</a>
          <p className="ls-fac-import__status" data-testid="edges-status">{fileStatus(edges, 'edges')}</p>
        </div>
      </div>
      {(outcome.errors.length > 0 || outcome.problems.length > 0) && (
        <div role="alert" className="ls-error">
          {outcome.errors.map((e) => <p key={e}>{e}</p>)}
          {outcome.problems.length > 0 && (
            <>
              <p>{t('problems', { count: outcome.problems.length })}</p>
              <table className="ls-fac-table ls-fac-problems" aria-label={t('problemsLabel')}>
                <thead>
                  <tr><th scope="col">{t('col.file')}</th><th scope="col">{t('col.row')}</th><th scope="col">{t('col.column')}</th><th scope="col">{t('col.problem')}</th></tr>
                </thead>
                <tbody>
                  {shown.map((p, i) => (
                    <tr key={i} data-file={p.file} data-row={p.row} data-column={p.column}>
                      <td>{t(`file.${p.file}`)}</td>
                      <td>{p.row === 0 ? '—' : p.row}</td>
                      <td>{p.column || '—'}</td>
                      <td className="ls-fac-problems__message">{p.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {outcome.problems.length > shown.length && <p>{t('more', { count: outcome.problems.length - shown.length })}</p>}
            </>
          )}
        </div>
      )}
      {outcome.merged && <p role="status" className="ls-fac-notice">{summaryText(intl, outcome.merged.summary)}</p>}
      {done && <p role="status" className="ls-fac-notice">{done}</p>}
      <div className="ls-card__actions">
        <button type="button" className="ls-button ls-button--primary" disabled={!outcome.merged} onClick={importNow}>{t('import')}</button>
      </div>
    </section>
  );
}
