/**
 * @file What a command may touch of the outside world: two output streams and paths.
 * Tests pass collecting streams; the `lgo` binary passes process.stdout/stderr.
 */
import type { Writable } from 'node:stream';

export interface CliIo {
  /** Data only: JSON, CSV, tables. */
  stdout: Writable;
  /** Progress, logs and warnings. */
  stderr: Writable;
  /** Whether stdout is a terminal (bold snippets, tables) or a pipe/file (plain). */
  stdoutIsTTY: boolean;
  /** Whether stderr is a terminal (progress bars). */
  stderrIsTTY: boolean;
  /** The terminal's size when stdout is one (for wrapping and paging `lgo show`). */
  columns?: number | undefined;
  rows?: number | undefined;
  /** Environment variables (LGO_DB, LGO_CORPUS, ...). */
  env: Record<string, string | undefined>;
  /** Working directory against which relative paths are resolved. */
  cwd: string;
}

/** The real process's streams. */
export function processIo(): CliIo {
  // `lgo search ... | head`: the reader has gone, so stop quietly instead of printing a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(0);
  });
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    rows: process.stdout.isTTY ? process.stdout.rows : undefined,
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Writes a chunk and waits for the stream to accept more (back-pressure for long outputs). */
export async function write(stream: Writable, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
}
