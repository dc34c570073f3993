/**
 * @file Writing the ranking index (layout in score-state.ts) as a build writes decisions: each
 * decision's term counts (search/tokens.ts) are appended to the current segment; removing a
 * decision only marks it (its segment becomes 0). At the end the segment's lists are stored, the
 * lengths are checked against FTS5's own (`decisions_fts_docsize`), and small segments are merged
 * so a query reads few rows per word. If FTS5 counted any decision differently, the index is
 * left without a generation, and search ranks with FTS5's bm25() instead: slower, never wrong.
 */
import type { Store } from './open.js';
import { PostingsBuilder, forEachPosting } from './postings.js';
import { GENERATION_KEY, copyOf } from './score-state.js';
import { countTerms, type TermCounts } from '../search/tokens.js';
import { FIELD_WEIGHTS } from '../search/rank.js';
import { sqliteCharClass } from './fts-chars.js';
import type { FtsText } from './write.js';
import type { TableCounts } from './term-codes.js';

/** Update segments kept apart before they are merged into one. */
const MAX_UPDATE_SEGMENTS = 4;
/** Share of stale or update-segment postings past which everything is merged into one segment. */
const REWRITE_SHARE = 0.25;

/** The term counts of one decision's index text, as the ranking index stores them. */
export function termCountsOf(t: FtsText): TermCounts {
  return countTerms([t.summary, t.headings, t.organisation, t.body], FIELD_WEIGHTS, sqliteCharClass);
}

export interface ScoreIndexWriter {
  /** Adds a decision's counts: by word, or by the numbers of a build's shared word table. */
  add(id: number, counts: TermCounts | TableCounts): void;
  remove(id: number): void;
  /** Stores the index; returns a warning when FTS5 counted differently (the index is then unused). */
  finish(): string | null;
}

/** Starts writing: a fresh index for a full build, or a new segment over the stored one. */
export function scoreIndexWriter(db: Store, full: boolean): ScoreIndexWriter {
  const get = db.prepare('SELECT value FROM score_state WHERE key = ?').pluck();
  const stored = full ? undefined : (get.get('seg_of') as Uint8Array | undefined);
  // An update over an index an earlier build left unusable keeps it unusable (--full remakes it).
  const usable = full || get.get(GENERATION_KEY) !== undefined || !stored;
  let segOf = stored ? new Uint32Array(copyOf(stored).buffer) : new Uint32Array(1024);
  let lenOf = stored ? new Uint32Array(copyOf(get.get('len_of') as Uint8Array).buffer) : new Uint32Array(1024);
  const docsAddedBefore = full ? 0 : Number(get.get('docs_added') ?? 0);
  const maxSeg = (db.prepare('SELECT max(seg) FROM score_postings').pluck().get() as number | null) ?? 0;
  let seg = maxSeg + 1;
  let lists = new Map<string, PostingsBuilder>();
  // The same lists by a word table's numbers (workers' counts), found by position, not by hashing.
  let byNumber: Array<PostingsBuilder | undefined> = [];
  let lastId = 0;
  const added: number[] = [];
  const insert = db.prepare('INSERT INTO score_postings (term, seg, docs, data) VALUES (?, ?, ?, ?)');

  const grow = (id: number): void => {
    if (id < segOf.length) return;
    const size = Math.max(id + 1, segOf.length * 2);
    const s = new Uint32Array(size);
    s.set(segOf);
    segOf = s;
    const l = new Uint32Array(size);
    l.set(lenOf);
    lenOf = l;
  };
  const flush = (): void => {
    for (const [term, list] of lists) insert.run(term, seg, list.docs, list.bytes());
    lists = new Map();
    byNumber = [];
    lastId = 0;
    seg++;
  };

  return {
    add(id, counts) {
      // Ids come in ascending order; one that does not (a reused id) starts a new segment.
      if (id <= lastId) flush();
      grow(id);
      const listOf = (term: string): PostingsBuilder => {
        let list = lists.get(term);
        if (!list) lists.set(term, (list = new PostingsBuilder()));
        return list;
      };
      if ('table' in counts) {
        const { ids, freqs, table } = counts;
        for (let i = 0; i < ids.length; i++) {
          const n = ids[i]!;
          (byNumber[n] ??= listOf(table.terms[n]!)).add(id, freqs[i]!);
        }
      } else counts.terms.forEach((term, i) => listOf(term).add(id, counts.freqs[i]!));
      segOf[id] = seg;
      lenOf[id] = counts.length;
      lastId = id;
      added.push(id);
    },
    remove(id) {
      if (id < segOf.length) {
        segOf[id] = 0;
        lenOf[id] = 0;
      }
    },
    finish() {
      if (lists.size > 0) flush();
      const put = db.prepare('INSERT OR REPLACE INTO score_state (key, value) VALUES (?, ?)');
      db.prepare('DELETE FROM score_state WHERE key = ?').run(GENERATION_KEY);
      const problem = usable ? checkLengths(db, segOf, lenOf, full ? null : added) : 'ranking index not used: an earlier build left it unusable; `lgo build --full` remakes it';
      let docsAdded = docsAddedBefore + added.length;
      if (!problem) ({ segOf, docsAdded } = compact(db, segOf, docsAdded));
      put.run('seg_of', Buffer.from(segOf.buffer, segOf.byteOffset, segOf.byteLength));
      put.run('len_of', Buffer.from(lenOf.buffer, lenOf.byteOffset, lenOf.byteLength));
      put.run('docs_added', docsAdded);
      if (!problem) put.run(GENERATION_KEY, `${Date.now()}-${process.pid}-${Math.random().toString(36).slice(2)}`);
      return problem;
    },
  };
}

/**
 * Compares the lengths with FTS5's (`ids`: only these decisions; null: all, and the row counts).
 * Returns a one-line warning on the first difference.
 */
function checkLengths(db: Store, segOf: Uint32Array, lenOf: Uint32Array, ids: number[] | null): string | null {
  const sizeOf = (sz: Uint8Array): number => {
    let total = 0;
    forEachVarint(sz, (v) => (total += v));
    return total;
  };
  const differs = (id: number, sz: Uint8Array | undefined): string | null =>
    sz === undefined ? null : sizeOf(sz) === lenOf[id] ? null : `decision id ${id}: ${sizeOf(sz)} tokens to FTS5, ${lenOf[id]} to the ranking index`;
  if (ids) {
    const one = db.prepare('SELECT sz FROM decisions_fts_docsize WHERE id = ?').pluck();
    for (const id of ids) {
      if (segOf[id] === 0) continue;
      const d = differs(id, one.get(id) as Uint8Array | undefined);
      if (d) return `ranking index not used: ${d}`;
    }
    return null;
  }
  let rows = 0;
  for (const [id, sz] of db.prepare('SELECT id, sz FROM decisions_fts_docsize').raw().iterate() as IterableIterator<[number, Uint8Array]>) {
    rows++;
    const d = id < segOf.length && segOf[id] !== 0 ? differs(id, sz) : `decision id ${id} is not in the ranking index`;
    if (d) return `ranking index not used: ${d}`;
  }
  const indexed = segOf.reduce((n, s) => n + (s === 0 ? 0 : 1), 0);
  return indexed === rows ? null : `ranking index not used: ${indexed} decisions in it, ${rows} in FTS5`;
}

/** SQLite's own varints (FTS5's docsize): big-endian groups of 7 bits, high bit set on all but the last. */
function forEachVarint(bytes: Uint8Array, each: (v: number) => void): void {
  let i = 0;
  while (i < bytes.length) {
    let b = bytes[i++]!;
    let v = b & 0x7f;
    while (b & 0x80) {
      b = bytes[i++]!;
      v = v * 128 + (b & 0x7f);
    }
    each(v);
  }
}

/**
 * Merges segments: update segments into one when there are more than MAX_UPDATE_SEGMENTS, and
 * everything into one when update segments or stale postings pass REWRITE_SHARE of the whole.
 * `docsAdded` counts the decisions ever written to the stored segments, live or stale.
 */
function compact(db: Store, segOf: Uint32Array, docsAdded: number): { segOf: Uint32Array; docsAdded: number } {
  const segs = db.prepare('SELECT seg, sum(docs) AS postings FROM score_postings GROUP BY seg ORDER BY seg').raw().all() as Array<[number, number]>;
  if (segs.length <= 1) return { segOf, docsAdded };
  const liveDocs = segOf.reduce((n, s) => n + (s === 0 ? 0 : 1), 0);
  const total = segs.reduce((n, [, p]) => n + p, 0);
  const updates = segs.slice(1).reduce((n, [, p]) => n + p, 0);
  // The stale share is estimated by decisions: their postings are alike enough for a threshold.
  if (updates / total > REWRITE_SHARE || 1 - liveDocs / docsAdded > REWRITE_SHARE) {
    return { segOf: mergeSegments(db, segOf, segs.map(([s]) => s)), docsAdded: liveDocs };
  }
  if (segs.length - 1 > MAX_UPDATE_SEGMENTS) return { segOf: mergeSegments(db, segOf, segs.slice(1).map(([s]) => s)), docsAdded };
  return { segOf, docsAdded };
}

/** Rewrites the given segments' live postings as one new segment. */
function mergeSegments(db: Store, segOf: Uint32Array, segs: number[]): Uint32Array {
  const into = Math.max(...segs) + 1;
  const inList = segs.join(', ');
  const insert = db.prepare('INSERT INTO score_postings (term, seg, docs, data) VALUES (?, ?, ?, ?)');
  const merged: Array<[string, PostingsBuilder]> = [];
  let term: string | null = null;
  let batch: Array<[number, Uint8Array]> = [];
  const finishTerm = (): void => {
    if (term === null) return;
    // Each segment's live postings, ascending; a decision is live in one segment only.
    const lists = batch.map(([seg, data]) => {
      const ids: number[] = [];
      const freqs: number[] = [];
      forEachPosting(data, (id, f) => void (segOf[id] === seg && (ids.push(id), freqs.push(f))));
      return { ids, freqs, at: 0 };
    });
    const list = new PostingsBuilder();
    for (;;) {
      let best: (typeof lists)[number] | null = null;
      for (const l of lists) if (l.at < l.ids.length && (!best || l.ids[l.at]! < best.ids[best.at]!)) best = l;
      if (!best) break;
      list.add(best.ids[best.at]!, best.freqs[best.at]!);
      best.at++;
    }
    if (list.docs > 0) merged.push([term, list]);
  };
  for (const [t, seg, data] of db.prepare(`SELECT term, seg, data FROM score_postings WHERE seg IN (${inList}) ORDER BY term`).raw().iterate() as IterableIterator<[string, number, Uint8Array]>) {
    if (t !== term) {
      finishTerm();
      term = t;
      batch = [];
    }
    batch.push([seg, data]);
  }
  finishTerm();
  db.exec(`DELETE FROM score_postings WHERE seg IN (${inList})`);
  for (const [t, list] of merged) insert.run(t, into, list.docs, list.bytes());
  const moved = new Set(segs);
  const out = segOf.slice();
  for (let id = 0; id < out.length; id++) if (moved.has(out[id]!)) out[id] = into;
  return out;
}
