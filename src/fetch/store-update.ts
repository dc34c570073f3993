/**
 * @file After a crawl: add the new and changed pages to the search database through the store
 * builder's incremental path (`buildStore`, which parses each page with the same parser as `lgo parse`).
 */
import type { BuildStats } from '../store/build.js';

/**
 * Updates the database at `dbPath` from `corpusDir`; warnings (pages that are not decisions) go to
 * `onWarning`, and `onWait` is told when another writer holds the database and this update waits.
 */
export async function updateSearchStore(corpusDir: string, dbPath: string, onWarning: (message: string) => void, onWait?: (message: string) => void): Promise<BuildStats> {
  const { buildStore } = await import('../store/build.js');
  return buildStore({ corpusDir, dbPath, onWarning, onWait });
}
