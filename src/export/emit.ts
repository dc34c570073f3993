/**
 * @file Where a table of rows goes, for every command that writes one (export, search, stats):
 * through the format's stages into a file, atomically, with the attribution beside it (a sidecar
 * `FILE.attribution.txt`, a `# ` line with --comment, or the second sheet of an .xlsx), or into
 * standard output.
 */
import type { Writable } from 'node:stream';
import { sidecarPath } from './attribution.js';
import type { Cell } from './columns.js';
import { createFormatter, type Format, type OutputColumn } from './formats.js';
import { streamTo, streamToFile, writeFileAtomic } from './output.js';

export interface EmitOptions {
  format: Format;
  columns: readonly OutputColumn[];
  /** The spreadsheet formula guard (and a BOM) for CSV and TSV. */
  excel?: boolean;
  /** CSV: the attribution as a leading `# ` line instead of a sidecar. */
  comment?: boolean;
  /** Absolute path of the file to write; absent: `stdout`. */
  output?: string | undefined;
  attribution: string;
}

/** Writes the rows; returns the sidecar written beside the file, if any. */
export async function emitRows(rows: Iterable<Cell[]>, opts: EmitOptions, stdout: Writable): Promise<{ sidecar: string | null }> {
  const stages = await createFormatter(opts.format, opts.columns, {
    excel: opts.excel ?? false,
    ...(opts.comment ? { comment: opts.attribution } : {}),
    ...(opts.format === 'xlsx' ? { attribution: opts.attribution } : {}),
  });
  if (opts.output === undefined) {
    await streamTo(rows, stages, stdout);
    return { sidecar: null };
  }
  await streamToFile(rows, stages, opts.output);
  if (opts.comment || opts.format === 'xlsx') return { sidecar: null };
  const sidecar = sidecarPath(opts.output);
  await writeFileAtomic(sidecar, `${opts.attribution}\n`);
  return { sidecar };
}
