/**
 * @file The search module: one entry point (`searchStore`) from a query plus filters to ranked
 * hits with snippets. Commands never write SQL for search themselves, so another engine (a
 * server) could stand behind this interface later.
 */
import { UsageError } from '../errors.js';
import type { DecisionRecord } from '../schema/record.js';
import type { Store } from '../store/open.js';
import { compileFilters, type Filters, type WhereClause } from './filters.js';
import { FIELD_WEIGHTS } from './rank.js';
import { compileQuery, type CompiledQuery, type QueryNode } from './query.js';
import { makeSnippet, type Snippet } from './snippet.js';
import { exactSupported, scoreMatches, topScores, type Scored } from './exact.js';
import { keepTest, keepWhere, orderedPage } from './select.js';
import { scoreState } from '../store/score-state.js';

export const SORTS = ['relevance', 'date', 'payment'] as const;
export type Sort = (typeof SORTS)[number];

export interface SearchRequest {
  query: string;
  filters: Filters;
  sort?: Sort;
  limit?: number;
  offset?: number;
  /** Length of snippets, in words; 0 for none. */
  snippetWords?: number;
  /** Also return every match's id (`matchIds`) when the ranking index computed them. */
  matchIds?: boolean;
  /**
   * A test keeping exactly the decisions `filters` keeps (what compileFilters(filters) selects),
   * for a caller that answers it without SQL (the web server, from its columns). Used where the
   * ranking index finds the matches; SQL still applies the query's value fields.
   */
  filterTest?: FilterTest;
}

/** True for a decision (by id) the filters keep. */
export type FilterTest = (id: number) => boolean;

export interface SearchHit {
  ref: string;
  organisation: string | null;
  decisionDate: string | null;
  outcome: string | null;
  category: string | null;
  subcategory: string | null;
  paymentTotal: number;
  url: string | null;
  /** BM25 score (higher is better), null when not sorted by relevance and for a reference typed as the query. */
  score: number | null;
  snippet: Snippet | null;
}

export interface SearchResult {
  /** Matching decisions, counted exactly. */
  total: number;
  /** Always false: counts are exact (kept so callers of the earlier capped engine still compile). */
  totalIsMinimum: boolean;
  /** Always false: every match is ranked (kept for the same reason). */
  rankCapped: boolean;
  hits: SearchHit[];
  query: CompiledQuery;
  /**
   * Every match, ascending (what `exactMatchIds` returns), when asked for and the ranking index
   * found them; absent otherwise. For callers that summarise all matches of the page they show.
   */
  matchIds?: Int32Array;
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
/** Sort orders for date and payment (an index ends in the row id; NULL dates sort last). */
const ORDER: Record<Exclude<Sort, 'relevance'>, string> = {
  date: 'd.decision_date DESC, d.id DESC',
  payment: 'd.payment_total DESC, d.id DESC',
};
const WEIGHTS = FIELD_WEIGHTS.join(', ');

/**
 * Runs a search: FTS5 MATCH for the text, SQL for the filters and value fields, and every match
 * ranked by BM25 with field weights (ties: newest-added first). Filters only select among the
 * matches: scores are computed over the whole corpus, so a filter never changes one. Counts are
 * exact. A reference typed as the query puts its decision first.
 * @example searchStore(db, { query: '"child in need"', filters: { outcome: 'Upheld' }, limit: 10 })
 */
export function searchStore(db: Store, req: SearchRequest): SearchResult {
  // One read transaction: the ranking index's state, its postings and the rows are read from one
  // snapshot, even while a build commits an update (WAL lets readers keep theirs).
  return db.inTransaction ? search(db, req) : db.transaction(() => search(db, req))();
}

function search(db: Store, req: SearchRequest): SearchResult {
  const query = compileQuery(req.query);
  const limit = req.limit ?? 20;
  const offset = req.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit ${limit} must be a whole number of at least 1`);
  if (!Number.isInteger(offset) || offset < 0) throw new UsageError(`--offset ${offset} must be a whole number, 0 or more`);
  const sort: Sort = req.sort ?? (query.match ? 'relevance' : 'date');
  if (sort === 'relevance' && !query.match) throw new UsageError('--sort relevance needs a query', { hint: 'give words to search for, or use --sort date' });
  const where = selectionWhere(query, req.filters);

  // A reference typed as the query: its decision first (when the filters keep it), then the rest.
  const refId = query.ref ? (db.prepare(`SELECT d.id FROM decisions d WHERE d.ref = ? AND ${where.sql}`).pluck().get(query.ref, ...where.params) as number | undefined) : undefined;
  const skip = refId === undefined ? '' : ' AND f.rowid <> ?';
  const skipParams = refId === undefined ? [] : [refId];
  const first = refId !== undefined && offset === 0 ? 1 : 0;
  const restOffset = Math.max(0, offset - (refId === undefined ? 0 : 1));
  const restLimit = limit - first;

  let total: number;
  let rows: Row[] = [];
  let matchIds: Int32Array | undefined;
  const state = query.match && exactSupported(query.tree) ? scoreState(db) : null;
  if (state) {
    // Every match scored from the ranking index (exact.ts); the same scores as FTS5's bm25().
    const matches = keepSelected(db, scoreMatches(db, state, query.tree!), query, req.filters, refId, req.filterTest);
    total = matches.ids.length + (refId === undefined ? 0 : 1);
    if (req.matchIds) matchIds = withRef(matches.ids, refId);
    const byId = db.prepare(`SELECT ${COLS}, ? AS score FROM decisions d WHERE d.id = ?`);
    if (restLimit > 0 && sort === 'relevance') rows = topScores(matches, restOffset, restLimit).map((p) => byId.get(matches.scores[p], matches.ids[p]) as Row);
    else if (restLimit > 0) rows = orderedPage(db, sort as 'date' | 'payment', matches.ids, restLimit, restOffset).map((id) => byId.get(null, id) as Row);
    if (first) rows.unshift(db.prepare(`SELECT ${COLS}, NULL AS score FROM decisions d WHERE d.id = ?`).get(refId) as Row);
  } else if (!query.match) {
    total = db.prepare(`SELECT count(*) FROM decisions d WHERE ${where.sql}`).pluck().get(...where.params) as number;
    rows = db.prepare(`SELECT ${COLS}, NULL AS score FROM decisions d WHERE ${where.sql} ORDER BY ${ORDER[sort as 'date']} LIMIT ? OFFSET ?`).all(...where.params, limit, offset) as Row[];
  } else {
    const text = textMatches(db, query.match, query.tree, where);
    const from = `${text.from}${skip}`;
    const params = [...text.params, ...skipParams];
    const count = () => db.prepare(`SELECT count(*) ${from}`).pluck().get(...params) as number;
    let matches: number;
    if (sort === 'relevance') {
      const ranked = restLimit > 0 ? (db.prepare(`SELECT f.rowid AS id, -bm25(decisions_fts, ${WEIGHTS}) AS score ${from} ORDER BY score DESC, f.rowid DESC LIMIT ? OFFSET ?`).all(...params, restLimit, restOffset) as { id: number; score: number }[]) : [];
      // A short last page gives the count itself; otherwise one pass counts every match.
      matches = ranked.length > 0 && ranked.length < restLimit ? restOffset + ranked.length : count();
      const byId = db.prepare(`SELECT ${COLS}, ? AS score FROM decisions d WHERE d.id = ?`);
      rows = ranked.map((p) => byId.get(p.score, p.id) as Row);
    } else {
      matches = count();
      if (restLimit > 0 && matches > restOffset) rows = sorted(db, sort, where, query.match, skip, skipParams, matches, restLimit, restOffset);
    }
    total = matches + (refId === undefined ? 0 : 1);
    if (first) rows.unshift(db.prepare(`SELECT ${COLS}, NULL AS score FROM decisions d WHERE d.id = ?`).get(refId) as Row);
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
    snippet: words > 0 ? makeSnippet(JSON.parse(recordOf.get(r.id) as string) as DecisionRecord, query.markWords, query.prefixes, words, query.phrases) : null,
  }));
  return { total, totalIsMinimum: false, rankCapped: false, hits, query, ...(matchIds ? { matchIds } : {}) };
}

/** The filters and the query's value fields (category:, outcome:, ref:) as one condition over `decisions d`. */
function selectionWhere(query: CompiledQuery, filters: Filters): WhereClause {
  const conds = [compileFilters(filters), query.where].filter((w) => w.sql !== '1');
  return { sql: conds.length ? conds.map((w) => w.sql).join(' AND ') : '1', params: conds.flatMap((w) => w.params) };
}

/** `FROM decisions_fts f WHERE ...`: the text matches the selection keeps, as the engine counts and ranks them. */
function textMatches(db: Store, match: string, tree: QueryNode | null, where: WhereClause): { from: string; params: (string | number)[] } {
  const filtered = where.sql !== '1';
  const check = filtered ? filterCheck(db, where, tree) : '';
  return { from: `FROM decisions_fts f WHERE f.decisions_fts MATCH ?${check}`, params: [match, ...(filtered ? where.params : [])] };
}

/**
 * Every decision a search matches, as one SQL statement yielding their ids (column `id`): the set
 * `searchStore` counts in `total`, built by the same code (the reference typed as the query
 * included). For callers that summarise all matches (the web page's facet counts).
 * @example const m = matchedIds(db, compileQuery('care'), {}); db.prepare(`SELECT count(*) FROM (${m.sql})`).pluck().get(...m.params)
 */
export function matchedIds(db: Store, query: CompiledQuery, filters: Filters): WhereClause {
  const where = selectionWhere(query, filters);
  if (!query.match) return { sql: `SELECT d.id AS id FROM decisions d WHERE ${where.sql}`, params: where.params };
  const text = textMatches(db, query.match, query.tree, where);
  const sql = `SELECT f.rowid AS id ${text.from}`;
  if (!query.ref) return { sql, params: text.params };
  return { sql: `${sql} UNION SELECT d.id AS id FROM decisions d WHERE d.ref = ? AND ${where.sql}`, params: [...text.params, query.ref, ...where.params] };
}

/**
 * Every decision a search matches, ascending (the set `searchStore` counts in `total`, the
 * reference typed as the query included), computed from the ranking index; null when the query
 * needs FTS5 (see exact.ts) or there is no text to match: use `matchedIds` then.
 * @example exactMatchIds(db, compileQuery('care'), {})?.length
 */
export function exactMatchIds(db: Store, query: CompiledQuery, filters: Filters, filterTest?: FilterTest): Int32Array | null {
  return db.inTransaction ? exactIds(db, query, filters, filterTest) : db.transaction(() => exactIds(db, query, filters, filterTest))();
}

function exactIds(db: Store, query: CompiledQuery, filters: Filters, filterTest?: FilterTest): Int32Array | null {
  const state = query.match && exactSupported(query.tree) ? scoreState(db) : null;
  if (!state) return null;
  const where = selectionWhere(query, filters);
  const refId = query.ref ? (db.prepare(`SELECT d.id FROM decisions d WHERE d.ref = ? AND ${where.sql}`).pluck().get(query.ref, ...where.params) as number | undefined) : undefined;
  return withRef(keepSelected(db, scoreMatches(db, state, query.tree!), query, filters, refId, filterTest).ids, refId);
}

/** The matches the filters and the query's value fields keep (and not `skip`): by SQL, or the caller's test for the filters. */
function keepSelected(db: Store, s: Scored, query: CompiledQuery, filters: Filters, skip: number | undefined, test: FilterTest | undefined): Scored {
  if (!test) return keepWhere(db, s, selectionWhere(query, filters), skip);
  return keepTest(keepWhere(db, s, selectionWhere(query, {}), skip), test);
}

/** The matches with the reference typed as the query (kept apart while ranking) back in place. */
function withRef(ids: Int32Array, refId: number | undefined): Int32Array {
  if (refId === undefined) return ids;
  const out = Int32Array.from([...ids, refId]);
  return out.sort();
}

/** Past this share of all decisions, a filter is tested per match rather than listed once. */
const SELECTIVE = 0.2;

/**
 * How the FTS5 side (which drives) applies the filters, never inside the MATCH: as the set of
 * decisions the filters keep, built once, when that set is small and the text matches are many
 * (a council or category with a common word); otherwise by testing each match's row (a date
 * range or an outcome, which keep most of the corpus; or a rare phrase). Both keep the same
 * decisions; measured at 60,000 (docs/benchmarks.md).
 */
function filterCheck(db: Store, where: WhereClause, tree: QueryNode | null): string {
  const decisions = (db.prepare('SELECT max(id) FROM decisions').pluck().get() as number | null) ?? 0;
  const cap = Math.ceil(decisions * SELECTIVE);
  const kept = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM decisions d WHERE ${where.sql} LIMIT ?)`).pluck().get(...where.params, cap + 1) as number;
  const list = kept <= cap && matchesAtMost(db, tree, decisions) > 2 * kept;
  // `+` keeps FTS5 from reading the IN list as rowid lookups, which would rerun the MATCH per id.
  return list ? ` AND +f.rowid IN (SELECT d.id FROM decisions d WHERE ${where.sql})` : ` AND EXISTS (SELECT 1 FROM decisions d WHERE d.id = f.rowid AND ${where.sql})`;
}

/** An upper bound on the decisions a query's text matches, from the vocabulary's counts (`terms`). */
function matchesAtMost(db: Store, n: QueryNode | null, decisions: number): number {
  if (!n || n.kind === 'value') return decisions;
  if (n.kind === 'or') return Math.min(decisions, n.items.reduce((s, x) => s + matchesAtMost(db, x, decisions), 0));
  if (n.kind === 'and') return Math.min(...n.items.map((x) => matchesAtMost(db, x, decisions)));
  const docs = db.prepare('SELECT docs FROM terms WHERE term = ?').pluck();
  // A prefix, or a word added since the last scan (docs 0), may match anything.
  const counts = n.words.map((w, i) => (n.prefix && i === n.words.length - 1 ? decisions : ((docs.get(w) as number | undefined) ?? 0) || decisions));
  return Math.min(...counts);
}

/** Decisions a date- or payment-ordered walk may test one by one before listing every match is cheaper. */
const MAX_PROBES = 500;

/**
 * One page of the matches in date or payment order. When matches are dense, the walk along the
 * order's index tests each decision for the match (about 20 tests fill a page of a common word);
 * when they are sparse, every match is listed and sorted. Both give the same page.
 */
function sorted(db: Store, sort: 'date' | 'payment', where: { sql: string; params: (string | number)[] }, match: string, skip: string, skipParams: number[], matches: number, limit: number, offset: number): Row[] {
  const decisions = (db.prepare('SELECT max(id) FROM decisions').pluck().get() as number | null) ?? 0;
  const probes = ((offset + limit) * decisions) / Math.max(matches, 1);
  const test =
    probes <= MAX_PROBES
      ? `EXISTS (SELECT 1 FROM decisions_fts f WHERE f.decisions_fts MATCH ? AND f.rowid = d.id${skip})`
      : `d.id IN (SELECT f.rowid FROM decisions_fts f WHERE f.decisions_fts MATCH ?${skip})`;
  const index = probes <= MAX_PROBES ? ` INDEXED BY ${sort === 'date' ? 'decisions_date' : 'decisions_payment'}` : '';
  return db.prepare(`SELECT ${COLS}, NULL AS score FROM decisions d${index} WHERE ${where.sql} AND ${test} ORDER BY ${ORDER[sort]} LIMIT ? OFFSET ?`).all(...where.params, match, ...skipParams, limit, offset) as Row[];
}

/**
 * One stored decision by reference ("19 020 817", "19-020-817", "19020817"), or null.
 * @example getDecision(db, '19 020 817')?.organisation
 */
export function getDecision(db: Store, ref: string): DecisionRecord | null {
  const json = db.prepare('SELECT r.record_json FROM records r JOIN decisions d ON d.id = r.decision_id WHERE d.ref = ?').pluck().get(ref) as string | undefined;
  return json ? (JSON.parse(json) as DecisionRecord) : null;
}
