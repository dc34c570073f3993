/**
 * @file The library API: what other programs import from lgo-decisions.
 */
export { parseDecision, type ParseOptions } from './parse.js';
export * from './schema/record.js';
export * from './errors.js';
export { runExport, type ExportOptions, type ExportResult } from './export/run.js';
export { COLUMN_SETS, type ExportKind } from './export/columns.js';
export { attributionText } from './export/attribution.js';
export { runStats, type StatsOptions } from './stats/run.js';
export { computeStats, quantile, type GroupStats } from './stats/compute.js';
