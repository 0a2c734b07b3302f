/** The facilitator's tab: snapshot timeline, exports and CSV import; snapshots and comparisons open in a dialog. */
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { apiErrorMessage } from '../api/error-message';
import type { Board } from '../../shared/board/types';
import type { ExposureReport } from '../../shared/exposure/types';
import { CompareView } from '../compare/CompareView';
import { ExportMenu } from '../export/ExportMenu';
import { BoardFileImport } from '../import/BoardFileImport';
import { CsvImport } from '../import/CsvImport';
import { PresentSetup } from '../present/PresentSetup';
import { compareSnapshots, getSnapshot, type Comparison, type SnapshotDetail } from '../snapshots/snapshot-api';
import { SnapshotTimeline } from '../snapshots/SnapshotTimeline';
import { StaticBoard } from '../snapshots/StaticBoard';
import { Modal } from '../shell/Modal';
import type { BoardActions } from '../state/types';

type Shown = { kind: 'snapshot'; snapshot: SnapshotDetail } | { kind: 'compare'; comparison: Comparison; boards: { from: Board; to: Board }; labels: [string, string] };

/** Props of FacilitatorTab. */
export interface FacilitatorTabProps {
  boardId: string;
  token: string;
  board: Board;
  exposure: ExposureReport | null;
  actions: BoardActions;
  author: string;
  canvas(): HTMLElement | null;
  /** Starts presenting these snapshots. */
  onPresent(ids: string[]): void;
  /** The presentation's slides are loading. */
  presenting?: boolean;
}

/** Opens a link in a new tab (the fork): the facilitator's own tab stays on the workshop board. */
function openInNewTab(url: string): void {
  window.open(url, '_blank', 'noopener');
}

/** Snapshots, comparison, export and import for the facilitator. */
export function FacilitatorTab({ boardId, token, board, exposure, actions, author, canvas, onPresent, presenting }: FacilitatorTabProps) {
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<unknown>(null);
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id: `views.facilitator.${id}` }, values);
  const open = async (id: string) => {
    try {
      setShown({ kind: 'snapshot', snapshot: await getSnapshot(boardId, token, id) });
    } catch (e) {
      setError(e);
    }
  };
  const compare = async (from: string, to: string) => {
    try {
      const comparison = await compareSnapshots(boardId, token, from, to);
      const side = async (ref: string) => (ref === 'live' ? { board, name: t('live') } : await getSnapshot(boardId, token, ref));
      const [a, b] = await Promise.all([side(from), side(to)]);
      setShown({ kind: 'compare', comparison, boards: { from: a.board, to: b.board }, labels: [a.name, b.name] });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="facilitator-tab">
      {error !== null && <p role="alert" className="facilitator-error">{apiErrorMessage(intl, error, 'views.facilitator.failed')}</p>}
      <SnapshotTimeline boardId={boardId} token={token} author={author} onOpen={open} onCompare={compare} navigate={openInNewTab} />
      <h3>{t('present')}</h3>
      <p className="ls-muted">{t('presentHint')}</p>
      <PresentSetup boardId={boardId} token={token} onStart={onPresent} busy={presenting} />
      <h3>{t('export')}</h3>
      <ExportMenu board={board} exposure={exposure} canvas={canvas} />
      <h3>{t('import')}</h3>
      <CsvImport board={board} onImport={(next) => actions.replaceBoard(next)} />
      <BoardFileImport onImport={(next) => actions.replaceBoard(next)} />
      {shown?.kind === 'snapshot' && (
        <Modal label={t('snapshot', { name: shown.snapshot.name })} onClose={() => setShown(null)} className="facilitator-modal">
          <h2>{shown.snapshot.name} <small>{t('byReadOnly', { author: shown.snapshot.author })}</small></h2>
          <div className="facilitator-static"><StaticBoard board={shown.snapshot.board} exposure={shown.snapshot.exposure} /></div>
          <button type="button" onClick={() => setShown(null)}>{t('close')}</button>
        </Modal>
      )}
      {shown?.kind === 'compare' && (
        <Modal label={t('compare')} onClose={() => setShown(null)} className="facilitator-modal">
          <CompareView comparison={shown.comparison} fromLabel={shown.labels[0]} toLabel={shown.labels[1]} boards={shown.boards} />
          <button type="button" onClick={() => setShown(null)}>{t('close')}</button>
        </Modal>
      )}
    </div>
  );
}
