/**
 * @file Downloads of the current selection: `/download/<kind>.<format>?<search state>` streams
 * `lgo export <kind>`'s rows through the export code (export/run.ts), so a download holds
 * exactly what the CLI would write. The format list is the export code's own (FORMATS: CSV,
 * TSV, JSON Lines, JSON and XLSX, the workbook `lgo export -o x.xlsx` writes, attribution on
 * its second sheet); a format added there is offered here too, as a plain binary download when
 * it has no content type below. CSV and TSV downloads are spreadsheet-safe (`--excel`).
 */
import { PassThrough, Readable } from 'node:stream';
import { UsageError } from '../errors.js';
import { EXPORT_KINDS, type ExportKind } from '../export/columns.js';
import { FORMATS, type Format } from '../export/formats.js';
import { runExport } from '../export/run.js';
import { selectionWhere, type Selection } from '../export/select.js';
import { openStore, type Store } from '../store/open.js';

const CONTENT_TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  tsv: 'text/tab-separated-values; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const LABELS: Record<string, string> = { csv: 'CSV (Excel-safe)', tsv: 'TSV (Excel-safe)', jsonl: 'JSON Lines', json: 'JSON', xlsx: 'Excel (XLSX)' };

/** The formats offered: every format the export code writes. */
export function downloadFormats(): readonly string[] {
  return FORMATS;
}

/** "CSV (Excel-safe)", "JSON Lines", ... */
export function formatLabel(format: string): string {
  return LABELS[format] ?? format.toUpperCase();
}

/** Reads `payments.csv` into a kind and a format; anything else is a UsageError (a 400 page). */
export function parseDownloadName(name: string): { kind: ExportKind; format: Format } {
  const m = /^([a-z]+)\.([a-z0-9]+)$/.exec(name);
  const kind = EXPORT_KINDS.find((k) => k === m?.[1]);
  const format = (FORMATS as readonly string[]).find((f) => f === m?.[2]);
  if (!m || !kind || !format) {
    throw new UsageError(`no download "${name}"`, { hint: `downloads are <kind>.<format>: kinds ${EXPORT_KINDS.join(', ')}; formats ${FORMATS.join(', ')}` });
  }
  return { kind, format: format as Format };
}

export interface Download {
  headers: Record<string, string>;
  body: ReadableStream;
}

/**
 * Starts a download. The selection is checked first (a bad filter is a UsageError before any
 * byte is sent). The export reads through its own read-only connection, closed at the end: a
 * long download must not hold the connection that serves searches busy.
 */
export function startDownload(dbPath: string, kind: ExportKind, format: Format, selection: Selection, onError: (err: unknown) => void): Download {
  selectionWhere(selection);
  const date = new Date().toISOString().slice(0, 10);
  const out = new PassThrough();
  let db: Store | null = null;
  const done = (err?: unknown) => {
    db?.close();
    db = null;
    if (err) {
      onError(err);
      out.destroy(err as Error);
    } else out.end();
  };
  try {
    db = openStore(dbPath, { readonly: true });
    runExport({ db, kind, selection, format, excel: format === 'csv' || format === 'tsv', date }, out).then(() => done(), done);
  } catch (err) {
    done(err);
  }
  return {
    headers: {
      'Content-Type': CONTENT_TYPES[format] ?? 'application/octet-stream',
      'Content-Disposition': `attachment; filename="lgo-${kind}-${date}.${format}"`,
    },
    body: Readable.toWeb(out) as ReadableStream,
  };
}
