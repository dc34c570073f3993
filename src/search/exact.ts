/**
 * @file Every match of a query with its exact BM25 score, computed from the ranking index
 * (store/score-state.ts) instead of asking FTS5's bm25() once per matching decision, which cost
 * about 0.6 µs per match and query word (37-74 ms for a word in all 60,000 decisions).
 *
 * The score is FTS5's own: bm25() sums, phrase by phrase, IDF × (f × (k1 + 1)) / (f + k1 × (1 -
 * b + b × D / avgdl)), with f the phrase's column-weighted count in the decision. A single word
 * or a prefix is scored here from its postings, with the same operations in the same order, so
 * the numbers are the very same doubles. A phrase of several words, or a word limited to a
 * field, is scored by FTS5 on its own (its part of the sum does not depend on the other
 * phrases) and added in its place. Which decisions match is worked out on sorted id lists.
 *
 * FTS5 counts a phrase in a decision whenever its iterator stands on that decision. That is
 * "whenever the decision holds it" except inside a NOT that is not at the top of the query, so
 * such queries (and an index that is missing or unusable) are left to FTS5 (engine.ts).
 */
import type { Store } from '../store/open.js';
import { EMPTY_POSTINGS, prefixPostings, termPostings, type ScoreState } from '../store/score-state.js';
import { FIELD_WEIGHTS } from './rank.js';
import { termSql, type QueryNode } from './query.js';

type Term = Extract<QueryNode, { kind: 'term' }>;

/** Decisions, ascending, with one number each (a leaf's contribution, or a total score). */
export interface Scored {
  ids: Int32Array;
  scores: Float64Array;
}

const K1 = 1.2;
const B = 0.75;
const WEIGHTS = FIELD_WEIGHTS.join(', ');

/**
 * Whether the tree's scores can be computed here. FTS5 clears the counts of every phrase under
 * an AND that is not the top of the expression whenever that AND stands on a decision that
 * only seems to match (a phrase's words not side by side, a word outside its field), and the
 * cleared counts can stay cleared for a later decision that does match: which decisions lose
 * them depends on the order FTS5 walked. So such an AND (inside an OR, or under a top-level NOT)
 * may hold plain words and prefixes only; NOT may stand only in AND groups reached from the top
 * through AND groups, and exclude only words, phrases or alternatives of them.
 */
export function exactSupported(tree: QueryNode | null): boolean {
  if (!tree) return false;
  const ok = (n: QueryNode, top: boolean, underOr: boolean): boolean => {
    if (n.kind === 'term' || n.kind === 'value') return true;
    if (n.kind === 'or') return n.items.every((x) => ok(x, false, true));
    const excludes = n.not.some(isText);
    if (excludes && (underOr || !n.not.every(plainExclusion))) return false;
    // FTS5 merges an AND inside an AND into one node, so the top stays the top.
    const isTop = top && !excludes;
    if (!isTop && n.items.some(mayMisfire)) return false;
    return n.items.every((x) => ok(x, isTop, underOr));
  };
  return ok(tree, true, false);
}

/** A part that can stand on a decision without matching it: a phrase, a field-limited word. */
const mayMisfire = (n: QueryNode): boolean => (n.kind === 'term' ? n.words.length > 1 || n.field !== null : n.kind !== 'value' && (n.items.some(mayMisfire) || (n.kind === 'and' && n.not.some(mayMisfire))));

const plainExclusion = (n: QueryNode): boolean => n.kind === 'term' || n.kind === 'value' || (n.kind === 'or' && n.items.every((x) => x.kind === 'term' || x.kind === 'value'));

/**
 * Every decision the tree matches, ascending, with its BM25 score (higher is better; FTS5's
 * `-bm25(decisions_fts, 8, 4, 2, 1)` for the same MATCH). Value fields are left to the caller.
 */
export function scoreMatches(db: Store, state: ScoreState, tree: QueryNode): Scored {
  const matchedBy = new Map<QueryNode, Scored>();
  // Each group's matches, kept for `add` (an OR's parts count only where they match).
  const groupIds = new Map<QueryNode, Int32Array>();
  const matched = evaluate(tree);
  const scores = new Float64Array(matched.length);
  // Added leaf by leaf in the order FTS5 numbers its phrases, so the sums round the same way.
  add(tree, matched);
  return { ids: matched, scores };

  /** The ids a node matches; terms' scored lists are kept in `matchedBy`. */
  function evaluate(n: QueryNode, excluded = false): Int32Array {
    if (n.kind === 'term') {
      const leaf = scoreLeaf(db, state, n, !excluded);
      matchedBy.set(n, leaf);
      return leaf.ids;
    }
    if (n.kind === 'value') return new Int32Array(0);
    let out: Int32Array;
    if (n.kind === 'or') out = n.items.filter(isText).map((x) => evaluate(x, excluded)).reduce(union);
    else {
      const pos = n.items.filter(isText).map((x) => evaluate(x, excluded));
      out = pos.length === 0 ? new Int32Array(0) : pos.reduce(intersect);
      for (const x of n.not.filter(isText)) out = subtract(out, evaluate(x, true));
    }
    groupIds.set(n, out);
    return out;
  }

  /**
   * Adds each term's part where FTS5 counts it: in the decisions its every enclosing group
   * matches (`eligible`). A term in an OR's AND that does not match a decision is not counted
   * there even if the decision holds it: FTS5's iterator for that AND stands elsewhere.
   * Excluded terms never hold a match, so they add nothing.
   */
  function add(n: QueryNode, eligible: Int32Array): void {
    if (n.kind === 'value') return;
    if (n.kind === 'and') return n.items.forEach((x) => add(x, eligible));
    if (n.kind === 'or') return n.items.filter(isText).forEach((x) => add(x, intersect(eligible, matchedBy.get(x)?.ids ?? groupIds.get(x)!)));
    const leaf = matchedBy.get(n)!;
    let r = 0;
    let j = 0;
    for (const id of eligible) {
      while (matched[r]! < id) r++;
      while (leaf.ids[j]! < id) j++;
      scores[r]! += leaf.scores[j]!;
    }
  }
}

const isText = (n: QueryNode): boolean => n.kind !== 'value' && (n.kind !== 'and' || n.items.some(isText));

/** One phrase's part of the score in each decision holding it (ids only when not `scored`). */
function scoreLeaf(db: Store, state: ScoreState, n: Term, scored: boolean): Scored {
  const word = n.words[0]!;
  // eslint-disable-next-line no-control-regex
  const own = n.words.length === 1 && n.field === null && /^[\x00-\x7f]+$/.test(word);
  if (!own) return ftsLeaf(db, n);
  const p = n.prefix ? prefixPostings(db, state, word) : termPostings(db, state, word);
  if (p === EMPTY_POSTINGS || p.ids.length === 0) return { ids: new Int32Array(0), scores: new Float64Array(0) };
  if (!scored) return { ids: p.ids, scores: new Float64Array(0) };
  const idf = inverseFrequency(state.docs, p.ids.length);
  const { lenOf, avgdl } = state;
  const scores = new Float64Array(p.ids.length);
  for (let k = 0; k < p.ids.length; k++) {
    const f = p.freqs[k]!;
    const D = lenOf[p.ids[k]!]!;
    scores[k] = idf * ((f * (K1 + 1.0)) / (f + K1 * (1 - B + (B * D) / avgdl)));
  }
  return { ids: p.ids, scores };
}

/** FTS5's IDF: log((N - n + 0.5) / (n + 0.5)), at least 1e-6. */
function inverseFrequency(docs: number, hits: number): number {
  const idf = Math.log((docs - hits + 0.5) / (hits + 0.5));
  return idf <= 0 ? 1e-6 : idf;
}

/** A phrase or a field-limited word, scored by FTS5 alone. */
function ftsLeaf(db: Store, n: Term): Scored {
  const rows = db.prepare(`SELECT rowid, -bm25(decisions_fts, ${WEIGHTS}) FROM decisions_fts WHERE decisions_fts MATCH ? ORDER BY rowid`).raw().all(termSql(n)) as Array<[number, number]>;
  const ids = new Int32Array(rows.length);
  const scores = new Float64Array(rows.length);
  rows.forEach(([id, s], k) => {
    ids[k] = id;
    scores[k] = s;
  });
  return { ids, scores };
}

function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) (out[k++] = x, i++, j++);
    else if (x < y) i++;
    else j++;
  }
  return out.subarray(0, k);
}

function union(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i]! : Infinity;
    const y = j < b.length ? b[j]! : Infinity;
    if (x <= y) {
      out[k++] = x;
      i++;
      if (x === y) j++;
    } else (out[k++] = y, j++);
  }
  return out.subarray(0, k);
}

function subtract(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length);
  let j = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    while (j < b.length && b[j]! < x) j++;
    if (j >= b.length || b[j] !== x) out[k++] = x;
  }
  return out.subarray(0, k);
}

/**
 * The positions of the best `offset + limit` scores, best first (ties: higher id first, as the
 * engine's SQL orders them), from `offset` on.
 */
export function topScores(s: Scored, offset: number, limit: number): number[] {
  const k = offset + limit;
  const better = (p: number, q: number): boolean => s.scores[p]! > s.scores[q]! || (s.scores[p] === s.scores[q] && s.ids[p]! > s.ids[q]!);
  const best: number[] = [];
  for (let p = 0; p < s.ids.length; p++) {
    if (best.length === k && !better(p, best[k - 1]!)) continue;
    let at = best.length === k ? k - 1 : best.length;
    while (at > 0 && better(p, best[at - 1]!)) at--;
    best.splice(at, 0, p);
    if (best.length > k) best.pop();
  }
  return best.slice(offset);
}
