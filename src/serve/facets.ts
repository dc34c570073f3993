/**
 * @file Facet counts for the search page: how many of the matching decisions fall under each
 * organisation, category (and subcategory of the chosen one), outcome, decision year, remedy
 * kind and payment band. Counts are exact over every match: the match set is the search
 * engine's own (`exactMatchIds` from the ranking index, or `matchedIds`' SQL for the queries the
 * index leaves to FTS5 and for filters alone: the same compiled query, filters and reference
 * rule that give the page's total), and each match adds one to its values' counts, read from
 * per-process columns (columns.ts). Measured in docs/serve.md.
 */
import { exactMatchIds, matchedIds } from '../search/engine.js';
import { noFilters, type Filters } from '../search/filters.js';
import type { CompiledQuery } from '../search/query.js';
import type { Store } from '../store/open.js';
import { asciiLower, filterTest } from './column-filters.js';
import { decisionColumns, type Column, type DecisionColumns } from './columns.js';
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

/** Every value's count (none left out, in no order), before the page picks the top ones. */
export type FacetCounts = { [K in Exclude<keyof Facets, 'counted'>]: FacetValue[] } & { counted: number };

/**
 * The decisions a search matches (ascending ids, or a statement's), as the engine counts them.
 * @example [...matchSet(db, compileQuery('care'), {})].length // the page's total
 */
export function matchSet(db: Store, query: CompiledQuery, filters: Filters): ArrayLike<number> {
  const exact = exactMatchIds(db, query, filters, filterTest(decisionColumns(db), filters) ?? undefined);
  if (exact) return exact;
  if (!query.match && query.where.sql === '1' && noFilters(filters)) return decisionColumns(db).ids;
  const m = matchedIds(db, query, filters);
  return db.prepare(m.sql).pluck().all(...m.params) as number[];
}

/**
 * Every facet value's count over the decisions a selection (a compiled search query and the
 * page's filters) matches; subcategories of `category` (compared as SQL's NOCASE does) only.
 * @example countFacets(db, compileQuery('care'), {}, 'Housing').outcome // [{ value: 'Upheld', count: 12 }, ...]
 */
export function countFacets(db: Store, query: CompiledQuery, filters: Filters, category?: string, matches?: ArrayLike<number>): FacetCounts {
  return countOver(decisionColumns(db), matches ?? matchSet(db, query, filters), category);
}

/** The counts over a set of decision ids. Pure. */
export function countOver(cols: DecisionColumns, ids: ArrayLike<number>, category?: string): FacetCounts {
  const { organisation, category: cat, subcategory, outcome, year, band, remedyStart, remedyCodes } = cols;
  const n = (c: Column) => new Int32Array(c.values.length);
  const [org, cats, subs, outs, years, bands] = [organisation, cat, subcategory, outcome, year, band].map(n) as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  const remedies = new Int32Array(cols.remedyKinds.length);
  // Which category codes are the chosen one, as `category = ? COLLATE NOCASE` compares.
  const chosen = category === undefined ? null : Uint8Array.from(cat.values, (v) => (asciiLower(v) === asciiLower(category) ? 1 : 0));
  const size = organisation.codes.length;
  let counted = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (id >= size) continue;
    counted++;
    let c = organisation.codes[id]!;
    if (c >= 0) org[c]!++;
    const cc = cat.codes[id]!;
    if (cc >= 0) cats[cc]!++;
    if (chosen && cc >= 0 && chosen[cc] === 1 && (c = subcategory.codes[id]!) >= 0) subs[c]!++;
    if ((c = outcome.codes[id]!) >= 0) outs[c]!++;
    if ((c = year.codes[id]!) >= 0) years[c]!++;
    if ((c = band.codes[id]!) >= 0) bands[c]!++;
    for (let k = remedyStart[id]!; k < remedyStart[id + 1]!; k++) remedies[remedyCodes[k]!]!++;
  }
  // SQL left out empty values, and every facet leaves out values no match has.
  const list = (values: string[], counts: Int32Array) => values.flatMap((value, i) => (counts[i]! > 0 && value !== '' ? [{ value, count: counts[i]! }] : []));
  return {
    organisation: list(organisation.values, org),
    category: list(cat.values, cats),
    subcategory: list(subcategory.values, subs),
    outcome: list(outcome.values, outs),
    year: list(year.values, years),
    remedy: list(cols.remedyKinds, remedies),
    band: list(band.values, bands) as (FacetValue & { value: BandKey })[],
    counted,
  };
}

/**
 * Counts the facets of a selection over every decision it matches (`matches` when the caller
 * has them already: the search's `matchIds`), and keeps the values a page shows: the commonest
 * of each (years newest first, bands in their order).
 * @example computeFacets(db, compileQuery('care'), { outcome: 'Upheld' }, 'Housing').outcome[0] // { value: 'Upheld', count: 12 }
 */
export function computeFacets(db: Store, query: CompiledQuery, filters: Filters, category?: string, matches?: ArrayLike<number>): Facets {
  return topFacets(countFacets(db, query, filters, category, matches));
}

const byValue = (a: FacetValue, b: FacetValue) => a.value.localeCompare(b.value) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

/** The first `n` values, commonest first (ties A to Z), or by value Z to A; only the candidates are sorted (5,000 organisations). */
function top(list: FacetValue[], n = TOP, byKey = false): FacetValue[] {
  if (byKey) return list.sort((a, b) => byValue(b, a)).slice(0, n);
  let candidates = list;
  if (list.length > n) {
    // The n-th largest count: values below it cannot be among the first n.
    const counts = Int32Array.from(list, (v) => v.count).sort();
    const least = counts[counts.length - n]!;
    candidates = list.filter((v) => v.count >= least);
  }
  return candidates.sort((a, b) => b.count - a.count || byValue(a, b)).slice(0, n);
}

function topFacets(f: FacetCounts): Facets {
  const bands = new Map(f.band.map((b) => [b.value, b.count]));
  return {
    organisation: top(f.organisation),
    category: top(f.category, 20),
    subcategory: top(f.subcategory, 30),
    outcome: top(f.outcome),
    year: top(f.year, 40, true),
    remedy: top(f.remedy, Infinity),
    band: PAYMENT_BANDS.filter((b) => bands.has(b.key)).map((b) => ({ value: b.key, count: bands.get(b.key)! })),
    counted: f.counted,
  };
}
