/**
 * The ranking index gives FTS5's own bm25() for every match. For random queries of every
 * supported shape (words, prefixes, phrases, fields, AND, OR, top-level NOT), the decisions
 * matched and their scores are compared with FTS5 scoring the whole MATCH itself; after updates
 * that add, change and remove decisions (new segments, stale postings, merges) too. The
 * tokenizer is compared with FTS5's on text full of non-ASCII characters.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exactSupported, scoreMatches } from '../../src/search/exact.js';
import { compileQuery } from '../../src/search/query.js';
import { FIELD_WEIGHTS } from '../../src/search/rank.js';
import { countTerms } from '../../src/search/tokens.js';
import { searchStore } from '../../src/search/engine.js';
import { normaliseFilters } from '../../src/search/filters.js';
import { buildStore } from '../../src/store/build.js';
import { sqliteCharClass } from '../../src/store/fts-chars.js';
import { openStore, type Store } from '../../src/store/open.js';
import { scoreState } from '../../src/store/score-state.js';
import { openDatabase } from '../../src/store/sqlite.js';
import { tempDir } from '../helpers/records.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** Random queries per run (LGO_EXACT_RUNS=5000 for a long local check). */
const RUNS = Number(process.env.LGO_EXACT_RUNS ?? 400);
const WEIGHTS = FIELD_WEIGHTS.join(', ');

/** FTS5 scoring the whole query: id -> -bm25. */
function ftsScores(db: Store, query: string): Map<number, number> {
  const match = compileQuery(query).match!;
  const rows = db.prepare(`SELECT rowid, -bm25(decisions_fts, ${WEIGHTS}) FROM decisions_fts WHERE decisions_fts MATCH ?`).raw().all(match) as Array<[number, number]>;
  return new Map(rows);
}

function expectSameScores(db: Store, query: string): number {
  const tree = compileQuery(query).tree;
  expect(exactSupported(tree)).toBe(true);
  const state = scoreState(db);
  expect(state).not.toBeNull();
  const got = scoreMatches(db, state!, tree!);
  const want = ftsScores(db, query);
  expect([...got.ids]).toEqual([...want.keys()].sort((a, b) => a - b));
  got.ids.forEach((id, k) => {
    const w = want.get(id)!;
    if (Math.abs(got.scores[k]! - w) > 1e-12 * Math.max(1, Math.abs(w))) expect({ query, id, score: got.scores[k] }).toEqual({ query, id, score: w });
  });
  return got.ids.length;
}

const VOCAB = ['council', 'complaint', 'distress', 'homelessness', 'school', 'care', 'plan', 'pothole', 'tribunal', 'safeguarding', 'delay', 'apologise', 'nursing', 'fault', 'assessment'];
const word = fc.constantFrom(...VOCAB);
const atom = fc.oneof(
  word,
  word,
  fc.constantFrom('assess*', 'compla*', 'hom*', 'tribun*'),
  fc.constantFrom('"care plan"', '"social worker"', '"child in need"', '"temporary accommodation"'),
  word.map((x) => `summary:${x}`),
  fc.constantFrom('organisation:leeds', 'summary:"care plan"'),
);
const positive: fc.Arbitrary<string> = fc.letrec<{ q: string }>((tie) => ({
  q: fc.oneof({ depthSize: 'small', withCrossShrink: true }, atom, fc.tuple(tie('q'), tie('q')).map(([a, b]) => `(${a} ${b})`), fc.tuple(tie('q'), tie('q')).map(([a, b]) => `(${a} OR ${b})`)),
})).q;
const query = fc.tuple(positive, fc.array(fc.oneof(word, fc.constantFrom('"care plan"', '(school OR tribunal)')), { maxLength: 2 })).map(([p, nots]) => [p, ...nots.map((n) => `NOT ${n}`)].join(' '));

describe('exact scores from the ranking index', () => {
  let dir: string;
  let corpus: string;
  let dbPath: string;
  let db: Store;
  beforeAll(async () => {
    dir = tempDir();
    corpus = path.join(dir, 'corpus');
    dbPath = path.join(dir, 'db.sqlite');
    const { generate } = (await import(path.join(ROOT, 'scripts', 'gen-synthetic.mjs'))) as { generate: (o: { count: number; out: string; seed: number }) => void };
    generate({ count: 300, out: corpus, seed: 11 });
    await buildStore({ corpusDir: corpus, dbPath });
    db = openStore(dbPath, { readonly: true });
  }, 120_000);
  afterAll(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each(['council', 'distress', 'council complaint', '"care plan" review', 'assess*', 'care OR nursing', 'safeguarding -school', 'child NOT protection', 'summary:"EHC plan" tribunal', 'council council'])('%s: the same decisions and scores as FTS5', (q) => {
    expect(expectSameScores(db, q)).toBeGreaterThan(0);
  });

  it('random queries: the same decisions and scores as FTS5, or FTS5 itself when it cannot (property)', () => {
    let exact = 0;
    fc.assert(
      fc.property(query, (q) => {
        if (exactSupported(compileQuery(q).tree)) return void (exact++, expectSameScores(db, q));
        // Left to FTS5: the engine's page is FTS5's own ranking.
        const r = searchStore(db, { query: q, filters: {}, limit: 10, snippetWords: 0 });
        const want = [...ftsScores(db, q)].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, 10);
        expect(r.hits.map((h) => h.score)).toEqual(want.map(([, s]) => Number(s.toPrecision(4))));
      }),
      { numRuns: RUNS },
    );
    // Random nesting reaches the FTS5 corner cases exactSupported names often; most is still computed here.
    expect(exact).toBeGreaterThan(RUNS / 4);
  });

  it('leaves a NOT below an OR to FTS5, with the same answer', () => {
    const q = '(care NOT plan) OR tribunal';
    expect(exactSupported(compileQuery(q).tree)).toBe(false);
    const r = searchStore(db, { query: q, filters: {}, limit: 5, snippetWords: 0 });
    const want = [...ftsScores(db, q)].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, 5);
    expect(r.hits.map((h) => h.score)).toEqual(want.map(([, s]) => Number(s.toPrecision(4))));
  });

  it('pages, counts, filters and sorts exactly as FTS5 alone does (the fallback when the index is unusable)', () => {
    const copy = path.join(dir, 'no-index.sqlite');
    fs.copyFileSync(dbPath, copy);
    const plain = openDatabase(copy);
    plain.prepare("DELETE FROM score_state WHERE key = 'generation'").run();
    plain.close();
    const fallback = openStore(copy, { readonly: true });
    try {
      expect(scoreState(fallback)).toBeNull();
      const cases: Array<[string, Record<string, string>, 'relevance' | 'date' | 'payment' | undefined, number]> = [
        ['council', {}, undefined, 0], ['council', {}, undefined, 40], ['distress', { outcome: 'upheld' }, undefined, 0], ['complaint', {}, 'date', 0], ['complaint', {}, 'date', 25],
        ['distress', { remedy: 'payment' }, 'payment', 0], ['social worker', { organisation: 'Leeds' }, undefined, 0], ['assess*', { from: '2020' }, undefined, 0],
        ['"care plan" review', {}, undefined, 0], ['homelessness category:housing', {}, 'date', 0], ['care OR nursing', { minPayment: '300' }, 'payment', 5],
      ];
      for (const [query, f, sort, offset] of cases) {
        const req = { query, filters: normaliseFilters(f), sort, offset, limit: 15, snippetWords: 0 };
        const a = searchStore(db, req);
        const b = searchStore(fallback, req);
        expect(a.hits.length, query).toBeGreaterThan(0);
        expect({ query, total: a.total, hits: a.hits.map((h) => [h.ref, h.score]) }).toEqual({ query, total: b.total, hits: b.hits.map((h) => [h.ref, h.score]) });
      }
    } finally {
      fallback.close();
    }
  });

  it('stays exact through updates that add, change and remove decisions, and merges its segments', async () => {
    // The generator writes pages into numbered folders.
    const files = (fs.readdirSync(corpus, { recursive: true }) as string[]).filter((f) => f.endsWith('.txt')).sort();
    expect(files.length).toBe(300);
    const page = (f: string) => path.join(corpus, f);
    for (let round = 0; round < 7; round++) {
      // Remove two pages, change two (new text, so new postings), add two copies under new names.
      for (const f of files.splice(round * 3, 2)) fs.rmSync(page(f), { recursive: true, force: true });
      for (const f of files.slice(round * 3 + 10, round * 3 + 12)) fs.appendFileSync(page(f), `\nA further distress pothole ${round} paragraph about the tribunal.\n`);
      const stats = await buildStore({ corpusDir: corpus, dbPath });
      expect([stats.removed, stats.updated]).toEqual([2, 2]);
      const live = openStore(dbPath, { readonly: true });
      try {
        for (const q of ['distress', 'pothole tribunal', 'council', '"care plan" OR homelessness', 'assess* -school']) expect(expectSameScores(live, q)).toBeGreaterThan(0);
        const segs = live.prepare('SELECT count(DISTINCT seg) FROM score_postings').pluck().get() as number;
        expect(segs).toBeLessThanOrEqual(5);
      } finally {
        live.close();
      }
    }
    // An update that changes a third of the decisions: everything is rewritten as one segment.
    for (const f of files.slice(0, Math.ceil(files.length / 3))) fs.appendFileSync(page(f), '\nA closing paragraph on council delay.\n');
    expect((await buildStore({ corpusDir: corpus, dbPath })).updated).toBeGreaterThan(80);
    const live = openStore(dbPath, { readonly: true });
    try {
      expect(live.prepare('SELECT count(DISTINCT seg) FROM score_postings').pluck().get()).toBe(1);
      for (const q of ['delay', 'council', 'distress pothole', '"care plan" OR homelessness']) expect(expectSameScores(live, q)).toBeGreaterThan(0);
    } finally {
      live.close();
    }
  }, 120_000);
});

describe('a build parsed in worker threads', () => {
  it('writes the very same ranking index as one parsed in this thread (words sent as numbers)', async () => {
    const dir = tempDir();
    try {
      const corpus = path.join(dir, 'corpus');
      const { generate } = (await import(path.join(ROOT, 'scripts', 'gen-synthetic.mjs'))) as { generate: (o: { count: number; out: string; seed: number }) => void };
      generate({ count: 120, out: corpus, seed: 5 });
      // Workers run compiled code only: the compiled build (npm ci runs `npm run build`).
      const compiled = (await import(path.join(ROOT, 'dist', 'store', 'build.js'))) as typeof import('../../src/store/build.js');
      await compiled.buildStore({ corpusDir: corpus, dbPath: path.join(dir, 'workers.sqlite'), full: true, workers: 2 });
      await buildStore({ corpusDir: corpus, dbPath: path.join(dir, 'thread.sqlite'), full: true });
      const rows = (file: string) => {
        const db = openStore(path.join(dir, file), { readonly: true });
        try {
          return db.prepare('SELECT term, docs, hex(data) FROM score_postings ORDER BY term').raw().all();
        } finally {
          db.close();
        }
      };
      const inWorkers = rows('workers.sqlite');
      expect(inWorkers.length).toBeGreaterThan(1000);
      expect(inWorkers).toEqual(rows('thread.sqlite'));
      const db = openStore(path.join(dir, 'workers.sqlite'), { readonly: true });
      expectSameScores(db, 'council complaint');
      db.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('the tokenizer counts as FTS5 does', () => {
  const pool = ['a', 'B', 'z', '0', '9', ' ', '.', '-', '’', '“', '£', 'é', 'É', 'ï', 'ß', 'ø', 'Æ', 'ﬁ', '\u0301', '\u0308', 'Σ', 'ς', '日', '😀', '\u200b', '\u00a0', 'İ', 'ǅ', '½', '²', '\u0378', '\ue000'];
  const text = fc.array(fc.constantFrom(...pool), { maxLength: 40 }).map((xs) => xs.join(''));

  it('random text of ASCII and other characters: the same terms, weights and length (property)', () => {
    const mem = openDatabase(':memory:');
    mem.exec("CREATE VIRTUAL TABLE t USING fts5(a, b, tokenize = 'unicode61 remove_diacritics 2'); CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance');");
    let row = 0;
    fc.assert(
      fc.property(text, text, (a, b) => {
        row++;
        mem.prepare('INSERT INTO t (rowid, a, b) VALUES (?, ?, ?)').run(row, a, b);
        const want = new Map<string, number>();
        let length = 0;
        for (const r of mem.prepare('SELECT term, col FROM v WHERE doc = ?').all(row) as Array<{ term: string; col: string }>) {
          want.set(r.term, (want.get(r.term) ?? 0) + (r.col === 'a' ? 8 : 1));
          length++;
        }
        const got = countTerms([a, b], [8, 1], sqliteCharClass);
        expect(got.length).toBe(length);
        expect(new Map(got.terms.map((t, i) => [t, got.freqs[i]!]))).toEqual(want);
      }),
      { numRuns: 300 },
    );
    mem.close();
  });
});
