/**
 * @file In-process CLI runs: a CliIo whose streams collect what the command writes.
 */
import { Writable } from 'node:stream';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

/** A Writable that keeps everything written to it. */
export class Collector extends Writable {
  chunks: Buffer[] = [];
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    done();
  }
  get text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `lgo <args>` in process with LGO_DB set to `db` and the working directory `cwd`. */
export async function runLgo(args: string[], opts: { db?: string; cwd?: string } = {}): Promise<RunResult> {
  const stdout = new Collector();
  const stderr = new Collector();
  const io: CliIo = {
    stdout,
    stderr,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env: opts.db ? { LGO_DB: opts.db } : {},
    cwd: opts.cwd ?? process.cwd(),
  };
  const code = await main(['node', 'lgo', ...args], io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}
