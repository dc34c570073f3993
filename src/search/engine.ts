/**
 * @file The search module: one entry point (`searchStore`) from a query plus filters to ranked
 * hits with snippets. Commands never write SQL for search themselves, so another engine (a
 * server) could stand behind this interface later.
 */
import { UsageError } from '../errors.js';
import type { DecisionRecord } from '../schema/record.js';
import type { Store } from '../store/open.js';
import { compileFilters, type Filters } from './filters.js';
import { FIELD_WEIGHTS, newestLoosely, prefixExpander, walkPlan, withOrganisation } from './plan.js';
import { compileQuery, type CompiledQuery } from './query.js';
import { makeSnippet, type Snippet } from './snippet.js';

export const SORTS = ['relevance', 'date', 'payment'] as const;
export type Sort = (typeof SORTS)[number];

/**
 * At most this many matches are ranked by BM25. A word found in nearly every decision would
 * otherwise cost a score per decision (80 ms at 60,000; 3-8 us per scored row and word): past the cap, the newest-added matches
 * are ranked. The total stays exact.
 */
export const RANK_CAP = 500;

/**
 * Counting stops here ("more than 500"): an exact count of 50,000 phrase or prefix matches costs
 * more than the search itself (`lgo stats` counts exactly). Equal to RANK_CAP so that ranking and
 * counting are one pass over the index.
 */
export const COUNT_CAP = 500;

export interface SearchRequest {
  query: string;
  filters: Filters;
  sort?: Sort;
  limit?: number;
  offset?: number;
  /** Length of snippets, in words; 0 for none. */
  snippetWords?: number;
  /** Override RANK_CAP and COUNT_CAP (tests, benchmarks). */
  caps?: { rank?: number; count?: number };
}

export interface SearchHit {
  ref: string;
  organisation: string | null;
  decisionDate: string | null;
  outcome: string | null;
  category: string | null;
  subcategory: string | null;
  paymentTotal: number;
  url: string | null;
  /** BM25 score (higher is better), null when not sorted by relevance. */
  score: number | null;
  snippet: Snippet | null;
}

export interface SearchResult {
  /** Matching decisions, counted up to COUNT_CAP. */
  total: number;
  /** True when counting stopped at COUNT_CAP: "more than `total`". */
  totalIsMinimum: boolean;
  /** True when only the newest RANK_CAP matches were ranked (a very common query). */
  rankCapped: boolean;
  hits: SearchHit[];
  query: CompiledQuery;
}

interface Row {
  id: number;
  ref: string;
  organisation: string | null;
  decision_date: string | null;
  outcome: string | null;
  category: string | null;
  subcategory: string | null;
  payment_total: number;
  url: string | null;
  score: number | null;
}

const COLS = 'd.id, d.ref, d.organisation, d.decision_date, d.outcome, d.category, d.subcategory, d.payment_total, d.url';
/** Sort orders that the indexes below give directly (an index ends in the row id; NULL dates sort last). */
const ORDER: Record<Exclude<Sort, 'relevance'>, string> = {
  date: 'd.decision_date DESC, d.id DESC',
  payment: 'd.payment_total DESC, d.id DESC',
};
const SORT_INDEX: Record<Exclude<Sort, 'relevance'>, string> = { date: 'decisions_date', payment: 'decisions_payment' };

/**
 * Runs a search: FTS5 MATCH for the query, SQL for the filters, BM25 with field weights.
 * @example searchStore(db, { query: '"child in need"', filters: { outcome: 'Upheld' }, limit: 10 })
 */
export function searchStore(db: Store, req: SearchRequest): SearchResult {
  const query = compileQuery(req.query, prefixExpander(db));
  const where = compileFilters(req.filters);
  const limit = req.limit ?? 20;
  const offset = req.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit ${limit} must be a whole number of at least 1`);
  if (!Number.isInteger(offset) || offset < 0) throw new UsageError(`--offset ${offset} must be a whole number, 0 or more`);
  const sort: Sort = req.sort ?? (query.match ? 'relevance' : 'date');
  if (sort === 'relevance' && !query.match) throw new UsageError('--sort relevance needs a query', { hint: 'give words to search for, or use --sort date' });

  const RANK = req.caps?.rank ?? RANK_CAP;
  const COUNT = req.caps?.count ?? COUNT_CAP;
  let rows: Row[];
  let rankCapped = false;
  let total: number;
  let capped = false;
  const walk = (sql: string, params: unknown[]): Row[] =>
    db.prepare(`SELECT ${COLS}, NULL AS score FROM decisions d INDEXED BY ${SORT_INDEX[sort as 'date']} WHERE ${sql} ORDER BY ${ORDER[sort as 'date']} LIMIT ? OFFSET ?`).all(...params, limit, offset) as Row[];
  if (!query.match) {
    total = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM decisions d WHERE ${where.sql} LIMIT ?)`).pluck().get(...where.params, COUNT + 1) as number;
    rows = walk(where.sql, where.params);
  } else {
    const match = withOrganisation(db, query.match, req.filters.organisation);
    const from = `decisions_fts f JOIN decisions d ON d.id = f.rowid WHERE f.decisions_fts MATCH ? AND ${where.sql}`;
    const params = [match, ...where.params];
    const weights = FIELD_WEIGHTS.join(', ');
    if (sort === 'relevance') {
      // Bound the ranking work: score only the newest-added RANK + 1 matches, in one pass. When
      // there are no more, that is every match; otherwise the ranking is among the newest RANK.
      const newest = query.rankMatch ? newestLoosely(db, from, params, query.rankMatch, RANK) : db.prepare(`SELECT f.rowid AS id, -bm25(decisions_fts, ${weights}) AS score FROM ${from} ORDER BY f.rowid DESC LIMIT ?`).all(...params, RANK + 1) as { id: number; score: number }[];
      total = newest.length;
      if (newest.length > RANK && COUNT > RANK) {
        const rest = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM ${from} AND f.rowid < ? LIMIT ?)`).pluck().get(...params, newest[RANK - 1]!.id, COUNT - RANK + 1) as number;
        total = RANK + rest;
      }
      if (newest.length > RANK && offset + limit > RANK) {
        // Paging past the cap: rank every match (slow for common words, but asked for).
        rows = db
          .prepare(`SELECT ${COLS}, -bm25(decisions_fts, ${weights}) AS score FROM ${from} ORDER BY bm25(decisions_fts, ${weights}) LIMIT ? OFFSET ?`)
          .all(...params, limit, offset) as Row[];
      } else {
        rankCapped = newest.length > RANK;
        const page = newest.slice(0, RANK).sort((x, y) => y.score - x.score || y.id - x.id).slice(offset, offset + limit);
        const byId = db.prepare(`SELECT ${COLS}, ? AS score FROM decisions d WHERE d.id = ?`);
        rows = page.map((p) => byId.get(p.score, p.id) as Row);
      }
    } else {
      // One pass over the matches, newest first, gives the count (up to COUNT).
      const ids = db.prepare(`SELECT f.rowid FROM ${from} ORDER BY f.rowid DESC LIMIT ?`).pluck().all(...params, COUNT + 1) as number[];
      total = ids.length;
      if (ids.length <= COUNT) {
        // Every match is known: sort just those.
        rows = db
          .prepare(`SELECT ${COLS}, NULL AS score FROM decisions d WHERE d.id IN (SELECT value FROM json_each(?)) ORDER BY ${ORDER[sort]} LIMIT ? OFFSET ?`)
          .all(JSON.stringify(ids), limit, offset) as Row[];
      } else {
        // Very many matches: walk the date (or payment) index and keep the matches until the page is full.
        const test = walkPlan(ids, offset + limit) === 'probe' ? 'EXISTS (SELECT 1 FROM decisions_fts f WHERE f.decisions_fts MATCH ? AND f.rowid = d.id)' : 'd.id IN (SELECT rowid FROM decisions_fts WHERE decisions_fts MATCH ?)';
        rows = walk(`${where.sql} AND ${test}`, [...where.params, match]);
      }
    }
  }
  if (total > COUNT) {
    total = COUNT;
    capped = true;
  }
  const words = req.snippetWords ?? 30;
  const recordOf = db.prepare('SELECT record_json FROM records WHERE decision_id = ?').pluck();
  const hits = rows.map((r) => ({
    ref: r.ref,
    organisation: r.organisation,
    decisionDate: r.decision_date,
    outcome: r.outcome,
    category: r.category,
    subcategory: r.subcategory,
    paymentTotal: r.payment_total,
    url: r.url,
    score: r.score === null ? null : Number(r.score.toPrecision(4)),
    snippet: words > 0 ? makeSnippet(JSON.parse(recordOf.get(r.id) as string) as DecisionRecord, query.words, query.prefixes, words) : null,
  }));
  return { total, totalIsMinimum: capped, rankCapped, hits, query };
}

/**
 * One stored decision by reference ("19 020 817", "19-020-817", "19020817"), or null.
 * @example getDecision(db, '19 020 817')?.organisation
 */
export function getDecision(db: Store, ref: string): DecisionRecord | null {
  const json = db.prepare('SELECT r.record_json FROM records r JOIN decisions d ON d.id = r.decision_id WHERE d.ref = ?').pluck().get(ref) as string | undefined;
  return json ? (JSON.parse(json) as DecisionRecord) : null;
}
