/**
 * @file How read commands (search, show, export, stats) reach the store: resolve its path (the
 * corpus's own database unless --db or LGO_DB names one), build it on first use when that default
 * database is missing, then open it read-only.
 */
import { corpusDir, dbPath as resolveDbPath } from '../config.js';
import { StoreError } from '../errors.js';
import type { Store } from '../store/open.js';
import type { CliIo } from './io.js';

/**
 * Opens the store read-only. Without --db, a missing (or outdated) database is first built from the
 * corpus (--corpus, LGO_CORPUS, else the bundled one), with a note on stderr, so a fresh clone answers at once.
 */
export async function openStoreForReading(dbFlag: string | undefined, io: CliIo, corpusFlag?: string): Promise<Store> {
  const corpus = corpusDir(corpusFlag, io.env, io.cwd);
  const file = resolveDbPath(dbFlag, io.env, io.cwd, corpus);
  const { openStore } = await import('../store/open.js');
  // An explicit --db is used as given; the configured default (LGO_DB or the corpus's own) is built on demand.
  if (dbFlag === undefined) {
    try {
      return openStore(file, { readonly: true });
    } catch (err) {
      if (!(err instanceof StoreError) || err.code === 'store-busy' || err.code === 'store-recover') throw err;
    }
    // Missing, or of another schema version: build it.
    io.stderr.write(`lgo: building the search database ${file} from ${corpus} (first use)...\n`);
    const { buildStore } = await import('../store/build.js');
    const stats = await buildStore({ corpusDir: corpus, dbPath: file, onWait: (m) => io.stderr.write(`lgo: ${m}\n`) });
    io.stderr.write(`lgo: built ${stats.decisions} decisions in ${(stats.durationMs / 1000).toFixed(1)} s${stats.skipped ? ` (${stats.skipped} pages skipped: run \`lgo build\` to see why)` : ''}\n`);
  }
  return openStore(file, { readonly: true });
}
