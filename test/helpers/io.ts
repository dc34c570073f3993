/**
 * @file Collecting streams for running `main(argv, io)` in process.
 */
import { Writable } from 'node:stream';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function collector(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  });
  return { stream, text: () => chunks.join('') };
}

/** Runs `lgo <args>` in process and returns the exit code and both outputs. */
export async function runLgo(args: string[], opts: { env?: Record<string, string | undefined>; cwd?: string; tty?: boolean; columns?: number; rows?: number } = {}): Promise<Run> {
  const out = collector();
  const err = collector();
  const io: CliIo = { stdout: out.stream, stderr: err.stream, stdoutIsTTY: opts.tty ?? false, stderrIsTTY: false, env: opts.env ?? {}, cwd: opts.cwd ?? process.cwd(), columns: opts.columns, rows: opts.rows };
  const code = await main(['node', 'lgo', ...args], io);
  return { code, stdout: out.text(), stderr: err.text() };
}
