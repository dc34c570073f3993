/**
 * @file Reading the ranking index (tables `score_postings`, `score_state`; written by
 * score-index.ts). Postings are kept in segments: a full build writes one, each update adds one
 * for the decisions it wrote. Which segment holds a decision's live postings is `segOf[id]` (0:
 * none, the decision was removed); postings of a decision in any other segment are stale and
 * skipped. So an update never rewrites the large lists of common words.
 */
import type { Store } from './open.js';
import { forEachPosting } from './postings.js';

export interface ScoreState {
  /** Segment holding each decision's postings, by decision id; 0 when it holds none. */
  segOf: Uint32Array;
  /** Each decision's length in tokens (all FTS columns), by id. */
  lenOf: Uint32Array;
  /** Decisions indexed (FTS5's row count). */
  docs: number;
  /** Mean length in tokens (FTS5's avgdl). */
  avgdl: number;
  /** Changes whenever the index is written; a cached state is stale when it differs. */
  generation: string;
}

/** A term's live postings across segments: ascending ids with their weighted frequencies. */
export interface Postings {
  ids: Int32Array;
  freqs: Float64Array;
}

export const EMPTY_POSTINGS: Postings = { ids: new Int32Array(0), freqs: new Float64Array(0) };

const cache = new WeakMap<Store, ScoreState>();

/** Key in `score_state` of the generation, which is written last (only a complete index has one). */
export const GENERATION_KEY = 'generation';

/**
 * The ranking index's state, cached per open database until its generation changes; null when the
 * database has no usable index (a build found its counts differ from FTS5's, or none was made).
 */
export function scoreState(db: Store): ScoreState | null {
  const get = db.prepare('SELECT value FROM score_state WHERE key = ?').pluck();
  const generation = get.get(GENERATION_KEY) as string | undefined;
  if (generation === undefined) return null;
  const hit = cache.get(db);
  if (hit?.generation === generation) return hit;
  const segBytes = get.get('seg_of') as Uint8Array;
  const lenBytes = get.get('len_of') as Uint8Array;
  const segOf = new Uint32Array(copyOf(segBytes).buffer);
  const lenOf = new Uint32Array(copyOf(lenBytes).buffer);
  let docs = 0;
  let tokens = 0;
  for (let id = 0; id < segOf.length; id++) {
    if (segOf[id] === 0) continue;
    docs++;
    tokens += lenOf[id]!;
  }
  const state: ScoreState = { segOf, lenOf, docs, avgdl: docs > 0 ? tokens / docs : 0, generation };
  cache.set(db, state);
  return state;
}

/** An aligned copy (a Buffer from SQLite may sit at any offset of a shared pool). */
export function copyOf(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  out.set(bytes);
  return out;
}

/** The live postings of one term (exact word, as the tokenizer folds it). */
export function termPostings(db: Store, state: ScoreState, term: string): Postings {
  const rows = db.prepare('SELECT seg, data FROM score_postings WHERE term = ?').raw().all(term) as Array<[number, Uint8Array]>;
  return livePostings(state, rows);
}

/**
 * The postings of every term starting with `prefix`, one entry per decision with the frequencies
 * of all its matching terms summed (FTS5 scores `assess*` as one phrase the same way).
 */
export function prefixPostings(db: Store, state: ScoreState, prefix: string): Postings {
  const upper = prefix.slice(0, -1) + String.fromCodePoint(prefix.codePointAt(prefix.length - 1)! + 1);
  const rows = db.prepare('SELECT seg, data FROM score_postings WHERE term >= ? AND term < ?').raw().all(prefix, upper) as Array<[number, Uint8Array]>;
  return livePostings(state, rows);
}

/** Decodes segments' lists, keeps live postings and sums frequencies per decision. */
function livePostings(state: ScoreState, rows: Array<[number, Uint8Array]>): Postings {
  if (rows.length === 0) return EMPTY_POSTINGS;
  const { segOf } = state;
  if (rows.length === 1) {
    const [seg, data] = rows[0]!;
    const ids: number[] = [];
    const freqs: number[] = [];
    forEachPosting(data, (id, f) => {
      if (segOf[id] === seg) (ids.push(id), freqs.push(f));
    });
    return { ids: Int32Array.from(ids), freqs: Float64Array.from(freqs) };
  }
  // Several lists (segments, or the terms of a prefix): add up into a dense array by id.
  const sum = new Float64Array(segOf.length);
  let count = 0;
  for (const [seg, data] of rows) {
    forEachPosting(data, (id, f) => {
      if (segOf[id] !== seg) return;
      if (sum[id] === 0) count++;
      sum[id]! += f;
    });
  }
  const ids = new Int32Array(count);
  const freqs = new Float64Array(count);
  let k = 0;
  for (let id = 0; id < sum.length && k < count; id++) {
    if (sum[id] === 0) continue;
    ids[k] = id;
    freqs[k++] = sum[id]!;
  }
  return { ids, freqs };
}
