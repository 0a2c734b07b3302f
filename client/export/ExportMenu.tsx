/** The export buttons: canvas picture (PNG, SVG), board file, exposure CSV, nodes and flows CSV, printable report. */
import { useState } from 'react';
import type { Board } from '../../shared/board/types';
import type { ExposureReport } from '../../shared/exposure/types';
import { downloadBoardCsv, downloadBoardJson, downloadDataUrl, downloadExposureCsv, exportCanvasImage, fileSlug, openPrintableReport } from './export';
import { nodeLooks } from '../canvas/flow-model';
import { boardSvg, drawnSizes, svgDataUrl } from './board-svg';
import { printableReport, type ReportInput } from './report';
import '../shell/shell.css';
import '../snapshots/snapshots.css';

/** Props of ExportMenu. */
export interface ExportMenuProps {
  board: Board;
  /** The board's exposure (null while it is computed: the CSV and report wait for it). */
  exposure: ExposureReport | null;
  /** The element holding the React Flow canvas to picture (null when none is shown). */
  canvas(): HTMLElement | null;
  /** The report's heading (default: the board title). */
  reportTitle?: string;
  /** A comparison to add to the report. */
  comparison?: ReportInput['comparison'];
  /** The clock for the report's date (tests). */
  now?: () => number;
}

/** The menu; every failure is a sentence under the buttons. */
export function ExportMenu({ board, exposure, canvas, reportTitle, comparison, now = Date.now }: ExportMenuProps) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Vector shapes from the board and the drawn sizes: no selections, cursors or zoom-dependent forms.
  const vector = () => {
    setError(null);
    const svg = boardSvg(board, { sizes: drawnSizes(canvas()), looks: nodeLooks(exposure) });
    downloadDataUrl(`${fileSlug(board.title)}.svg`, svgDataUrl(svg));
  };

  const picture = async (kind: 'png') => {
    const element = canvas();
    if (!element) return setError('Open the board canvas to take a picture of it.');
    setBusy(true);
    setError(null);
    try {
      downloadDataUrl(`${fileSlug(board.title)}.${kind}`, await exportCanvasImage(element, kind));
    } catch {
      setError('The picture could not be made; try again, or zoom out so the whole board is drawn.');
    } finally {
      setBusy(false);
    }
  };

  const report = async () => {
    if (!exposure) return;
    setBusy(true);
    setError(null);
    const element = canvas();
    // A report without the picture is still worth having.
    const image = element ? await exportCanvasImage(element, 'png').catch(() => undefined) : undefined;
    const html = printableReport({ title: reportTitle ?? board.title, board, exposure, comparison, imageDataUrl: image, generatedAt: new Date(now()).toISOString() });
    if (!openPrintableReport(html)) setError('The browser blocked the report window; allow pop-ups for this site and try again.');
    setBusy(false);
  };

  return (
    <div className="ls-shell ls-fac-exports" role="group" aria-label="Export">
      <button type="button" className="ls-button ls-button--small" disabled={busy} onClick={() => void picture('png')}>PNG picture</button>
      <button type="button" className="ls-button ls-button--small" disabled={busy} onClick={vector}>SVG picture</button>
      <button type="button" className="ls-button ls-button--small" onClick={() => downloadBoardJson(board)}>Board file</button>
      <button type="button" className="ls-button ls-button--small" disabled={!exposure} onClick={() => exposure && downloadExposureCsv(exposure, board)}>Exposure CSV</button>
      <button type="button" className="ls-button ls-button--small" onClick={() => downloadBoardCsv(board)}>Nodes and flows CSV</button>
      <button type="button" className="ls-button ls-button--small" disabled={busy || !exposure} onClick={() => void report()}>Printable report</button>
      {error && <p role="alert" className="ls-field__problem ls-fac-exports__error">{error}</p>}
    </div>
  );
}
