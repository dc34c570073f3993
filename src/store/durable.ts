/**
 * @file Writing the store so that no kill, power cut or second writer loses it: updates in WAL
 * mode synced at each commit, full builds fsynced and renamed into place (after the old file's
 * journal or WAL is settled, so it is never applied to the new file), busy databases reported as
 * such, and a database that belongs to another corpus folder never replaced.
 */
import fs from 'node:fs';
import path from 'node:path';
import { samePath } from '../config.js';
import { StoreError } from '../errors.js';
import { storeBusy } from './lock.js';
import { openStore, readMeta, type Store } from './open.js';
import { openDatabase } from './sqlite.js';

const isBusy = (err: unknown): boolean => /^SQLITE_BUSY|^SQLITE_LOCKED/.test((err as { code?: string }).code ?? '');

/** Runs `fn`, turning SQLite's "database is locked" into a clear store-busy error. */
function unlessBusy<T>(dbPath: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (isBusy(err)) throw storeBusy(dbPath, 'another program holds it locked');
    throw err;
  }
}

/** SQLite (disk full, I/O error, read-only file) or file-system failures while building, as a StoreError. */
export function sqliteFailure(dbPath: string, err: unknown): StoreError | null {
  const code = (err as { code?: string }).code ?? '';
  if (err instanceof StoreError || !/^SQLITE_|^E[A-Z]+$/.test(code)) return null;
  if (isBusy(err)) return storeBusy(dbPath, 'another program holds it locked');
  return new StoreError(`${dbPath}: the database could not be written (${code}: ${(err as Error).message}); the previous version is kept`, {
    code: 'store-write',
    hint: 'free some space or fix the folder permissions, then run `lgo build` again',
    cause: err,
  });
}

/** Switches an open store to WAL with synchronous=NORMAL (a no-op once it is in WAL mode). */
export function useWal(db: Store, dbPath: string): void {
  unlessBusy(dbPath, () => db.pragma('journal_mode = WAL'));
  db.pragma('synchronous = NORMAL');
}

/** Starts the write transaction. */
export function begin(db: Store, dbPath: string): void {
  unlessBusy(dbPath, () => db.exec('BEGIN IMMEDIATE'));
}

/**
 * Refuses to update or replace a database built from another corpus folder that still exists:
 * its decisions would be dropped. A database whose folder has moved or gone is taken over.
 */
export function refuseOtherCorpus(dbPath: string, corpusDir: string): void {
  let owner: string | null = null;
  try {
    const db = openStore(dbPath, { readonly: true });
    try {
      owner = readMeta(db, 'corpus_dir');
    } finally {
      db.close();
    }
  } catch (err) {
    if (err instanceof StoreError && err.code === 'store-busy') throw err;
    return; // not ours, damaged or of another schema: a full build replaces it
  }
  if (!owner || samePath(owner, corpusDir) || !fs.existsSync(owner)) return;
  throw new StoreError(`${dbPath} holds the decisions of the corpus ${owner}, not ${path.resolve(corpusDir)}; not replacing it`, {
    code: 'other-corpus',
    hint: `leave out --db (and LGO_DB) to use this corpus's own database, or name another file with --db; delete ${dbPath} first only if you mean to replace it`,
  });
}

/**
 * Puts a finished full build in place: fsync it, settle what the old database left (a WAL is
 * checkpointed and emptied, a hot journal of a killed writer deleted: either would otherwise be
 * replayed onto the new file), rename, fsync the folder.
 */
export function replaceDatabase(tempPath: string, dbPath: string): void {
  fsyncPath(tempPath);
  if (fs.existsSync(dbPath)) settleOld(dbPath);
  fs.rmSync(`${dbPath}-journal`, { force: true });
  fs.renameSync(tempPath, dbPath);
  fsyncPath(path.dirname(dbPath));
}

function settleOld(dbPath: string): void {
  const wal = `${dbPath}-wal`;
  if (!fs.existsSync(wal) || fs.statSync(wal).size === 0) return;
  let db: Store | null = null;
  try {
    db = openDatabase(dbPath, { fileMustExist: true, timeout: 30_000 });
    db.pragma('wal_checkpoint(TRUNCATE)');
    // Back to a rollback journal: SQLite deletes the WAL when no reader holds it.
    db.pragma('journal_mode = DELETE');
  } catch (err) {
    if (!isBusy(err)) throw err;
  } finally {
    db?.close();
  }
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) throw storeBusy(dbPath, 'a reader kept its write-ahead log busy, so the rebuilt database was not put in place');
}

function fsyncPath(p: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(p, 'r');
    fs.fsyncSync(fd);
  } catch (err) {
    // Some file systems refuse to fsync a folder; the rename itself is still atomic.
    if (!['EISDIR', 'EINVAL', 'EPERM', 'EBADF'].includes((err as NodeJS.ErrnoException).code ?? '')) throw err;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}
