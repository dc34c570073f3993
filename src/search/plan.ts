/**
 * @file How the search engine keeps common queries cheap at 60,000 decisions: the organisation
 * filter done by the index, phrases ranked by their words, prefixes read from the vocabulary,
 * and the choice between probing and listing matches for date and payment order. Each helper
 * returns the same decisions as the plain SQL would; only the cost differs.
 */
import { containsPattern } from './filters.js';
import { tokenize, type PrefixExpander } from './query.js';
import { wordsStartingWith } from '../store/lookups.js';
import type { Store } from '../store/open.js';

/**
 * BM25 weights per FTS column (summary, headings, organisation, body): a word in the Summary or
 * a heading says more about what a decision is about than one in the body.
 */
export const FIELD_WEIGHTS = [8, 4, 2, 1] as const;

/**
 * Lets the index do the --organisation filter when it finds the same decisions: the filter's
 * words as a phrase in the organisation column (`{organisation} : "leeds"*`) are far cheaper than
 * joining every text match to test the name. The SQL substring test stays in the WHERE clause;
 * the phrase is added only when every organisation name the substring matches holds the words
 * in order, the last as a word start (so it is not used for "eeds" inside "Leeds").
 */
export function withOrganisation(db: Store, match: string, organisation: string | undefined): string {
  if (!organisation) return match;
  const words = tokenize(organisation);
  if (words.length === 0) return match;
  const names = db.prepare("SELECT name FROM organisations WHERE name LIKE ? ESCAPE '\\'").pluck().all(containsPattern(organisation)) as string[];
  // Non-ASCII names are left to SQL: only there could our tokenizer and FTS5's disagree.
  const covered = names.every((n) => /^[\x20-\x7e]*$/.test(n) && holdsPhrasePrefix(tokenize(n), words));
  return covered ? `(${match}) AND {organisation} : "${words.join(' ')}"*` : match;
}

/** True when `tokens` hold `words` consecutively, the last word as the start of a token. */
export function holdsPhrasePrefix(tokens: string[], words: string[]): boolean {
  const last = words.length - 1;
  for (let i = 0; i + words.length <= tokens.length; i++) {
    let j = 0;
    while (j < last && tokens[i + j] === words[j]) j++;
    if (j === last && tokens[i + last]!.startsWith(words[last]!)) return true;
  }
  return false;
}

/**
 * The newest `rank` + 1 matches with scores, for queries with phrases or exclusions. bm25 first
 * counts every decision holding each phrase (a position check across the corpus: 30 ms for
 * "child in need" at 60,000), so when the matches are many the newest are found without
 * scores, then scored by their words alone (`rankMatch`), walking back from the newest until
 * the oldest of them. When they are few, the exact query is scored in one pass.
 */
export function newestLoosely(db: Store, from: string, params: unknown[], rankMatch: string, rank: number): { id: number; score: number }[] {
  const weights = FIELD_WEIGHTS.join(', ');
  const ids = db.prepare(`SELECT f.rowid FROM ${from} ORDER BY f.rowid DESC LIMIT ?`).pluck().all(...params, rank + 1) as number[];
  if (ids.length <= rank) {
    return db.prepare(`SELECT f.rowid AS id, -bm25(decisions_fts, ${weights}) AS score FROM ${from} ORDER BY f.rowid DESC`).all(...params) as { id: number; score: number }[];
  }
  const wanted = new Set(ids);
  const oldest = ids[ids.length - 1]!;
  const out: { id: number; score: number }[] = [];
  // Newest first with an early stop: FTS5 seeks a descending scan far faster than a rowid range.
  const scored = db.prepare(`SELECT rowid AS id, -bm25(decisions_fts, ${weights}) AS score FROM decisions_fts WHERE decisions_fts MATCH ? ORDER BY rowid DESC`);
  for (const r of scored.iterate(rankMatch) as IterableIterator<{ id: number; score: number }>) {
    if (r.id < oldest) break;
    if (wanted.has(r.id)) out.push(r);
  }
  return out;
}

/** Rows a date- or payment-ordered walk may test one by one before listing every match is cheaper. */
const MAX_PROBES = 2000;

/**
 * For a date or payment order with very many matches: `probe` tests each decision along the
 * order's index for a match (cheap when matches are dense: about 20 probes fill a page of a
 * common word), `list` collects every match first (cheap when they are sparse). The density is
 * read from the newest matches, `ids` (newest first).
 */
export function walkPlan(ids: number[], rows: number): 'probe' | 'list' {
  const span = ids[0]! - ids[ids.length - 1]! + 1;
  const density = ids.length / Math.max(span, 1);
  return rows / density <= MAX_PROBES ? 'probe' : 'list';
}

/** Prefixes with more indexed words than this are left to FTS5's own prefix search. */
const MAX_PREFIX_WORDS = 64;

/** Reads the indexed words starting with a prefix from the `terms` table (`assess` -> assess, assessed, ...). */
export function prefixExpander(db: Store): PrefixExpander {
  return (prefix) => {
    // Short prefixes stand for too many words: an OR of them costs more than FTS5's own merge.
    if (prefix.length < 4) return null;
    const words = wordsStartingWith(db, prefix, MAX_PREFIX_WORDS);
    return words.length > MAX_PREFIX_WORDS ? null : words;
  };
}
