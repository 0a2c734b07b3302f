/** The export buttons: canvas (or, in the map view, map) picture (PNG, SVG), board file, exposure CSV, nodes and flows CSV, printable report. */
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { Board } from '../../shared/board/types';
import type { ExposureReport } from '../../shared/exposure/types';
import { downloadBoardCsv, downloadBoardJson, downloadDataUrl, downloadExposureCsv, exportCanvasImage, fileSlug, openPrintableReport } from './export';
import { nodeLooks } from '../canvas/flow-model';
import { boardSvg, drawnSizes, svgDataUrl } from './board-svg';
import { printableReport, type ReportInput } from './report';
import { mapPngDataUrl, mapSvgDataUrl, shownMap } from '../map/map-export';
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
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id: `export.menu.${id}` });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Vector shapes from the board and the drawn sizes: no selections, cursors or zoom-dependent forms.
  const vector = () => {
    setError(null);
    const map = canvas() ? null : shownMap();
    if (map) return downloadDataUrl(`${fileSlug(board.title)}-map.svg`, mapSvgDataUrl(map));
    const svg = boardSvg(intl, board, { sizes: drawnSizes(canvas()), looks: nodeLooks(exposure) });
    downloadDataUrl(`${fileSlug(board.title)}.svg`, svgDataUrl(svg));
  };

  const picture = async (kind: 'png') => {
    const element = canvas();
    const map = element ? null : shownMap();
    if (!element && !map) return setError(t('noCanvas'));
    setBusy(true);
    setError(null);
    try {
      if (map) downloadDataUrl(`${fileSlug(board.title)}-map.${kind}`, await mapPngDataUrl(map));
      else if (element) downloadDataUrl(`${fileSlug(board.title)}.${kind}`, await exportCanvasImage(element, kind));
    } catch {
      setError(t('pictureFailed'));
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
    // In the map view the report shows the map (the whole world).
    const map = shownMap();
    const mapImage = map ? await mapPngDataUrl(map).catch(() => undefined) : undefined;
    const html = printableReport(intl, { title: reportTitle ?? board.title, board, exposure, comparison, imageDataUrl: image, mapImageDataUrl: mapImage, generatedAt: new Date(now()).toISOString() });
    if (!openPrintableReport(html)) setError(t('blocked'));
    setBusy(false);
  };

  return (
    <div className="ls-shell ls-fac-exports" role="group" aria-label={t('label')}>
      <button type="button" className="ls-button ls-button--small" disabled={busy} onClick={() => void picture('png')}>{t('png')}</button>
      <button type="button" className="ls-button ls-button--small" disabled={busy} onClick={vector}>{t('svg')}</button>
      <button type="button" className="ls-button ls-button--small" onClick={() => downloadBoardJson(board)}>{t('boardFile')}</button>
      <button type="button" className="ls-button ls-button--small" disabled={!exposure} onClick={() => exposure && downloadExposureCsv(exposure, board)}>{t('exposureCsv')}</button>
      <button type="button" className="ls-button ls-button--small" onClick={() => downloadBoardCsv(board)}>{t('boardCsv')}</button>
      <button type="button" className="ls-button ls-button--small" disabled={busy || !exposure} onClick={() => void report()}>{t('report')}</button>
      {error && <p role="alert" className="ls-field__problem ls-fac-exports__error">{error}</p>}
    </div>
  );
}
