/**
 * @file Opening the corpus store: checks the file exists and carries our schema version, so every
 * reader fails with one clear "run lgo build" line instead of an SQLite error.
 */
import fs from 'node:fs';
import { StoreError } from '../errors.js';
import { SCHEMA_SQL, SCHEMA_VERSION } from './schema.js';
import { openDatabase, type Database } from './sqlite.js';
import { storeBusy } from './lock.js';

export type Store = Database;

/**
 * Opens an existing store. Throws StoreError (hint `run lgo build`) when the file is missing,
 * unreadable, not an lgo store, or of another schema version.
 * @example const db = openStore('index/decisions.sqlite', { readonly: true });
 */
export function openStore(dbPath: string, opts: { readonly?: boolean } = {}): Store {
  if (!fs.existsSync(dbPath)) throw new StoreError(`no search database at ${dbPath}`);
  const readonly = opts.readonly ?? false;
  let db = connect(dbPath, readonly);
  let probe = probeVersion(db);
  if (readonly && probe.error && RECOVERABLE.test(probe.error.code ?? '')) {
    // A build killed mid-transaction left a hot journal (or an unrecovered WAL) that a read-only
    // connection may not roll back. That is normal SQLite: one read-write open rolls it back.
    db.close();
    recover(dbPath, probe.error);
    db = connect(dbPath, readonly);
    probe = probeVersion(db);
  }
  if (probe.error && /^SQLITE_BUSY/.test(probe.error.code ?? '')) {
    db.close();
    throw storeBusy(dbPath, 'another program holds it locked');
  }
  const version = probe.version;
  if (version !== SCHEMA_VERSION) {
    db.close();
    const found = version === null ? 'is not an lgo database (or is damaged)' : `has schema version ${version}, this lgo needs ${SCHEMA_VERSION}`;
    throw new StoreError(`${dbPath} ${found}`, { code: 'store-schema', hint: 'run `lgo build --full` to rebuild it' });
  }
  if (!readonly) db.pragma('foreign_keys = ON');
  return db;
}

/** SQLite's answers for a read-only connection that meets a journal or WAL to recover. */
const RECOVERABLE = /^SQLITE_READONLY_(ROLLBACK|RECOVERY|CANTINIT|CANTLOCK|DIRECTORY)$|^SQLITE_CANTOPEN/;

function connect(dbPath: string, readonly: boolean): Store {
  try {
    return openDatabase(dbPath, { readonly, fileMustExist: true });
  } catch (err) {
    throw new StoreError(`${dbPath}: cannot open the database (${(err as Error).message})`, { cause: err });
  }
}

/** Rolls back what an interrupted writer left, through one read-write connection. */
function recover(dbPath: string, why: SqliteError): void {
  try {
    const rw = openDatabase(dbPath, { fileMustExist: true });
    try {
      rw.prepare('SELECT count(*) FROM sqlite_master').get();
    } finally {
      rw.close();
    }
  } catch (err) {
    throw new StoreError(`${dbPath}: an interrupted build left changes to roll back, and they cannot be rolled back here (${(err as Error).message}; first: ${why.message})`, {
      code: 'store-recover',
      hint: 'run `lgo build` (or any lgo command) once where the database folder is writable',
      cause: err,
    });
  }
}

/** Creates an empty store at `dbPath` (the file must not exist yet). */
export function createStore(dbPath: string): Store {
  const db = openDatabase(dbPath);
  // No journal while it is built: the file is a temp file, renamed into place only when complete.
  db.pragma('journal_mode = OFF');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA_SQL);
  const put = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  put.run('schema_version', String(SCHEMA_VERSION));
  put.run('created_at', new Date().toISOString());
  return db;
}

type SqliteError = Error & { code?: string };

/** The schema version stamped in the database, or null when there is none (not ours, or damaged). */
export function readSchemaVersion(db: Store): number | null {
  return probeVersion(db).version;
}

function probeVersion(db: Store): { version: number | null; error?: SqliteError } {
  try {
    const row = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string } | undefined;
    return { version: row ? Number(row.value) : null };
  } catch (err) {
    return { version: null, error: err as SqliteError };
  }
}

/** Reads one `meta` value (build time, corpus folder, counts). */
export function readMeta(db: Store, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? row.value : null;
}
