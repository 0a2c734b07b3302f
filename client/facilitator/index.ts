/** Facilitator tools (issue #5): snapshot timeline, comparison, exports, CSV and board file import, presentation mode. */
export { compareSnapshots, forkSnapshot, getSlide, getSnapshot, listSnapshots, restoreSnapshot, saveSnapshot, snapshotNameProblem, type Comparison, type RestoreResult, type SnapshotDetail, type SnapshotSummary } from './api';
export { SnapshotTimeline, type SnapshotTimelineProps } from './SnapshotTimeline';
export { CompareView, type CompareViewProps } from './CompareView';
export { changedEdgeIds, changedNodeIds, nodeChanges, type ChangeKind } from './compare-model';
export { StaticBoard, type StaticBoardProps } from './StaticBoard';
export { downloadBoardCsv, downloadBoardJson, downloadDataUrl, downloadExposureCsv, downloadText, exportCanvasImage, openPrintableReport } from './export';
export { printableReport, type ReportInput } from './report';
export { ExportMenu, type ExportMenuProps } from './ExportMenu';
export { CsvImport, type CsvImportProps } from './CsvImport';
export { BoardFileImport, readBoardFile, type BoardFileImportProps } from './BoardFileImport';
export { PresentSetup, type PresentSetupProps } from './PresentSetup';
export { PresentationView, keyFigures, type PresentationViewProps, type Slide } from './PresentationView';
export { atEnds, createDeck, currentSlide, followView, goTo, moveSlide, nextFollowing, nextSlide, prevSlide, toggleSlide, type FollowView, type PresenceView, type SlideDeck, type ViewportState } from './slides';
