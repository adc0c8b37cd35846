/** Records: the TDM CSV (spec/tdm-csv.md) read into typed patient records and written back. */
export { parseTdmCsv, readNumber, unneutralise, DEFAULT_LAB_LIMIT } from './parse';
export type { ParseOptions } from './parse';
export { writeTdmCsv, writeCsvTable, neutralise, patientEvents, needsSampleColumn, STANDARD_COLUMNS } from './write';
export type { WriteOptions, TableOptions } from './write';
export { cutAsOf } from './cut';
export { MSG, REQUIRED_COLUMNS, OPTIONAL_COLUMNS, located } from './messages';
export type { Dialect, IssueCode } from './messages';
export * from './units';
export { merge, applyConflicts, emptyLike, rowCount, rowKey, rowLists, sameMeaning } from './merge';
export type { MergeResult, RowConflict, RecordRow } from './merge';
