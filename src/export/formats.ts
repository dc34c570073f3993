/**
 * @file Row formats for exports, search and stats: CSV (csv-stringify, RFC 4180), TSV, JSONL, a
 * streamed JSON array and XLSX (export/xlsx.ts). Each is a Transform from batches of row arrays
 * (cells in column order) to text or bytes, so output is streamed with back-pressure and memory
 * stays constant whatever the number of rows.
 */
import { Transform } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { UsageError } from '../errors.js';
import type { Cell } from './columns.js';

export const FORMATS = ['csv', 'tsv', 'jsonl', 'json', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

/** A column as the formatters need it: a name and what its cells are ("date": ISO text, a date cell in XLSX). */
export interface OutputColumn {
  name: string;
  type: 'text' | 'number' | 'boolean' | 'date';
}

export interface FormatOptions {
  /** Spreadsheet-safe CSV: a UTF-8 BOM and the formula-injection guard on text cells. */
  excel?: boolean;
  /** A leading comment line for CSV (written after the BOM), without the "# ". */
  comment?: string;
  /** XLSX: the attribution, on the workbook's second sheet. */
  attribution?: string;
}

/** Checks a --format value. */
export function parseFormat(value: string | undefined, allowed: readonly string[] = FORMATS): Format {
  const f = (value ?? 'csv').toLowerCase();
  if (!allowed.includes(f)) throw new UsageError(`unknown --format "${value}"`, { code: 'unknown-format', hint: `use one of: ${allowed.join(', ')}` });
  return f as Format;
}

// Characters a spreadsheet reads as the start of a formula (OWASP "CSV injection"), with the
// full-width forms Excel also accepts (U+FF1D, U+FF0B, U+FF0D, U+FF20), tab and carriage return.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Neutralises a text cell a spreadsheet would run as a formula by prefixing an apostrophe
 * (which Excel and LibreOffice show as text and do not display). Numbers never reach here.
 * @example guardFormula('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"
 */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Throws UsageError for options the format cannot carry (a comment line or a BOM in JSON). */
export function checkFormatOptions(format: Format, opts: { comment?: unknown; excel?: unknown }): void {
  if (format === 'csv') return;
  if (format === 'tsv' && opts.comment !== true && typeof opts.comment !== 'string') return;
  if (opts.comment !== undefined && opts.comment !== false) {
    throw new UsageError('--comment puts the attribution into CSV only', { code: 'comment-not-csv', hint: format === 'xlsx' ? 'an .xlsx has the attribution on its "Source" sheet: drop --comment' : `for ${format.toUpperCase()} use -o FILE: the attribution goes into FILE.attribution.txt` });
  }
  if (opts.excel !== undefined && opts.excel !== false && format !== 'tsv') {
    const hint = format === 'xlsx' ? 'an .xlsx file holds values, never formulas: drop --excel' : 'use --format csv --excel, or drop --excel';
    throw new UsageError(`--excel is for CSV or TSV opened in a spreadsheet, not ${format.toUpperCase()}`, { code: 'excel-not-csv', hint });
  }
}

/** Rows per batch between the source and the formatter: per-row stream hops cost more than the rows. */
export const BATCH_ROWS = 256;

/** Batches a stage may queue: a few, so rows wait in SQLite, not in memory (objectMode's default is 16). */
export const QUEUED_BATCHES = 2;

/**
 * Creates the stages for a format, to put between a row source and a destination with
 * `stream.pipeline`: write batches of row arrays (see `batches`) in, read text out.
 */
export async function createFormatter(format: Format, columns: readonly OutputColumn[], opts: FormatOptions = {}): Promise<Transform[]> {
  checkFormatOptions(format, opts);
  if (format === 'csv') return [csvFormatter(columns, opts)];
  if (format === 'tsv') return [tsvFormatter(columns, opts)];
  // Loaded only for XLSX: exceljs is large, and other commands should not pay for it at start-up.
  if (format === 'xlsx') return [(await import('./xlsx.js')).xlsxFormatter(columns, opts.attribution === undefined ? {} : { attribution: opts.attribution })];
  return [format === 'jsonl' ? jsonlFormatter(columns) : jsonArrayFormatter(columns)];
}

/** Groups rows into arrays of up to `size`, lazily. */
export function* batches<T>(rows: Iterable<T>, size = BATCH_ROWS): Generator<T[]> {
  let batch: T[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/** Booleans and numbers as plain text (`true`, `2750.5`), as every reader parses them. */
const PLAIN_CAST = { boolean: (v: boolean) => (v ? 'true' : 'false'), number: (v: number) => String(v) };

function csvFormatter(columns: readonly OutputColumn[], opts: FormatOptions): Transform {
  const guard = opts.excel === true;
  const textCols = columns.map((c) => c.type === 'text' || c.type === 'date');
  const options = {
    columns: columns.map((c) => c.name),
    record_delimiter: 'windows' as const, // RFC 4180 says CRLF
    cast: PLAIN_CAST,
  };
  // The BOM, then the comment line, then the header: written once, even for no rows.
  const preamble =
    (guard ? '\uFEFF' : '') + (opts.comment === undefined ? '' : `# ${opts.comment.replace(/[\r\n]+/g, ' ')}\r\n`) + stringify([], { ...options, header: true });
  // The guard runs on text cells only, so amounts stay numbers in the sheet.
  return textTransform(preamble, (batch) => stringify(guard ? batch.map((row) => row.map((v, i) => (textCols[i] && typeof v === 'string' ? guardFormula(v) : v))) : batch, options));
}

// TSV (IANA text/tab-separated-values) has no quoting: a tab or line break inside a cell becomes a
// space, so every line is one row and every tab a column boundary, in any reader.
function tsvFormatter(columns: readonly OutputColumn[], opts: FormatOptions): Transform {
  const guard = opts.excel === true;
  const options = { delimiter: '\t', quote: false as const, record_delimiter: 'unix' as const, cast: PLAIN_CAST };
  const clean = (v: Cell, i: number): Cell => {
    if (typeof v !== 'string') return v;
    const flat = v.replace(/[\t\r\n]+/g, ' ');
    return guard && columns[i]!.type !== 'number' ? guardFormula(flat) : flat;
  };
  return textTransform((guard ? '\uFEFF' : '') + stringify([columns.map((c) => c.name)], options), (batch) => stringify(batch.map((row) => row.map(clean)), options));
}

/**
 * A stream of batches of rows to text, with `preamble` (BOM, header) written once before the first
 * rows, or alone when there are none: the shape CSV and TSV share.
 */
function textTransform(preamble: string, format: (batch: Cell[][]) => string): Transform {
  let pending: string | null = preamble;
  const take = (): string => {
    const p = pending ?? '';
    pending = null;
    return p;
  };
  return new Transform({
    writableObjectMode: true,
    writableHighWaterMark: QUEUED_BATCHES,
    transform(batch: Cell[][], _enc, done) {
      done(null, take() + format(batch));
    },
    flush(done) {
      done(null, take());
    },
  });
}

function toObject(columns: readonly OutputColumn[], row: Cell[]): Record<string, Cell> {
  const obj: Record<string, Cell> = {};
  for (let i = 0; i < columns.length; i++) obj[columns[i]!.name] = row[i] ?? null;
  return obj;
}

function jsonlFormatter(columns: readonly OutputColumn[]): Transform {
  return new Transform({
    writableObjectMode: true,
    writableHighWaterMark: QUEUED_BATCHES,
    transform(batch: Cell[][], _enc, done) {
      done(null, batch.map((row) => `${JSON.stringify(toObject(columns, row))}\n`).join(''));
    },
  });
}

function jsonArrayFormatter(columns: readonly OutputColumn[]): Transform {
  let count = 0;
  return new Transform({
    writableObjectMode: true,
    writableHighWaterMark: QUEUED_BATCHES,
    transform(batch: Cell[][], _enc, done) {
      done(null, batch.map((row) => `${count++ === 0 ? '[\n' : ',\n'}${JSON.stringify(toObject(columns, row))}`).join(''));
    },
    flush(done) {
      done(null, count === 0 ? '[]\n' : '\n]\n');
    },
  });
}
