/**
 * Relevance a researcher can trust. (1) Decisions whose Summary and headings are about a topic
 * rank above decisions that mention it once in passing, although the relevant ones were added
 * first and are the oldest. (2) The engine's top 20 equals an exact BM25 reference computed here,
 * independently, from the indexed text of a corpus made by the benchmark generator: FTS5's
 * formula (k1 = 1.2, b = 0.75, idf floored at 1e-6, field weights on term frequency, document
 * length over all columns), every match scored, filters applied after scoring.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchStore } from '../../src/search/engine.js';
import { normaliseFilters, type FilterInput } from '../../src/search/filters.js';
import { FIELD_WEIGHTS } from '../../src/search/rank.js';
import { buildStore } from '../../src/store/build.js';
import { openStore, type Store } from '../../src/store/open.js';
import { jsonParse, makeRecord, tempDir, writeRecordPage } from '../helpers/records.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const para = (heading: string, ...paragraphs: string[]) => ({ heading, kind: 'other' as const, paragraphs });

describe('relevance against age and insertion order', () => {
  let dir: string;
  let db: Store;
  const relevant = ['16 000 001', '16 000 002', '16 000 003', '16 000 004', '16 000 005'];
  beforeAll(async () => {
    dir = tempDir();
    const corpus = path.join(dir, 'corpus');
    const body = 'The Council considered the complaint, the evidence and the officer notes at each stage of its procedure.';
    // Added first (files sort first) and the oldest: about homelessness in Summary and headings.
    relevant.forEach((ref, i) =>
      writeRecordPage(corpus, `a${i}.txt`, makeRecord({
        ref, decisionDate: `2016-0${i + 1}-10`, category: 'Housing', subcategory: 'Homelessness',
        summary: 'Ms A complained the Council failed to accept a homelessness application and left her in unsuitable temporary accommodation.',
        sections: [para('Homelessness application', body, 'The Council did not make enquiries into her homelessness.'), para('Temporary accommodation', body, body)],
      })),
    );
    // Added later and newer: homelessness mentioned once, in passing, in long bodies.
    for (let i = 0; i < 120; i++) {
      const passing = i % 2 === 0 ? ['He had once been homeless, and homelessness was not part of this complaint.'] : [];
      writeRecordPage(corpus, `b${String(i).padStart(3, '0')}.txt`, makeRecord({
        ref: `24 000 ${String(i).padStart(3, '0')}`, decisionDate: '2025-06-01', category: 'Adult care services', subcategory: 'Charging',
        summary: 'Mr B complained about care charges and the financial assessment.',
        sections: [para('What I found', body, ...passing, body), para('Temporary accommodation charges', 'The care home charged for a temporary stay.')],
      }));
    }
    await buildStore({ corpusDir: corpus, dbPath: path.join(dir, 'db.sqlite'), parse: jsonParse });
    db = openStore(path.join(dir, 'db.sqlite'), { readonly: true });
  });
  afterAll(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each(['homelessness', 'homeless*', '"temporary accommodation" homelessness', 'homelessness council', 'summary:homelessness OR homeless'])('%s: the decisions about it come first', (query) => {
    const r = searchStore(db, { query, filters: {}, limit: 10 });
    expect(r.hits.slice(0, 5).map((h) => h.ref).sort()).toEqual(relevant);
    expect(r.total).toBeGreaterThan(5);
  });

  it('ranks the same way under a date filter that keeps them all', () => {
    const r = searchStore(db, { query: 'homelessness', filters: normaliseFilters({ from: '2016' }), limit: 5 });
    expect(r.hits.map((h) => h.ref).sort()).toEqual(relevant);
  });
});

/** The indexed words of a text, split as FTS5's unicode61 tokenizer splits ASCII and Latin text. */
const words = (text: string): string[] => text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

interface Doc {
  id: number;
  ref: string;
  cols: string[][];
  len: number;
  organisation: string;
  date: string;
}
/** A term of a reference query: a word or phrase (or a prefix when `prefix`). */
interface RefTerm {
  words: string[];
  prefix?: boolean;
}
interface RefQuery {
  query: string;
  all: RefTerm[];
  none?: RefTerm[];
  filters?: FilterInput;
  keep?: (d: Doc) => boolean;
}

function hitsIn(col: string[], t: RefTerm): number {
  let n = 0;
  for (let i = 0; i + t.words.length <= col.length; i++) {
    let ok = true;
    for (let k = 0; k < t.words.length && ok; k++) {
      const last = k === t.words.length - 1;
      ok = t.prefix && last ? col[i + k]!.startsWith(t.words[k]!) : col[i + k] === t.words[k];
    }
    if (ok) n++;
  }
  return n;
}

/** BM25 as FTS5 computes it, over every decision; filters only select afterwards. */
function referenceTop(docs: Doc[], q: RefQuery, limit: number): string[] {
  const avgdl = docs.reduce((s, d) => s + d.len, 0) / docs.length;
  const terms = [...q.all, ...(q.none ?? [])];
  const idf = terms.map((t) => {
    const n = docs.filter((d) => d.cols.some((c) => hitsIn(c, t) > 0)).length;
    const v = Math.log((docs.length - n + 0.5) / (n + 0.5));
    return v > 0 ? v : 1e-6;
  });
  const scored: { ref: string; id: number; score: number }[] = [];
  for (const d of docs) {
    const freq = terms.map((t) => d.cols.reduce((s, c, ci) => s + FIELD_WEIGHTS[ci]! * hitsIn(c, t), 0));
    if (freq.slice(0, q.all.length).some((f) => f === 0) || freq.slice(q.all.length).some((f) => f > 0)) continue;
    const score = freq.reduce((s, f, i) => s + (idf[i]! * f * 2.2) / (f + 1.2 * (0.25 + (0.75 * d.len) / avgdl)), 0);
    if (q.keep && !q.keep(d)) continue;
    scored.push({ ref: d.ref, id: d.id, score });
  }
  scored.sort((a, b) => b.score - a.score || b.id - a.id);
  return scored.slice(0, limit).map((s) => s.ref);
}

describe('the top 20 equals an exact BM25 reference', () => {
  let dir: string;
  let db: Store;
  let docs: Doc[];
  beforeAll(async () => {
    dir = tempDir();
    const corpus = path.join(dir, 'corpus');
    const { generate } = (await import(path.join(ROOT, 'scripts', 'gen-synthetic.mjs'))) as { generate: (o: { count: number; out: string; seed: number }) => void };
    generate({ count: 400, out: corpus, seed: 3 });
    await buildStore({ corpusDir: corpus, dbPath: path.join(dir, 'db.sqlite') });
    db = openStore(path.join(dir, 'db.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT f.rowid AS id, d.ref, d.organisation, d.decision_date AS date, f.summary, f.headings, f.organisation AS org, f.body FROM decisions_fts f JOIN decisions d ON d.id = f.rowid').all() as { id: number; ref: string; organisation: string; date: string; summary: string; headings: string; org: string; body: string }[];
    docs = rows.map((r) => {
      const cols = [r.summary, r.headings, r.org, r.body].map(words);
      return { id: r.id, ref: r.ref, cols, len: cols.reduce((s, c) => s + c.length, 0), organisation: r.organisation, date: r.date };
    });
  }, 120_000);
  afterAll(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const w = (...xs: string[]): RefTerm => ({ words: xs });
  const queries: RefQuery[] = [
    { query: 'council', all: [w('council')] },
    { query: 'complaint', all: [w('complaint')] },
    { query: 'distress', all: [w('distress')] },
    { query: 'homelessness', all: [w('homelessness')] },
    { query: 'social worker', all: [w('social'), w('worker')] },
    { query: 'council complaint fault', all: [w('council'), w('complaint'), w('fault')] },
    { query: '"care plan"', all: [w('care', 'plan')] },
    { query: '"child in need" plan', all: [w('child', 'in', 'need'), w('plan')] },
    { query: 'assess*', all: [{ words: ['assess'], prefix: true }] },
    { query: 'safeguarding -school', all: [w('safeguarding')], none: [w('school')] },
    { query: 'apologise', all: [w('apologise')], filters: { organisation: 'Leeds' }, keep: (d) => /leeds/i.test(d.organisation) },
    { query: 'council', all: [w('council')], filters: { from: '2021' }, keep: (d) => d.date >= '2021-01-01' },
  ];

  it('matches exactly the decisions a brute-force reading of random boolean queries finds (property)', () => {
    const vocab = ['council', 'distress', 'homelessness', 'school', 'care', 'plan', 'pothole', 'tribunal', 'safeguarding', 'delay', 'apologise', 'nursing'];
    type Q = { text: string; test: (d: Doc) => boolean };
    const has = (t: RefTerm) => (d: Doc) => d.cols.some((c) => hitsIn(c, t) > 0);
    const word = fc.constantFrom(...vocab).map((x): Q => ({ text: x, test: has(w(x)) }));
    const phrase = fc.constantFrom('care plan', 'social worker', 'child in need', 'temporary accommodation').map((x): Q => ({ text: `"${x}"`, test: has(w(...x.split(' '))) }));
    const atom = fc.oneof(word, word, phrase);
    const tree: fc.Arbitrary<Q> = fc.letrec<{ q: Q }>((tie) => ({
      q: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        atom,
        fc.tuple(tie('q'), tie('q')).map(([a, b]): Q => ({ text: `(${a.text} ${b.text})`, test: (d) => a.test(d) && b.test(d) })),
        fc.tuple(tie('q'), tie('q')).map(([a, b]): Q => ({ text: `(${a.text} OR ${b.text})`, test: (d) => a.test(d) || b.test(d) })),
        fc.tuple(tie('q'), tie('q')).map(([a, b]): Q => ({ text: `(${a.text} NOT ${b.text})`, test: (d) => a.test(d) && !b.test(d) })),
      ),
    })).q;
    fc.assert(
      fc.property(tree, (q) => {
        const expected = docs.filter(q.test).map((d) => d.ref).sort();
        const r = searchStore(db, { query: q.text, filters: {}, limit: 1000, snippetWords: 0 });
        expect(r.total).toBe(expected.length);
        expect(r.hits.map((h) => h.ref).sort()).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it.each(queries.map((q) => [q.query + (q.filters ? ` ${JSON.stringify(q.filters)}` : ''), q] as const))('%s', (_, q) => {
    const expected = referenceTop(docs, q, 20);
    expect(expected.length).toBeGreaterThan(0);
    const got = searchStore(db, { query: q.query, filters: normaliseFilters(q.filters ?? {}), limit: 20, snippetWords: 0 }).hits.map((h) => h.ref);
    expect(got).toEqual(expected);
  });
});
