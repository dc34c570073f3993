/**
 * @file One export, start to finish: stream the selected rows from an open store through the
 * format into a file (atomically, with an attribution sidecar) or a stream. The library entry
 * point behind `lgo export`.
 */
import type { Writable } from 'node:stream';
import type { Store } from '../store/open.js';
import { attributionText } from './attribution.js';
import { COLUMN_SETS, selectColumns, type Cell, type ExportKind } from './columns.js';
import { emitRows } from './emit.js';
import type { Format } from './formats.js';
import { toCells } from './rows.js';
import { exportSources, type Selection } from './select.js';

export interface ExportOptions {
  /** An open store (the caller closes it). */
  db: Store;
  kind: ExportKind;
  selection: Selection;
  /** `--columns` list; the documented default order when absent. */
  columns?: string | undefined;
  format: Format;
  excel?: boolean;
  /** Put the attribution in the CSV as a leading `# ` line instead of a sidecar. */
  comment?: boolean;
  /** Absolute path of the file to write; absent: write to `stdout`. */
  output?: string | undefined;
  /** The date stamped into the attribution; today by default. */
  date?: string;
}

export interface ExportResult {
  rows: number;
  attribution: string;
  /** The sidecar written next to the output file, if any. */
  sidecar: string | null;
}

/**
 * Streams an export. Throws UsageError for bad columns or filters before writing anything; a
 * file is replaced only when the whole export succeeded.
 * @example await runExport({ db, kind: 'payments', selection: { filters: {} }, format: 'csv' }, process.stdout)
 */
export async function runExport(opts: ExportOptions, stdout: Writable): Promise<ExportResult> {
  const set = COLUMN_SETS[opts.kind] as (typeof COLUMN_SETS)['payments'];
  const columns = selectColumns(set, opts.columns);
  const attribution = attributionText(opts.date ?? new Date().toISOString().slice(0, 10));
  const sources = exportSources(opts.db, opts.kind, opts.selection, { summary: columns.some((c) => c.name === 'summary') });
  let rows = 0;
  function* counted(): Generator<Cell[]> {
    for (const cells of toCells(sources, columns)) {
      rows++;
      yield cells;
    }
  }
  const { sidecar } = await emitRows(counted(), { format: opts.format, columns, excel: opts.excel ?? false, comment: opts.comment ?? false, output: opts.output, attribution }, stdout);
  return { rows, attribution, sidecar };
}
