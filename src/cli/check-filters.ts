/**
 * @file The one check every command that takes filters makes once the store is open: each
 * organisation, category, subcategory and outcome value must match some decision, else the call
 * stops with exit 2 and "did you mean" (search/suggest.ts), before any output is started. A typo
 * must never come back as an empty file with exit 0.
 */
import { UsageError } from '../errors.js';
import type { Selection } from '../export/select.js';
import type { FilterInput } from '../search/filters.js';
import type { Store } from '../store/open.js';

/** Throws UsageError naming the first filter value no decision has, with suggestions. */
export async function checkFilters(db: Store, filters: FilterInput): Promise<void> {
  const { normaliseFilters } = await import('../search/filters.js');
  const { checkFilterValues } = await import('../search/suggest.js');
  checkFilterValues(db, normaliseFilters(filters));
}

/**
 * For export and stats: the filter check, then, when a query selects nothing because one of its
 * words is in no decision and a near word is (`chlid` -> `child`), a UsageError with the
 * corrected query. A query that is merely too narrow still gives an empty result.
 */
export async function checkSelection(db: Store, sel: Selection): Promise<void> {
  await checkFilters(db, sel.filters);
  const query = sel.query?.trim();
  if (!query) return;
  const { selectionWhere } = await import('../export/select.js');
  const w = selectionWhere(sel);
  if (db.prepare(`SELECT 1 FROM decisions d WHERE ${w.sql} LIMIT 1`).get(...w.params)) return;
  const { compileQuery } = await import('../search/query.js');
  const { suggestQuery } = await import('../search/suggest.js');
  const better = suggestQuery(db, query, compileQuery(query));
  if (better) {
    throw new UsageError(`no decision matches the query "${query}"; did you mean "${better}"?`, {
      code: 'unknown-query-word',
      hint: 'a word that is in no decision is most likely misspelt; prefix* matches word endings',
    });
  }
}
