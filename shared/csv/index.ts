/** CSV for Lodestone: the RFC 4180 reader and writer, node and edge import with per-row problems, the exposure table. */
export { BOM, csvField, parseCsv, writeCsv, type CsvParseResult, type CsvSyntaxError, type WriteCsvOptions } from './csv';
export { amountsCell, numberCell, protectCell, readAmounts, readNumber, readTags, spreadsheetSafe, tagsCell, unprotectCell } from './cells';
export { NODE_COLUMNS, NODE_REQUIRED_COLUMNS, NODES_CSV_TEMPLATE, nodeRows, nodesToCsv, parseNodesCsv, type NodesCsv, type NodesCsvParsed } from './nodes-csv';
export { EDGE_COLUMNS, EDGE_REQUIRED_COLUMNS, EDGES_CSV_TEMPLATE, edgeRows, edgesToCsv, parseEdgesCsv } from './edges-csv';
export { mergeCsvIntoBoard, type MergeResult, type MergeSummary } from './merge';
export { EXPOSURE_COLUMNS, exposureRows, exposureToCsv } from './exposure-csv';
export type { CsvFile, CsvItems, CsvParsed, CsvProblem } from './table';
