/**
 * @file "Did you mean": a small MiniSearch index of organisation names, categories, subcategories,
 * outcomes and the corpus vocabulary, for typo-tolerant and prefix matching of misspelt query
 * words and filter values, and for completions. Built with the store (buildSuggestIndex) and
 * kept in its `meta` table as versioned JSON; loaded only when a suggestion is needed.
 */
import MiniSearch from 'minisearch';
import { UsageError } from '../errors.js';
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
 * Rebuilds the suggestion index from the store's contents and saves it in `meta`. Terms found in
 * only one decision are left out of corpora over 1,000 decisions: they are mostly names and typos.
 */
export function buildSuggestIndex(db: Store): void {
  const docs: SuggestDoc[] = [];
  let id = 0;
  for (const kind of ['organisation', 'category', 'subcategory', 'outcome'] as const) {
    const rows = db.prepare(`SELECT ${kind} AS text, count(*) AS n FROM decisions WHERE ${kind} IS NOT NULL GROUP BY ${kind}`).all() as { text: string; n: number }[];
    for (const r of rows) docs.push({ id: id++, kind, text: r.text, weight: r.n });
  }
  const decisions = (db.prepare('SELECT count(*) FROM decisions').pluck().get() as number) ?? 0;
  const minDocs = decisions > 1000 ? 2 : 1;
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_vocab USING fts5vocab(main, 'decisions_fts', 'row')");
  const terms = db.prepare('SELECT term, doc FROM temp.fts_vocab WHERE doc >= ? AND length(term) > 2').all(minDocs) as { term: string; doc: number }[];
  for (const t of terms) if (!/^\d+$/.test(t.term)) docs.push({ id: id++, kind: 'term', text: t.term, weight: t.doc });
  const ms = new MiniSearch<SuggestDoc>({ ...OPTIONS, fields: [...OPTIONS.fields], storeFields: [...OPTIONS.storeFields] });
  ms.addAll(docs);
  const put = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  put.run('suggest_version', String(SUGGEST_VERSION));
  put.run('suggest_index', JSON.stringify(ms));
}

/** Loads the stored suggestion index, or null when it is missing or of another version. */
export function loadSuggestIndex(db: Store): MiniSearch<SuggestDoc> | null {
  const version = db.prepare("SELECT value FROM meta WHERE key = 'suggest_version'").pluck().get() as string | undefined;
  if (version !== String(SUGGEST_VERSION)) return null;
  const json = db.prepare("SELECT value FROM meta WHERE key = 'suggest_index'").pluck().get() as string;
  return MiniSearch.loadJSON<SuggestDoc>(json, { ...OPTIONS, fields: [...OPTIONS.fields], storeFields: [...OPTIONS.storeFields] });
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
  const index = loadSuggestIndex(db);
  if (!index) return [];
  return index
    .search(prefix, { prefix: true, fuzzy: 0.2, combineWith: 'AND', filter: (r) => r.kind === kind })
    .sort((a, b) => (b.weight as number) - (a.weight as number))
    .slice(0, max)
    .map((r) => r.text as string);
}

/**
 * A corrected query when some of its words occur in no decision, e.g. `chlid in need` ->
 * `child in need`; null when every word is known or nothing close exists.
 */
export function suggestQuery(db: Store, query: string, compiled: CompiledQuery): string | null {
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_vocab USING fts5vocab(main, 'decisions_fts', 'row')");
  const known = db.prepare('SELECT 1 FROM temp.fts_vocab WHERE term = ?').pluck();
  const unknown = compiled.words.filter((w) => w.length > 2 && !/^\d+$/.test(w) && !known.get(w));
  if (unknown.length === 0) return null;
  const index = loadSuggestIndex(db);
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
    const index = loadSuggestIndex(db);
    const near = index ? suggestValues(index, kind, value) : [];
    throw new UsageError(`no decision has --${kind} "${value}"${near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : ''}`, {
      hint: kind === 'organisation' ? 'any part of the name matches, in any case' : `the whole ${kind} must match, in any case`,
      code: 'unknown-filter-value',
    });
  }
}
