/**
 * @file The served database, followed across rebuilds. `lgo build --full` writes a new file and
 * renames it over the old one: an open connection would go on reading the old (unlinked) file
 * for ever. So before each request the path is checked (one `stat`, a few microseconds): when
 * it names another file (device and inode), the new file is opened read-only and put in place,
 * and the old connection closed. Pages are rendered synchronously, so no request is using the
 * old connection at that moment; downloads open their own. If the new file cannot be opened
 * (another schema version, a damaged file), the old one goes on serving and the reason is
 * logged once. An update in place (`lgo build`) needs no reopening: SQLite shows the next
 * read the committed changes, and caches of what was read notice them (columns.ts).
 */
import fs from 'node:fs';
import { openStore, type Store } from '../store/open.js';

export interface LiveStore {
  /** The connection to the file now at the path (reopened when it was replaced). */
  current(): Store;
  close(): void;
}

/** Opens a store read-only for serving: 8 MB of page cache (SQLite's default is 2 MB). */
export function openServedStore(dbPath: string): Store {
  const db = openStore(dbPath, { readonly: true });
  // A served store answers query after query: 16 MB of hot index pages saved a tenth of the CPU
  // per search page at 60,000 decisions when facets and filters read decision rows in SQL; with
  // them read from columns (columns.ts), 4, 8 and 16 MB cost the same CPU, and 8 MB keeps memory down.
  db.pragma('cache_size = -8000');
  return db;
}

const RETRY_MS = 5000;

const fileId = (st: fs.Stats | undefined): string | null => (st ? `${st.dev}:${st.ino}` : null);

/**
 * Opens the store at `dbPath` and follows it: `onOpen` runs on every connection opened (to warm
 * per-process caches), `log` gets one line per reopening or failed attempt.
 * @example const live = liveStore(dbPath, { log: console.error }); live.current().prepare(...)
 */
export function liveStore(dbPath: string, opts: { log: (line: string) => void; onOpen?: (db: Store) => void; open?: (dbPath: string) => Store }): LiveStore {
  const open = opts.open ?? openServedStore;
  let id = fileId(fs.statSync(dbPath, { throwIfNoEntry: false }));
  let db = open(dbPath);
  opts.onOpen?.(db);
  // A file that could not be opened is tried again after a while, not at every request.
  let refused: { id: string; at: number } | null = null;
  return {
    current() {
      const now = fileId(fs.statSync(dbPath, { throwIfNoEntry: false }));
      // Gone (between a delete and a rename, or for good): go on serving what is open.
      if (now === null || now === id || (now === refused?.id && Date.now() - refused.at < RETRY_MS)) return db;
      let next: Store;
      try {
        next = open(dbPath);
      } catch (err) {
        const again = refused?.id === now;
        refused = { id: now, at: Date.now() };
        if (!again) opts.log(`lgo serve: ${dbPath} was replaced, but the new file cannot be served (${(err as Error).message.split('\n')[0]}); still serving the one opened before`);
        return db;
      }
      const old = db;
      db = next;
      id = now;
      refused = null;
      old.close();
      opts.onOpen?.(db);
      opts.log(`lgo serve: ${dbPath} was replaced (lgo build --full); serving the new file`);
      return db;
    },
    close() {
      db.close();
    },
  };
}
