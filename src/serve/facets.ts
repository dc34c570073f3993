/**
 * @file Facet counts for the search page: how many of the matching decisions fall under each
 * organisation, category (and subcategory of the chosen one), outcome, decision year, remedy
 * kind and payment band. Counts are exact over every match: the match set is the search
 * engine's own (`matchedIds`: the same compiled query, filters and reference rule that give the
 * page's total), and one grouped SQL statement counts every facet over it, so no row reaches
 * JavaScript but the counts. Measured in docs/serve.md. The whole database (the front page: no
 * query, no filter) is counted once per process: the database is read-only while served.
 */
import { matchedIds } from '../search/engine.js';
import type { Filters } from '../search/filters.js';
import type { CompiledQuery } from '../search/query.js';
import type { Store } from '../store/open.js';
import { PAYMENT_BANDS, type BandKey } from './params.js';

/** Values listed per facet, commonest first. */
const TOP = 12;

export interface FacetValue {
  value: string;
  count: number;
}

export interface Facets {
  organisation: FacetValue[];
  category: FacetValue[];
  /** Subcategories of the chosen category (empty when none is chosen). */
  subcategory: FacetValue[];
  outcome: FacetValue[];
  year: FacetValue[];
  remedy: FacetValue[];
  band: (FacetValue & { value: BandKey })[];
  /** Decisions the counts cover: every match (the page's total). */
  counted: number;
}

type Facet = 'organisation' | 'category' | 'subcategory' | 'outcome' | 'year' | 'remedy' | 'band' | 'counted';

/** The payment band of `d.payment_total`, in SQL (the same bounds as PAYMENT_BANDS). */
const BAND_SQL = `CASE ${PAYMENT_BANDS.map((b) => `WHEN s.t >= ${b.min}${b.max === undefined ? '' : ` AND s.t <= ${b.max}`} THEN '${b.key}'`).join(' ')} END`;

/** One statement: the matches once (materialised), then a GROUP BY per facet. */
function facetSql(matches: string): string {
  const group = (facet: Facet, col: string, extra = '') => `SELECT '${facet}', ${col}, count(*) FROM s WHERE ${col} IS NOT NULL AND ${col} <> ''${extra} GROUP BY 2`;
  return `WITH m(id) AS MATERIALIZED (${matches}),
  s AS MATERIALIZED (SELECT d.organisation AS o, d.category AS c, d.subcategory AS sc, d.outcome AS oc, substr(d.decision_date, 1, 4) AS y, d.payment_total AS t FROM m JOIN decisions d ON d.id = m.id)
  ${group('organisation', 's.o')}
  UNION ALL ${group('category', 's.c')}
  UNION ALL ${group('subcategory', 's.sc', ' AND s.c = ? COLLATE NOCASE')}
  UNION ALL ${group('outcome', 's.oc')}
  UNION ALL ${group('year', 's.y')}
  UNION ALL SELECT 'band', ${BAND_SQL}, count(*) FROM s GROUP BY 2
  UNION ALL SELECT 'remedy', r.kind, count(DISTINCT r.decision_id) FROM m JOIN remedies r ON r.decision_id = m.id GROUP BY 2
  UNION ALL SELECT 'counted', NULL, count(*) FROM s`;
}

function top(list: FacetValue[], n = TOP, byKey = false): FacetValue[] {
  list.sort(byKey ? (a, b) => b.value.localeCompare(a.value) : (a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return list.slice(0, n);
}

type Counts = Map<string, number>;

/** Grouped counts over a set of decision ids, keyed `facet\tvalue` (`counted\t` for the set's size). */
function countOver(db: Store, ids: { sql: string; params: unknown[] }, category: string | undefined): Counts {
  const rows = db.prepare(facetSql(ids.sql)).raw().all(...ids.params, category ?? null) as [Facet, string | null, number][];
  return new Map(rows.filter((r) => r[1] !== null || r[0] === 'counted').map(([facet, value, count]) => [`${facet}\t${value ?? ''}`, count]));
}

/** Whole-database counts (no category chosen), once per process: the database is read-only while served. */
let whole: { db: Store; counts: Counts } | null = null;
function wholeCounts(db: Store): Counts {
  if (whole?.db !== db) whole = { db, counts: countOver(db, { sql: 'SELECT d.id AS id FROM decisions d', params: [] }, undefined) };
  return whole.counts;
}

/**
 * Counts the facets of a selection (a compiled search query and the page's filters) over every
 * decision it matches. When the matches are more than half the database (a very common word),
 * the same counts come cheaper as the whole database's (kept) minus those of the decisions not
 * matched: each count is additive over disjoint sets of decisions, so the result is the same.
 * @example computeFacets(db, compileQuery('care'), { outcome: 'Upheld' }, 'Housing').outcome[0] // { value: 'Upheld', count: 12 }
 */
export function computeFacets(db: Store, query: CompiledQuery, filters: Filters, category?: string): Facets {
  const m = matchedIds(db, query, filters);
  let counts: Counts;
  const all = category === undefined ? wholeCounts(db) : null;
  if (query.tree === null && Object.keys(filters).length === 0 && all) counts = all;
  else if (all && (db.prepare(`SELECT count(*) FROM (${m.sql})`).pluck().get(...m.params) as number) * 2 > all.get('counted\t')!) {
    const rest = countOver(db, { sql: `SELECT d.id AS id FROM decisions d WHERE d.id NOT IN (${m.sql})`, params: m.params }, undefined);
    counts = new Map([...all].map(([key, n]) => [key, n - (rest.get(key) ?? 0)]).filter(([key, n]) => (n as number) > 0 || key === 'counted\t') as [string, number][]);
  } else counts = countOver(db, m, category);
  return toFacets(counts);
}

function toFacets(counts: Counts): Facets {
  const lists: Record<Facet, FacetValue[]> = { organisation: [], category: [], subcategory: [], outcome: [], year: [], remedy: [], band: [], counted: [] };
  for (const [key, count] of counts) {
    const [facet, value] = key.split('\t') as [Facet, string];
    if (facet !== 'counted') lists[facet].push({ value, count });
  }
  const bands = new Map(lists.band.map((b) => [b.value, b.count]));
  return {
    organisation: top(lists.organisation),
    category: top(lists.category, 20),
    subcategory: top(lists.subcategory, 30),
    outcome: top(lists.outcome),
    year: top(lists.year, 40, true),
    remedy: top(lists.remedy, Infinity),
    band: PAYMENT_BANDS.filter((b) => bands.has(b.key)).map((b) => ({ value: b.key, count: bands.get(b.key)! })),
    counted: counts.get('counted\t') ?? 0,
  };
}
