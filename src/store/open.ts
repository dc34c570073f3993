/**
 * @file Opening the corpus store: checks the file exists and carries our schema version, so every
 * reader fails with one clear "run lgo build" line instead of an SQLite error.
 */
import fs from 'node:fs';
import { StoreError } from '../errors.js';
import { SCHEMA_SQL, SCHEMA_VERSION } from './schema.js';
import { openDatabase, type Database } from './sqlite.js';

export type Store = Database;

/**
 * Opens an existing store. Throws StoreError (hint `run lgo build`) when the file is missing,
 * unreadable, not an lgo store, or of another schema version.
 * @example const db = openStore('index/decisions.sqlite', { readonly: true });
 */
export function openStore(dbPath: string, opts: { readonly?: boolean } = {}): Store {
  if (!fs.existsSync(dbPath)) throw new StoreError(`no search database at ${dbPath}`);
  let db: Store;
  try {
    db = openDatabase(dbPath, { readonly: opts.readonly ?? false, fileMustExist: true });
  } catch (err) {
    throw new StoreError(`${dbPath}: cannot open the database (${(err as Error).message})`, { cause: err });
  }
  const version = readSchemaVersion(db);
  if (version !== SCHEMA_VERSION) {
    db.close();
    const found = version === null ? 'is not an lgo database (or is damaged)' : `has schema version ${version}, this lgo needs ${SCHEMA_VERSION}`;
    throw new StoreError(`${dbPath} ${found}`, { code: 'store-schema', hint: 'run `lgo build --full` to rebuild it' });
  }
  if (!opts.readonly) db.pragma('foreign_keys = ON');
  return db;
}

/** Creates an empty store at `dbPath` (the file must not exist yet). */
export function createStore(dbPath: string): Store {
  const db = openDatabase(dbPath);
  db.pragma('journal_mode = DELETE');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA_SQL);
  const put = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  put.run('schema_version', String(SCHEMA_VERSION));
  put.run('created_at', new Date().toISOString());
  return db;
}

/** The schema version stamped in the database, or null when there is none (not ours, or damaged). */
export function readSchemaVersion(db: Store): number | null {
  try {
    const row = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string } | undefined;
    return row ? Number(row.value) : null;
  } catch {
    return null;
  }
}

/** Reads one `meta` value (build time, corpus folder, counts). */
export function readMeta(db: Store, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? row.value : null;
}
