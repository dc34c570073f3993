/**
 * @file How read commands (search, show, export, stats) reach the store: resolve its path, build
 * the bundled corpus on first use when the default database is missing, then open it read-only.
 */
import { BUNDLED_CORPUS, dbPath as resolveDbPath } from '../config.js';
import { StoreError } from '../errors.js';
import type { Store } from '../store/open.js';
import type { CliIo } from './io.js';

/**
 * Opens the store read-only. Without --db, a missing (or outdated) database is first built from the
 * corpus (LGO_CORPUS, else the bundled one), with a note on stderr, so a fresh clone answers at once.
 */
export async function openStoreForReading(dbFlag: string | undefined, io: CliIo): Promise<Store> {
  const file = resolveDbPath(dbFlag, io.env, io.cwd);
  const { openStore } = await import('../store/open.js');
  // An explicit --db is used as given; the configured default (LGO_DB or index/) is built on demand.
  if (dbFlag === undefined) {
    try {
      return openStore(file, { readonly: true });
    } catch (err) {
      if (!(err instanceof StoreError)) throw err;
    }
    // Missing, or of another schema version: build it.
    const corpus = io.env.LGO_CORPUS ?? BUNDLED_CORPUS;
    io.stderr.write(`lgo: building the search database ${file} from ${corpus} (first use)...\n`);
    const { buildStore } = await import('../store/build.js');
    const stats = await buildStore({ corpusDir: corpus, dbPath: file });
    io.stderr.write(`lgo: built ${stats.decisions} decisions in ${(stats.durationMs / 1000).toFixed(1)} s${stats.skipped ? ` (${stats.skipped} pages skipped: run \`lgo build\` to see why)` : ''}\n`);
  }
  return openStore(file, { readonly: true });
}
