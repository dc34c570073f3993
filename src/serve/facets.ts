/**
 * @file Facet counts for the search page: how many of the matching decisions fall under each
 * organisation, category (and subcategory of the chosen one), outcome, decision year, remedy
 * kind and payment band. The matches are found as the search engine finds them (the same
 * compiled query, filters and organisation shortcut from search/), newest first.
 *
 * Counting every match of a common word at 60,000 decisions costs about 200 ms (measured), so
 * counts are taken over the newest FACET_CAP matching decisions and the page says so when the
 * cap was reached, as `lgo search` says "more than 500". The front page (no query, no filter)
 * is counted exactly once per process: the database is read-only while served.
 */
import { COUNT_CAP } from '../search/engine.js';
import { compileFilters, type Filters } from '../search/filters.js';
import { prefixExpander, withOrganisation } from '../search/plan.js';
import { compileQuery } from '../search/query.js';
import type { Store } from '../store/open.js';
import { PAYMENT_BANDS, type BandKey } from './params.js';

/**
 * Decisions counted at most, newest first: the search engine's own count cap, so the facets
 * cover the matches the page counts ("more than 500"). 2,000 cost 4 times as much CPU with a
 * filter that few matches pass (40 ms for `safeguarding -school` in 2021 at 60,000 decisions).
 */
export const FACET_CAP = COUNT_CAP;
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
  /** Decisions the counts cover. */
  counted: number;
  /** True when counting stopped at FACET_CAP (the newest matches only). */
  capped: boolean;
}

type Row = [id: number, organisation: string | null, category: string | null, subcategory: string | null, outcome: string | null, year: string | null, total: number];

function tally(map: Map<string, number>, key: string | null): void {
  if (key !== null && key !== '') map.set(key, (map.get(key) ?? 0) + 1);
}

function top(map: Map<string, number>, n = TOP, byKey = false): FacetValue[] {
  const list = [...map].map(([value, count]) => ({ value, count }));
  list.sort(byKey ? (a, b) => b.value.localeCompare(a.value) : (a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return list.slice(0, n);
}

let frontPage: { db: Store; facets: Facets } | null = null;

/**
 * Counts the facets of a selection (a search query and the page's filters).
 * @example computeFacets(db, 'care', { outcome: 'Upheld' }, 'Housing').outcome[0] // { value: 'Upheld', count: 12 }
 */
export function computeFacets(db: Store, query: string, filters: Filters, category?: string): Facets {
  const front = !query.trim() && Object.keys(filters).length === 0;
  if (front && frontPage?.db === db) return frontPage.facets;
  const where = compileFilters(filters);
  const compiled = compileQuery(query, prefixExpander(db));
  const cap = front ? Number.MAX_SAFE_INTEGER : FACET_CAP;
  const cols = 'd.id, d.organisation, d.category, d.subcategory, d.outcome, substr(d.decision_date, 1, 4), d.payment_total';
  // Driven by the full-text index newest first, so counting stops early (as the engine's count does).
  const rows = (
    compiled.match
      ? db
          .prepare(`SELECT ${cols} FROM decisions_fts f JOIN decisions d ON d.id = f.rowid WHERE f.decisions_fts MATCH ? AND ${where.sql} ORDER BY f.rowid DESC LIMIT ?`)
          .raw()
          .all(withOrganisation(db, compiled.match, filters.organisation), ...where.params, cap + 1)
      : db.prepare(`SELECT ${cols} FROM decisions d WHERE ${where.sql} ORDER BY d.id DESC LIMIT ?`).raw().all(...where.params, cap + 1)
  ) as Row[];
  const capped = rows.length > cap;
  if (capped) rows.length = cap;
  const maps = { organisation: new Map<string, number>(), category: new Map<string, number>(), subcategory: new Map<string, number>(), outcome: new Map<string, number>(), year: new Map<string, number>() };
  const bandCounts = new Map<string, number>();
  const chosen = category?.toLowerCase();
  for (const [, org, cat, sub, outcome, year, total] of rows) {
    tally(maps.organisation, org);
    tally(maps.category, cat);
    if (chosen !== undefined && cat?.toLowerCase() === chosen) tally(maps.subcategory, sub);
    tally(maps.outcome, outcome);
    tally(maps.year, year);
    const band = PAYMENT_BANDS.find((b) => total >= b.min && (b.max === undefined || total <= b.max));
    if (band) tally(bandCounts, band.key);
  }
  const kinds = db
    .prepare('SELECT kind, count(DISTINCT decision_id) FROM remedies WHERE decision_id IN (SELECT value FROM json_each(?)) GROUP BY kind')
    .raw()
    .all(JSON.stringify(rows.map((r) => r[0]))) as [string, number][];
  const facets: Facets = {
    organisation: top(maps.organisation),
    category: top(maps.category, 20),
    subcategory: top(maps.subcategory, 30),
    outcome: top(maps.outcome),
    year: top(maps.year, 40, true),
    remedy: kinds.map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    band: PAYMENT_BANDS.filter((b) => bandCounts.has(b.key)).map((b) => ({ value: b.key, count: bandCounts.get(b.key)! })),
    counted: rows.length,
    capped,
  };
  if (front) frontPage = { db, facets };
  return facets;
}
