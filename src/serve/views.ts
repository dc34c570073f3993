/**
 * @file From a request's state to what a page shows, through the CLI's own search code: the
 * search (engine.ts), "did you mean" for the query and for filter values (suggest.ts), facet
 * counts, and the decision with its similar decisions. Bad input is a UsageError, which the
 * app turns into a 400 page.
 */
import { UsageError } from '../errors.js';
import { normaliseRef } from '../extract/ref.js';
import { getDecision, searchStore } from '../search/engine.js';
import { compileQuery } from '../search/query.js';
import { checkFilterValues, complete, suggestQuery, type SuggestKind } from '../search/suggest.js';
import type { DecisionRecord } from '../schema/record.js';
import type { Store } from '../store/open.js';
import { filterTest } from './column-filters.js';
import { decisionColumns } from './columns.js';
import { computeFacets } from './facets.js';
import { html, page, sync } from './layout.js';
import { PAGE_SIZE, toFilters, type SearchState } from './params.js';
import type { SearchView } from './search-page.js';
import { similarDecisions, type SimilarDecision } from './similar.js';

/**
 * Runs the search a state asks for. A bad query (an unclosed quote, a dangling OR) comes back as
 * `error` with status 400, so the page can show the query box to mend it.
 */
export function searchView(db: Store, state: SearchState): { view: SearchView; status: 200 | 400 } {
  const filters = toFilters(state);
  let compiled;
  try {
    compiled = compileQuery(state.q);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    return { view: { state, result: null, facets: null, suggestion: null, error: { message: err.message, hint: err.hint } }, status: 400 };
  }
  // Relevance needs words: without them (a link that dropped the query) the newest come first.
  const sort = state.sort === 'relevance' && !compiled.match ? undefined : state.sort;
  // The filters answered from the columns where the ranking index finds the matches.
  const test = filterTest(decisionColumns(db), filters);
  const result = searchStore(db, { query: state.q, filters, sort, limit: PAGE_SIZE, offset: (state.page - 1) * PAGE_SIZE, matchIds: true, ...(test ? { filterTest: test } : {}) });
  // The facets count the very matches the search found (one ranking-index pass for both).
  const facets = computeFacets(db, compiled, filters, state.category, result.matchIds);
  let suggestion: string | null = null;
  let error: SearchView['error'] = null;
  if (result.total === 0) {
    try {
      checkFilterValues(db, filters);
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      error = { message: err.message.replace(/--(\w+)/g, '$1'), hint: err.hint };
    }
    suggestion = compiled.match ? suggestQuery(db, state.q, compiled) : null;
  }
  return { view: { state, result, facets, suggestion, error }, status: 200 };
}

/** A decision and its similar decisions, or null when the reference is well formed but unknown. */
export function decisionView(db: Store, refParam: string): { record: DecisionRecord; similar: SimilarDecision[] } | null {
  const ref = normaliseRef(refParam.replace(/-/g, ' '));
  if (!ref) throw new UsageError(`"${refParam}" is not a decision reference`, { hint: 'a reference is YY NNN NNN, e.g. 19-020-817' });
  const record = getDecision(db, ref);
  return record ? { record, similar: similarDecisions(db, record) } : null;
}

const COMPLETION_KINDS: readonly SuggestKind[] = ['organisation', 'category', 'subcategory', 'outcome'];

/** Completions for the type-ahead (`lgo complete`'s). */
export function completions(db: Store, kind: string | undefined, prefix: string | undefined): string[] {
  const k = COMPLETION_KINDS.find((x) => x === kind);
  if (!k) throw new UsageError(`unknown completion kind "${kind ?? ''}"`, { hint: `use one of: ${COMPLETION_KINDS.join(', ')}` });
  if ((prefix ?? '').length > 100) throw new UsageError('the prefix is longer than 100 characters');
  return complete(db, k, prefix ?? '', 10);
}

/** A page for a 400, 404 or 500: the message in words, never a stack trace. */
export function errorPage(status: number, message: string, hint?: string): string {
  const title = status === 404 ? 'Not found' : status === 400 ? 'Bad request' : 'Something went wrong';
  return page({
    title,
    nav: 'error',
    body: sync(html`<h1>${title}</h1><div class="error" role="alert"><p><strong>${message}</strong></p>${hint ? sync(html`<p>${hint}</p>`) : ''}</div><p><a href="/">Start a new search</a></p>`),
  });
}
