/**
 * The import surface: `importFiles` for the app, the per-format parsers for callers that know
 * the format, and `previewCsv` / `detectFormat` for the import dialog.
 */
export { importFile, importFiles } from './import-files.ts';
export type { FileColumns, ImportOptions, ImportResult } from './import-files.ts';
export { assembleDataset } from './assemble-dataset.ts';
export type { AssembleOptions, AssembledDataset } from './assemble-dataset.ts';
export { detectFormat, sniffXmlRoot, IMPORT_KINDS } from './detect-format.ts';
export type { DetectedFormat, ImportKind } from './detect-format.ts';
export { previewCsv, readCsv } from './csv-read.ts';
export type { CsvDelimiter, CsvPreview, CsvRecord, CsvTable } from './csv-read.ts';
export type { CsvKind, GuessedColumns } from './csv-columns.ts';
export { parseEdgeListCsv } from './csv-edges.ts';
export type { EdgeColumns, EdgeListOptions } from './csv-edges.ts';
export { parseNodeListCsv } from './csv-nodes.ts';
export type { NodeColumns, NodeListOptions } from './csv-nodes.ts';
export { parseAdjacencyCsv } from './csv-adjacency.ts';
export type { AdjacencyOptions } from './csv-adjacency.ts';
export { parseGexf } from './gexf.ts';
export type { GexfOptions } from './gexf.ts';
export { parseGraphml } from './graphml.ts';
export type { GraphmlOptions } from './graphml.ts';
export { parseDatasetJson } from './dataset-json.ts';
export type { DatasetJsonOptions } from './dataset-json.ts';
export { MIGRATIONS, migrateDataset } from './migrations.ts';
export type { Migration } from './migrations.ts';
export { emptyPart } from './types.ts';
export type { ImportPart, SourceFile, TieOrigin } from './types.ts';
