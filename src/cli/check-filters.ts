/**
 * @file The one check every command that takes filters makes once the store is open: each
 * organisation, category, subcategory and outcome value must match some decision, else the call
 * stops with exit 2 and "did you mean" (search/suggest.ts), before any output is started. A typo
 * must never come back as an empty file with exit 0.
 */
import type { FilterInput } from '../search/filters.js';
import type { Store } from '../store/open.js';

/** Throws UsageError naming the first filter value no decision has, with suggestions. */
export async function checkFilters(db: Store, filters: FilterInput): Promise<void> {
  const { normaliseFilters } = await import('../search/filters.js');
  const { checkFilterValues } = await import('../search/suggest.js');
  checkFilterValues(db, normaliseFilters(filters));
}
