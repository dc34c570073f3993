import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchStore, type SearchRequest } from '../../src/search/engine.js';
import { normaliseFilters } from '../../src/search/filters.js';
import { markSnippet } from '../../src/search/snippet.js';
import { checkFilterValues, complete, suggestQuery } from '../../src/search/suggest.js';
import { compileQuery, queryWhere } from '../../src/search/query.js';
import { buildStore } from '../../src/store/build.js';
import { openStore, type Store } from '../../src/store/open.js';
import { jsonParse, makeRecord, tempDir, withPayment, writeRecordPage } from '../helpers/records.js';

let dir: string;
let db: Store;
const para = (heading: string, ...paragraphs: string[]) => ({ heading, kind: 'other' as const, paragraphs });

beforeAll(async () => {
  dir = tempDir();
  const corpus = path.join(dir, 'corpus');
  const filler = 'The Council considered the complaint and the evidence provided by both parties at each stage.';
  const recs = [
    makeRecord({ ref: '20 000 001', organisation: 'Cheshire East Council', decisionDate: '2020-03-01', outcome: 'Upheld', category: 'Housing', subcategory: 'Homelessness',
      summary: 'Ms A complained the Council failed to help her when she was homeless. Homelessness duties were not met.', sections: [para('Homelessness', filler, 'The homelessness officer did not assess her.')], ...withPayment(500) }),
    makeRecord({ ref: '21 000 002', organisation: 'Leeds City Council', decisionDate: '2021-07-15', outcome: 'Not upheld', category: 'Education', subcategory: 'School transport',
      summary: 'Mr B complained about school transport for his son.', sections: [para('What I found', filler, 'He was not homeless, so homelessness duties did not apply.', filler)] }),
    makeRecord({ ref: '22 000 003', organisation: 'Cheshire West and Chester Council', decisionDate: '2022-11-30', outcome: 'Upheld', category: "Children's care services", subcategory: 'Other',
      summary: 'Mrs C complained the Council did not hold Child in Need meetings.', sections: [para('What I found', 'A child in need plan was agreed but never reviewed.', 'The assessment was late.')], ...withPayment(1500) }),
    makeRecord({ ref: '23 000 004', organisation: 'Leeds City Council', decisionDate: '2023-01-10', outcome: 'Upheld', category: 'Adult care services', subcategory: 'Charging',
      summary: 'Mr D complained about care charges after a reassessment.', sections: [para('What I found', 'The need for care was assessed. The child of Mr D was not in need.')], ...withPayment(250) }),
  ];
  recs.forEach((r, i) => writeRecordPage(corpus, `${i}.txt`, r));
  await buildStore({ corpusDir: corpus, dbPath: path.join(dir, 'db.sqlite'), parse: jsonParse });
  db = openStore(path.join(dir, 'db.sqlite'), { readonly: true });
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const refs = (req: Partial<SearchRequest> & { query: string }) => searchStore(db, { filters: {}, ...req }).hits.map((h) => h.ref);

describe('searchStore', () => {
  it('ranks a decision whose summary matches above one that mentions the word once in the body', () => {
    expect(refs({ query: 'homelessness' })).toEqual(['20 000 001', '21 000 002']);
  });

  it('ANDs words, matches exact phrases, OR, exclusions and prefixes', () => {
    expect(refs({ query: 'child need' }).sort()).toEqual(['22 000 003', '23 000 004']);
    expect(refs({ query: '"child in need"' })).toEqual(['22 000 003']);
    expect(refs({ query: 'transport OR charges' }).sort()).toEqual(['21 000 002', '23 000 004']);
    expect(refs({ query: 'homelessness -transport' })).toEqual(['20 000 001']);
    expect(refs({ query: 'reassess*' })).toEqual(['23 000 004']);
    expect(refs({ query: 'homeless*' }).sort()).toEqual(['20 000 001', '21 000 002']);
    expect(refs({ query: 'hom*' }).sort()).toEqual(['20 000 001', '21 000 002']);
    expect(refs({ query: 'homelessness* -transport' })).toEqual(['20 000 001']);
    expect(refs({ query: 'zzzz*' })).toEqual([]);
  });

  it('reads NOT, AND, parentheses and fields', () => {
    // Today's bug (#12): NOT was searched as a word.
    expect(refs({ query: 'child' }).sort()).toEqual(['22 000 003', '23 000 004']);
    expect(refs({ query: 'child NOT assessment' })).toEqual(['23 000 004']);
    expect(refs({ query: 'child -assessment' })).toEqual(['23 000 004']);
    expect(refs({ query: 'need NOT reassessment' })).toEqual(['22 000 003']);
    expect(refs({ query: 'homelessness AND (officer OR transport)' }).sort()).toEqual(['20 000 001', '21 000 002']);
    expect(refs({ query: 'summary:homelessness' })).toEqual(['20 000 001']);
    expect(refs({ query: 'organisation:leeds complained' }).sort()).toEqual(['21 000 002', '23 000 004']);
    expect(refs({ query: 'complained category:housing' })).toEqual(['20 000 001']);
    expect(refs({ query: 'complained category:"school transport"' })).toEqual(['21 000 002']);
    expect(refs({ query: 'complained -outcome:upheld' })).toEqual(['21 000 002']);
    expect(refs({ query: 'category:housing' })).toEqual(['20 000 001']);
    expect(refs({ query: 'outcome:upheld -council' })).toEqual([]);
    expect(refs({ query: 'ref:22-000-003' })).toEqual(['22 000 003']);
  });

  it('gives export and stats the same decisions as a search (queryWhere)', () => {
    for (const q of ['homelessness', 'child NOT assessment', 'complained category:housing', 'complained -outcome:upheld', '22-000-003', 'council OR transport']) {
      const w = queryWhere(compileQuery(q));
      const selected = db.prepare(`SELECT d.ref FROM decisions d WHERE ${w.sql} ORDER BY d.ref`).pluck().all(...w.params);
      expect(selected).toEqual(refs({ query: q, limit: 100 }).sort());
    }
  });

  it('finds a reference typed as the query first, in any of its spellings', () => {
    for (const q of ['22 000 003', '22-000-003', '22000003', ' 22 000003 ']) expect(refs({ query: q })[0]).toBe('22 000 003');
    const r = searchStore(db, { query: '22 000 003', filters: {} });
    expect(r.total).toBe(1);
    expect(r.hits[0]!.score).toBeNull();
    // The filters still apply to it.
    expect(refs({ query: '22 000 003', filters: normaliseFilters({ outcome: 'not upheld' }) })).toEqual([]);
  });

  it('never lets a filter change a score', () => {
    const scores = (filters: Parameters<typeof normaliseFilters>[0]) => Object.fromEntries(searchStore(db, { query: 'council complained', filters: normaliseFilters(filters) }).hits.map((h) => [h.ref, h.score]));
    const all = scores({});
    for (const f of [{ organisation: 'Leeds' }, { organisation: 'Cheshire East' }, { outcome: 'upheld' }, { from: '2021' }, { remedy: 'payment' }, { category: 'Housing' }]) {
      const some = scores(f);
      expect(Object.keys(some).length).toBeGreaterThan(0);
      for (const [ref, score] of Object.entries(some)) expect(score).toBe(all[ref]);
    }
  });

  it('applies filters', () => {
    const f = (input: Parameters<typeof normaliseFilters>[0], query = '') => refs({ query, filters: normaliseFilters(input) });
    expect(f({ organisation: 'cheshire' })).toEqual(['22 000 003', '20 000 001']);
    // A part of a word matches, as without a query.
    expect(f({ organisation: 'Cheshire East' }, 'council')).toEqual(['20 000 001']);
    expect(f({ organisation: 'eeds' }, 'council').sort()).toEqual(['21 000 002', '23 000 004']);
    expect(f({ organisation: 'west and' }, 'council')).toEqual(['22 000 003']);
    expect(f({ outcome: 'upheld', from: '2021', to: '2022' })).toEqual(['22 000 003']);
    expect(f({ category: 'Childrens care services'.replace('Childrens', "Children’s") })).toEqual(['22 000 003']);
    expect(f({ minPayment: '400' })).toEqual(['22 000 003', '20 000 001']);
    expect(f({ maxPayment: '300' })).toEqual(['23 000 004', '21 000 002']);
    expect(f({ remedy: 'payment' }, 'council')).toHaveLength(3);
    expect(f({ subcategory: 'school transport' }, 'homelessness')).toEqual(['21 000 002']);
  });

  it('sorts by date or payment and pages with limit and offset', () => {
    expect(refs({ query: 'council', sort: 'date' })).toEqual(['23 000 004', '22 000 003', '21 000 002', '20 000 001']);
    expect(refs({ query: 'council', sort: 'payment', limit: 2 })).toEqual(['22 000 003', '20 000 001']);
    const page2 = searchStore(db, { query: 'council', filters: {}, sort: 'date', limit: 2, offset: 2 });
    expect(page2.total).toBe(4);
    expect(page2.hits.map((h) => h.ref)).toEqual(['21 000 002', '20 000 001']);
  });

  it('gives a snippet around the matched words', () => {
    const [hit] = searchStore(db, { query: 'plan reviewed', filters: {} }).hits;
    expect(hit!.snippet!.field).toBe('What I found');
    expect(markSnippet(hit!.snippet!, '[', ']')).toBe('A child in need [plan] was agreed but never [reviewed].');
    // A phrase is marked whole; stop words alone are never marked.
    const [phrase] = searchStore(db, { query: '"child in need" plan', filters: {} }).hits;
    expect(markSnippet(phrase!.snippet!, '[', ']')).toBe('A [child in need] [plan] was agreed but never reviewed.');
    // The words of a phrase are not marked on their own.
    const [only] = searchStore(db, { query: '"child in need"', filters: {} }).hits;
    expect(markSnippet(only!.snippet!, '[', ']')).toBe('Mrs C complained the Council did not hold [Child in Need] meetings.');
    const [stop] = searchStore(db, { query: 'the assessment was late', filters: {} }).hits;
    expect(markSnippet(stop!.snippet!, '[', ']')).toBe('The [assessment] was [late].');
    const [sum] = searchStore(db, { query: 'homeless*', filters: {} }).hits;
    expect(markSnippet(sum!.snippet!, '[', ']')).toMatch(/^Ms A complained .* was \[homeless\]\. \[Homelessness\] duties/);
  });
});

describe('suggestions', () => {
  it('corrects a misspelt query word from the corpus vocabulary', () => {
    expect(suggestQuery(db, 'homelesness duties', compileQuery('homelesness duties'))).toBe('homelessness duties');
    expect(suggestQuery(db, 'homelessness', compileQuery('homelessness'))).toBeNull();
  });

  it('names the organisation meant by a misspelt filter value', () => {
    expect(() => checkFilterValues(db, { organisation: 'Chesire East' })).toThrow(/no decision has --organisation "Chesire East"; did you mean "Cheshire East Council"/);
    expect(() => checkFilterValues(db, { outcome: 'Uphold' })).toThrow(/did you mean "Upheld"/);
    expect(() => checkFilterValues(db, { organisation: 'Leeds' })).not.toThrow();
  });

  it('completes organisation names from a prefix', () => {
    expect(complete(db, 'organisation', 'Ches')).toEqual(expect.arrayContaining(['Cheshire East Council', 'Cheshire West and Chester Council']));
    expect(complete(db, 'organisation', 'Lee')).toEqual(['Leeds City Council']);
  });
});

describe('exact counting and ranking', () => {
  let big: Store;
  let bigDir: string;
  beforeAll(async () => {
    bigDir = tempDir();
    const corpus = path.join(bigDir, 'corpus');
    for (let i = 0; i < 30; i++) {
      const summary = i === 3 ? 'Adaptations adaptations adaptations were delayed.' : `Complaint number ${i} about adaptations.`;
      const date = `20${10 + (i % 10)}-01-${String(1 + i).padStart(2, '0')}`;
      writeRecordPage(corpus, `p${String(i).padStart(2, '0')}.txt`, makeRecord({ ref: `22 000 ${String(i).padStart(3, '0')}`, summary, decisionDate: date, ...withPayment(10 * (i + 1)) }));
    }
    await buildStore({ corpusDir: corpus, dbPath: path.join(bigDir, 'db.sqlite'), parse: jsonParse });
    big = openStore(path.join(bigDir, 'db.sqlite'), { readonly: true });
  });
  afterAll(() => {
    big.close();
    fs.rmSync(bigDir, { recursive: true, force: true });
  });

  it('counts every match and ranks the best one first whatever its age', () => {
    const all = searchStore(big, { query: 'adaptations', filters: {}, limit: 5 });
    expect(all).toMatchObject({ total: 30, totalIsMinimum: false, rankCapped: false });
    expect(all.hits[0]!.ref).toBe('22 000 003');
    const phrase = searchStore(big, { query: '"about adaptations" -delayed', filters: {}, limit: 4 });
    expect(phrase.total).toBe(29);
    expect(searchStore(big, { query: '"adaptations were delayed"', filters: {} }).hits.map((h) => h.ref)).toEqual(['22 000 003']);
    // Paging walks one ranking: pages join up to the whole list, each match once.
    const pages = [0, 7, 14, 21, 28].flatMap((offset) => searchStore(big, { query: 'adaptations', filters: {}, limit: 7, offset }).hits.map((h) => h.ref));
    expect(pages).toEqual(searchStore(big, { query: 'adaptations', filters: {}, limit: 30 }).hits.map((h) => h.ref));
    expect(new Set(pages).size).toBe(30);
  });

  it('sorts by date or payment with filters', () => {
    const byDate = searchStore(big, { query: 'adaptations', filters: {}, sort: 'date', limit: 3 });
    expect(byDate.hits.map((h) => h.decisionDate)).toEqual(['2019-01-30', '2019-01-20', '2019-01-10']);
    const byPay = searchStore(big, { query: 'adaptations', filters: normaliseFilters({ maxPayment: '100' }), sort: 'payment', limit: 2 });
    expect(byPay.hits.map((h) => h.paymentTotal)).toEqual([100, 90]);
    expect(byPay.total).toBe(10);
    const listed = searchStore(big, { query: 'number', filters: normaliseFilters({ maxPayment: '250' }), sort: 'date', limit: 2500 });
    expect(listed.hits).toHaveLength(24);
    expect(listed.total).toBe(24);
    // A short page walks the date index and tests each decision; a long one lists every match: same order.
    const probed = searchStore(big, { query: 'number', filters: normaliseFilters({ maxPayment: '250' }), sort: 'date', limit: 5 });
    expect(probed.hits.map((h) => h.ref)).toEqual(listed.hits.slice(0, 5).map((h) => h.ref));
  });
});
