/**
 * @file The search module: one entry point (`searchStore`) from a query plus filters to ranked
 * hits with snippets. Commands never write SQL for search themselves, so another engine (a
 * server) could stand behind this interface later.
 */
import { UsageError } from '../errors.js';
import type { DecisionRecord } from '../schema/record.js';
import type { Store } from '../store/open.js';
import { compileFilters, type Filters, type WhereClause } from './filters.js';
import { compileQuery, type CompiledQuery } from './query.js';
import { makeSnippet, type Snippet } from './snippet.js';

export const SORTS = ['relevance', 'date', 'payment'] as const;
export type Sort = (typeof SORTS)[number];

/**
 * BM25 weights per FTS column (summary, headings, organisation, body): a word in the Summary or
 * a heading says more about what a decision is about than one in the body.
 */
export const FIELD_WEIGHTS = [8, 4, 2, 1] as const;

/**
 * At most this many matches are ranked by BM25. A word found in nearly every decision would
 * otherwise cost a score per decision (80 ms at 60,000; about 5 ms per 1,000 ranked): past the cap, the newest-added matches
 * are ranked. The total stays exact.
 */
export const RANK_CAP = 2000;

/** Counting stops here: an exact count of 50,000 phrase matches costs more than the search itself
 * (`lgo stats` counts exactly). */
export const COUNT_CAP = 5_000;

export interface SearchRequest {
  query: string;
  filters: Filters;
  sort?: Sort;
  limit?: number;
  offset?: number;
  /** Characters of context in snippets, in words; 0 for none. */
  snippetWords?: number;
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
const ORDER: Record<Exclude<Sort, 'relevance'>, string> = {
  date: 'd.decision_date DESC NULLS LAST, d.ref DESC',
  payment: 'd.payment_total DESC, d.decision_date DESC NULLS LAST',
};

/**
 * Runs a search: FTS5 MATCH for the query, SQL for the filters, BM25 with field weights.
 * @example searchStore(db, { query: '"child in need"', filters: { outcome: 'Upheld' }, limit: 10 })
 */
export function searchStore(db: Store, req: SearchRequest): SearchResult {
  const query = compileQuery(req.query);
  const where = compileFilters(req.filters);
  const limit = req.limit ?? 20;
  const offset = req.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit ${limit} must be a whole number of at least 1`);
  if (!Number.isInteger(offset) || offset < 0) throw new UsageError(`--offset ${offset} must be a whole number, 0 or more`);
  const sort: Sort = req.sort ?? (query.match ? 'relevance' : 'date');
  if (sort === 'relevance' && !query.match) throw new UsageError('--sort relevance needs a query', { hint: 'give words to search for, or use --sort date' });

  let rows: Row[];
  let rankCapped = false;
  const counted = countMatches(db, query.match, where);
  if (!query.match) {
    rows = db.prepare(`SELECT ${COLS}, NULL AS score FROM decisions d WHERE ${where.sql} ORDER BY ${ORDER[sort as 'date']} LIMIT ? OFFSET ?`).all(...where.params, limit, offset) as Row[];
  } else if (sort === 'relevance') {
    const from = `decisions_fts f JOIN decisions d ON d.id = f.rowid WHERE f.decisions_fts MATCH ? AND ${where.sql}`;
    const params = [query.match, ...where.params];
    // Bound the ranking work: past RANK_CAP matches, rank only those with the newest ids.
    let bound = 0;
    if (counted.total > RANK_CAP && offset + limit <= RANK_CAP) {
      const row = db.prepare(`SELECT f.rowid AS id FROM ${from} ORDER BY f.rowid DESC LIMIT 1 OFFSET ?`).get(...params, RANK_CAP - 1) as { id: number } | undefined;
      if (row) {
        bound = row.id;
        rankCapped = true;
      }
    }
    const weights = FIELD_WEIGHTS.join(', ');
    rows = db
      .prepare(`SELECT ${COLS}, -bm25(decisions_fts, ${weights}) AS score FROM ${from} AND f.rowid >= ? ORDER BY bm25(decisions_fts, ${weights}) LIMIT ? OFFSET ?`)
      .all(...params, bound, limit, offset) as Row[];
  } else {
    // Walk the date (or payment) order and keep the matches: no per-match sort of the whole set.
    rows = db
      .prepare(`SELECT ${COLS}, NULL AS score FROM decisions d WHERE d.id IN (SELECT rowid FROM decisions_fts WHERE decisions_fts MATCH ?) AND ${where.sql} ORDER BY ${ORDER[sort]} LIMIT ? OFFSET ?`)
      .all(query.match, ...where.params, limit, offset) as Row[];
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
  return { total: counted.total, totalIsMinimum: counted.capped, rankCapped, hits, query };
}

/**
 * One stored decision by reference ("19 020 817", "19-020-817", "19020817"), or null.
 * @example getDecision(db, '19 020 817')?.organisation
 */
export function getDecision(db: Store, ref: string): DecisionRecord | null {
  const json = db.prepare('SELECT r.record_json FROM records r JOIN decisions d ON d.id = r.decision_id WHERE d.ref = ?').pluck().get(ref) as string | undefined;
  return json ? (JSON.parse(json) as DecisionRecord) : null;
}

/** Counts matches, stopping at COUNT_CAP; without filters the index alone answers. */
function countMatches(db: Store, match: string | null, where: WhereClause): { total: number; capped: boolean } {
  const inner = !match
    ? `SELECT 1 FROM decisions d WHERE ${where.sql}`
    : where.sql === '1'
      ? 'SELECT 1 FROM decisions_fts WHERE decisions_fts MATCH ?'
      : `SELECT 1 FROM decisions_fts f JOIN decisions d ON d.id = f.rowid WHERE f.decisions_fts MATCH ? AND ${where.sql}`;
  const params = match ? [match, ...where.params] : where.params;
  const n = db.prepare(`SELECT count(*) FROM (${inner} LIMIT ?)`).pluck().get(...params, COUNT_CAP + 1) as number;
  return n > COUNT_CAP ? { total: COUNT_CAP, capped: true } : { total: n, capped: false };
}
