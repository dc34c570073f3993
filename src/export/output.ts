/**
 * @file Where rows go: a file written atomically (temp file in the same folder, then rename) or
 * a stream such as stdout (left open). Rows are pulled lazily through `stream.pipeline`, so a
 * slow destination slows the source instead of filling memory.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { InputError } from '../errors.js';
import { batches, QUEUED_BATCHES } from './formats.js';

/**
 * Streams `rows` through `stages` into `dest`, leaving `dest` open (stdout, test collectors).
 * @returns when every row has been handed to `dest`.
 */
export async function streamTo(rows: Iterable<unknown>, stages: Transform[], dest: Writable): Promise<void> {
  try {
    await pipeline([Readable.from(batches(rows), { objectMode: true, highWaterMark: QUEUED_BATCHES }), ...stages, dest], { end: false });
  } catch (err) {
    // The reader went away (`lgo export payments | head`): stop quietly, as Unix tools do.
    if ((err as NodeJS.ErrnoException).code === 'EPIPE') return;
    throw err;
  }
}

/** Writes one text (a table, a JSON document) to `dest` with back-pressure, leaving it open. */
export async function writeText(dest: Writable, text: string): Promise<void> {
  await streamTo([text], [new Transform({ writableObjectMode: true, transform: (batch: string[], _e, done) => done(null, batch.join('')) })], dest);
}

/**
 * Streams `rows` through `stages` into `file` atomically: the file appears complete or not at
 * all, and an existing file is replaced only on success.
 */
export async function streamToFile(rows: Iterable<unknown>, stages: Transform[], file: string): Promise<void> {
  const tmp = tempName(file);
  try {
    await pipeline([Readable.from(batches(rows), { objectMode: true, highWaterMark: QUEUED_BATCHES }), ...stages, fs.createWriteStream(tmp)]);
    await fsp.rename(tmp, file);
  } catch (err) {
    await fsp.rm(tmp, { force: true });
    throw wrapWriteError(err, file);
  }
}

/** Writes a small text (or a PNG's bytes) to a file atomically. */
export async function writeFileAtomic(file: string, text: string | Uint8Array): Promise<void> {
  const tmp = tempName(file);
  try {
    await fsp.writeFile(tmp, text);
    await fsp.rename(tmp, file);
  } catch (err) {
    await fsp.rm(tmp, { force: true });
    throw wrapWriteError(err, file);
  }
}

function tempName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`);
}

function wrapWriteError(err: unknown, file: string): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError(`${file}: cannot write (the folder does not exist)`, { cause: err, code: 'output' });
  if (code === 'EACCES' || code === 'EPERM') return new InputError(`${file}: cannot write (permission denied)`, { cause: err, code: 'output' });
  if (code === 'EISDIR') return new InputError(`${file}: is a folder, not a file`, { cause: err, code: 'output' });
  return err;
}
