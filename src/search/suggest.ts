/**
 * @file "Did you mean": a small MiniSearch index of organisation names, categories, subcategories,
 * outcomes and the corpus vocabulary, for typo-tolerant and prefix matching of misspelt query
 * words and filter values, and for completions. Built with the store (buildSuggestIndex) and
 * kept in its `meta` table as versioned JSON; loaded only when a suggestion is needed.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { UsageError } from '../errors.js';
import { isKnownTerm } from '../store/lookups.js';
import type { Store } from '../store/open.js';
import { compileFilters, type Filters } from './filters.js';
import type { CompiledQuery } from './query.js';

/** Bumped when the suggestion index's documents or options change. */
export const SUGGEST_VERSION = 1;

export type SuggestKind = 'term' | 'organisation' | 'category' | 'subcategory' | 'outcome';

interface SuggestDoc {
  id: number;
  kind: SuggestKind;
  text: string;
  /** Decisions it occurs in: ties go to the commoner value. */
  weight: number;
}

const OPTIONS = { fields: ['text'], storeFields: ['kind', 'text', 'weight'], idField: 'id' } as const;

/**
 * Rebuilds the suggestion indexes and saves them in `meta`: the values (organisations, categories,
 * subcategories, outcomes) every time, the vocabulary when the build rescanned the `terms` table
 * from the full-text index (see store/lookups.ts) or when it is missing. Terms found in only one
 * decision are left out of corpora over 1,000 decisions: they are mostly names and typos.
 */
export function buildSuggestIndex(db: Store, opts: { termsRescanned: boolean }): void {
  const put = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  const values: SuggestDoc[] = [];
  for (const kind of ['organisation', 'category', 'subcategory', 'outcome'] as const) {
    // Grouped in the NOCASE order of the column's index: an index-only scan, not a table scan.
    const col = kind === 'subcategory' ? 'category COLLATE NOCASE, subcategory' : kind;
    const rows = db.prepare(`SELECT ${kind} AS text, count(*) AS n FROM decisions WHERE ${kind} IS NOT NULL GROUP BY ${col} COLLATE NOCASE`).all() as { text: string; n: number }[];
    const merged = new Map<string, number>();
    for (const r of rows) merged.set(r.text, (merged.get(r.text) ?? 0) + r.n);
    for (const [text, n] of merged) values.push({ id: values.length, kind, text, weight: n });
  }
  put.run('suggest_version', String(SUGGEST_VERSION));
  put.run('suggest_values', JSON.stringify(newIndex(values)));

  const stored = db.prepare("SELECT 1 FROM meta WHERE key = 'suggest_terms'").get() !== undefined;
  if (stored && !opts.termsRescanned) return;
  const decisions = db.prepare('SELECT count(*) FROM decisions').pluck().get() as number;
  const rows = db.prepare('SELECT term, docs FROM terms WHERE docs >= ? AND length(term) > 2').all(decisions > 1000 ? 2 : 1) as { term: string; docs: number }[];
  const terms: SuggestDoc[] = [];
  for (const t of rows) if (!/^\d+$/.test(t.term)) terms.push({ id: terms.length, kind: 'term', text: t.term, weight: t.docs });
  put.run('suggest_terms', JSON.stringify(newIndex(terms)));
}

function newIndex(docs: SuggestDoc[]): MiniSearch<SuggestDoc> {
  const ms = new MiniSearch<SuggestDoc>({ ...OPTIONS, fields: [...OPTIONS.fields], storeFields: [...OPTIONS.storeFields] });
  ms.addAll(docs);
  return ms;
}

// Parsed indexes per open database, reused while the stored JSON is unchanged: a served database
// answers many "did you mean" and type-ahead requests, and parsing costs ~10 ms each time.
const loaded = new WeakMap<Store, Map<string, { json: string; index: MiniSearch<SuggestDoc> }>>();

/** Loads one stored suggestion index (values or vocabulary), or null when missing or of another version. */
export function loadSuggestIndex(db: Store, part: 'values' | 'terms'): MiniSearch<SuggestDoc> | null {
  const get = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
  if (get.get('suggest_version') !== String(SUGGEST_VERSION)) return null;
  const json = get.get(`suggest_${part}`) as string | undefined;
  if (!json) return null;
  const cache = loaded.get(db) ?? new Map<string, { json: string; index: MiniSearch<SuggestDoc> }>();
  loaded.set(db, cache);
  const hit = cache.get(part);
  if (hit?.json === json) return hit.index;
  const index = MiniSearch.loadJSON<SuggestDoc>(json, { ...OPTIONS, fields: [...OPTIONS.fields], storeFields: [...OPTIONS.storeFields] });
  cache.set(part, { json, index });
  return index;
}

/**
 * Values of one kind close to `text` (typos, prefixes), best first.
 * @example suggestValues(index, 'organisation', 'Chesire East') // ['Cheshire East Council']
 */
export function suggestValues(index: MiniSearch<SuggestDoc>, kind: SuggestKind, text: string, max = 3): string[] {
  const hits = index.search(text, { fuzzy: 0.25, prefix: true, combineWith: kind === 'term' ? 'OR' : 'AND', filter: (r) => r.kind === kind });
  const fallback = hits.length ? hits : index.search(text, { fuzzy: 0.34, prefix: true, combineWith: 'OR', filter: (r) => r.kind === kind });
  return fallback
    .sort((a, b) => b.score - a.score || (b.weight as number) - (a.weight as number))
    .slice(0, max)
    .map((r) => r.text as string);
}

/** Completions for a prefix: values of `kind` starting with (or near) it, commonest first. */
export function complete(db: Store, kind: SuggestKind, prefix: string, max = 10): string[] {
  const index = loadSuggestIndex(db, kind === 'term' ? 'terms' : 'values');
  if (!index) return [];
  const filter = (r: SearchResult) => r.kind === kind;
  const hits = prefix.trim() ? index.search(prefix, { prefix: true, fuzzy: 0.2, combineWith: 'AND', filter }) : index.search(MiniSearch.wildcard, { filter });
  return hits
    .sort((a, b) => (b.weight as number) - (a.weight as number))
    .slice(0, max)
    .map((r) => r.text as string);
}

/**
 * A corrected query when some of its words occur in no decision, e.g. `chlid in need` ->
 * `child in need`; null when every word is known or nothing close exists.
 */
export function suggestQuery(db: Store, query: string, compiled: CompiledQuery): string | null {
  const unknown = compiled.words.filter((w) => w.length > 2 && !/^\d+$/.test(w) && !isKnownTerm(db, w));
  if (unknown.length === 0) return null;
  const index = loadSuggestIndex(db, 'terms');
  if (!index) return null;
  let fixed = query;
  let changed = false;
  for (const w of unknown) {
    const better = index
      .search(w, { fuzzy: 0.34, filter: (r) => r.kind === 'term' && r.text !== w })
      .sort((a, b) => b.score - a.score || (b.weight as number) - (a.weight as number))[0];
    if (!better) continue;
    fixed = fixed.replace(new RegExp(`(?<![\\p{L}\\p{N}])${w}(?![\\p{L}\\p{N}])`, 'iu'), better.text as string);
    changed = true;
  }
  return changed ? fixed : null;
}

const FILTER_KINDS = ['organisation', 'category', 'subcategory', 'outcome'] as const;

/**
 * Checks that each text filter matches some decision in the store; an unknown value is a
 * UsageError with "did you mean" (`--organisation "Chesire East"` -> Cheshire East Council).
 */
export function checkFilterValues(db: Store, filters: Filters): void {
  for (const kind of FILTER_KINDS) {
    const value = filters[kind];
    if (!value) continue;
    const where = compileFilters({ [kind]: value });
    if (db.prepare(`SELECT 1 FROM decisions d WHERE ${where.sql} LIMIT 1`).get(...where.params)) continue;
    const index = loadSuggestIndex(db, 'values');
    const near = index ? suggestValues(index, kind, value) : [];
    throw new UsageError(`no decision has --${kind} "${value}"${near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : ''}`, {
      hint: kind === 'organisation' ? 'any part of the name matches, in any case' : `the whole ${kind} must match, in any case`,
      code: 'unknown-filter-value',
    });
  }
}
