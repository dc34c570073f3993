/**
 * @file XLSX output with exceljs's streaming WorkbookWriter: one data sheet (typed number, date
 * and boolean cells, a frozen header row, an autofilter over every row) and a second sheet with
 * the attribution. Rows are committed as they arrive, so memory stays flat however many there are.
 * Cells are values, never formulas, so no formula guard is needed: `=HYPERLINK(...)` stays text.
 */
import { once } from 'node:events';
import { PassThrough, Transform, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell } from './columns.js';
import type { OutputColumn } from './formats.js';

export interface XlsxOptions {
  /** The attribution, written on the second sheet ("Source"). */
  attribution?: string;
  /** The data sheet's name. */
  sheet?: string;
}

// How far the sheet's XML may run ahead of the compressor before a batch waits.
const ZIP_QUEUE_BYTES = 4 * 1024 * 1024;

// Excel's limit is 32,767 characters per cell; longer text (a whole summary never is) is cut.
const MAX_CELL = 32_767;

/** "2021-06-03" as a Date at midnight UTC, which Excel shows as that day; anything else stays text. */
export function isoDate(value: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : value;
}

function cellValue(col: OutputColumn, v: Cell): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (col.type === 'date' && typeof v === 'string') return isoDate(v);
  if (typeof v === 'string') return v.length > MAX_CELL ? v.slice(0, MAX_CELL) : v;
  return v;
}

// Column widths from the header and the kind of content, so a sheet is readable on opening.
function width(col: OutputColumn): number {
  if (col.type === 'date') return 12;
  if (col.type === 'number' || col.type === 'boolean') return Math.max(10, col.name.length + 2);
  if (/^(text|summary|purpose|snippet)$/i.test(col.name)) return 60;
  if (/^(url|organisation|recipient|category|subcategory|topRemedies)$/i.test(col.name)) return 36;
  return Math.max(12, Math.min(40, col.name.length + 4));
}

/** The column letter(s) of a 1-based index: 1 -> A, 27 -> AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/**
 * Adds the sheet-local defined name `_xlnm._FilterDatabase` that Excel writes beside every
 * autofilter: LibreOffice shows the filter buttons only when it is there, and exceljs does not
 * write it. Its `definedNames.model` lacks `localSheetId`, so the entry is added to the model the
 * workbook writer reads when it commits.
 */
function filterDatabaseName(book: ExcelJS.stream.xlsx.WorkbookWriter, sheet: string, range: string): void {
  const names = book.definedNames as unknown as { model: unknown[] };
  const entry = { name: '_xlnm._FilterDatabase', localSheetId: 0, ranges: [`'${sheet}'!${range}`] };
  const base = names.model;
  Object.defineProperty(names, 'model', { get: () => [...base, entry], configurable: true });
}

/**
 * Waits until the zip has taken in what the sheet wrote. exceljs writes each committed row into
 * the zip's input stream without back-pressure, so a fast source would queue the whole sheet's
 * XML in memory ahead of the compressor (39 MB at 100,000 rows, measured); waiting for that
 * stream's 'drain' when more than a few megabytes are queued keeps memory flat. The input is the stream the sheet's
 * stream pipes into (archiver's PassThrough).
 */
async function zipCaughtUp(sheet: ExcelJS.Worksheet): Promise<void> {
  const input = (sheet as unknown as { stream?: { pipes?: Writable[] } }).stream?.pipes?.[0];
  const state = (input as unknown as { _writableState?: { needDrain?: boolean; length?: number } } | undefined)?._writableState;
  // A few megabytes ahead is fine (and fast); waiting at every 16 KB high-water mark was 10x slower.
  if (input && state?.needDrain && (state.length ?? 0) > ZIP_QUEUE_BYTES) await once(input, 'drain');
}

/**
 * A stage for `stream.pipeline`: batches of row arrays in, the bytes of an .xlsx file out.
 * @example pipeline(Readable.from(batches(rows)), xlsxFormatter(columns, { attribution }), file)
 */
export function xlsxFormatter(columns: readonly OutputColumn[], opts: XlsxOptions = {}): Transform {
  const zip = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: zip, useStyles: true, useSharedStrings: false });
  const sheet = book.addWorksheet(opts.sheet ?? 'data', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = columns.map((c) => ({
    header: c.name,
    key: c.name,
    width: width(c),
    ...(c.type === 'date' ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  let rows = 0;
  const out = new Transform({
    writableObjectMode: true,
    writableHighWaterMark: 2,
    transform(batch: Cell[][], _enc, done) {
      try {
        for (const row of batch) {
          sheet.addRow(columns.map((c, i) => cellValue(c, row[i] ?? null))).commit();
          rows++;
        }
      } catch (err) {
        done(err as Error);
        return;
      }
      zipCaughtUp(sheet).then(() => done(), done);
    },
    flush(done) {
      // The autofilter is written after the rows, so it can cover exactly the rows there are.
      const last = columnLetter(Math.max(1, columns.length));
      sheet.autoFilter = `A1:${last}${rows + 1}`;
      filterDatabaseName(book, sheet.name, `$A$1:$${last}$${rows + 1}`);
      sheet.commit();
      if (opts.attribution) {
        const source = book.addWorksheet('Source');
        source.columns = [{ header: 'Source and re-use', key: 'a', width: 120 }];
        source.getRow(1).font = { bold: true };
        source.addRow([opts.attribution]).commit();
        source.getColumn(1).alignment = { wrapText: true, vertical: 'top' };
        source.commit();
      }
      zip.on('end', () => done());
      book.commit().catch((err: Error) => done(err));
    },
  });
  zip.on('data', (chunk: Buffer) => out.push(chunk));
  zip.on('error', (err) => out.destroy(err));
  return out;
}
