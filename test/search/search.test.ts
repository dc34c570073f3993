import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchStore, type SearchRequest } from '../../src/search/engine.js';
import { normaliseFilters } from '../../src/search/filters.js';
import { holdsPhrasePrefix, walkPlan } from '../../src/search/plan.js';
import { markSnippet } from '../../src/search/snippet.js';
import { checkFilterValues, complete, suggestQuery } from '../../src/search/suggest.js';
import { compileQuery } from '../../src/search/query.js';
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
    // Long prefixes are expanded to the indexed words, short ones left to FTS5: same matches.
    expect(refs({ query: 'hom*' }).sort()).toEqual(['20 000 001', '21 000 002']);
    expect(refs({ query: 'homelessness* -transport' })).toEqual(['20 000 001']);
    expect(refs({ query: 'zzzz*' })).toEqual([]);
  });

  it('lets the index do the organisation filter only when it finds the same decisions', () => {
    expect(holdsPhrasePrefix(['leeds', 'city', 'council'], ['leeds'])).toBe(true);
    expect(holdsPhrasePrefix(['leeds', 'city', 'council'], ['city', 'co'])).toBe(true);
    expect(holdsPhrasePrefix(['leeds', 'city', 'council'], ['eeds'])).toBe(false);
    expect(holdsPhrasePrefix(['leeds', 'city', 'council'], ['leeds', 'council'])).toBe(false);
    expect(holdsPhrasePrefix(['leeds'], ['leeds', 'city'])).toBe(false);
  });

  it('applies filters', () => {
    const f = (input: Parameters<typeof normaliseFilters>[0], query = '') => refs({ query, filters: normaliseFilters(input) });
    expect(f({ organisation: 'cheshire' })).toEqual(['22 000 003', '20 000 001']);
    // With a query the index may do the organisation filter; a part of a word must still match.
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

describe('bounded counting and ranking', () => {
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

  it('counts up to the cap and ranks only the newest matches past the rank cap', () => {
    const all = searchStore(big, { query: 'adaptations', filters: {} });
    expect(all).toMatchObject({ total: 30, totalIsMinimum: false, rankCapped: false });
    expect(all.hits[0]!.ref).toBe('22 000 003');
    const capped = searchStore(big, { query: 'adaptations', filters: {}, limit: 10, caps: { rank: 10, count: 20 } });
    expect(capped).toMatchObject({ total: 20, totalIsMinimum: true, rankCapped: true });
    // Only ids 21-30 (refs 020-029) were ranked, so the best match (003) is not among them.
    expect(capped.hits.map((h) => h.ref).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `22 000 0${20 + i}`));
    // A phrase is found exactly, then scored by its words within the newest matches.
    const phrase = searchStore(big, { query: '"about adaptations" -delayed', filters: {}, limit: 4, caps: { rank: 4, count: 4 } });
    expect(phrase).toMatchObject({ total: 4, totalIsMinimum: true, rankCapped: true });
    expect(phrase.hits.map((h) => h.ref).sort()).toEqual(['22 000 026', '22 000 027', '22 000 028', '22 000 029']);
    expect(searchStore(big, { query: '"adaptations were delayed"', filters: {} }).hits.map((h) => h.ref)).toEqual(['22 000 003']);
  });

  it('sorts many matches by date or payment by walking the index', () => {
    const byDate = searchStore(big, { query: 'adaptations', filters: {}, sort: 'date', limit: 3, caps: { count: 5 } });
    expect(byDate.hits.map((h) => h.decisionDate)).toEqual(['2019-01-30', '2019-01-20', '2019-01-10']);
    const byPay = searchStore(big, { query: 'adaptations', filters: normaliseFilters({ maxPayment: '100' }), sort: 'payment', limit: 2, caps: { count: 5 } });
    expect(byPay.hits.map((h) => h.paymentTotal)).toEqual([100, 90]);
    const few = searchStore(big, { query: 'adaptations', filters: normaliseFilters({ maxPayment: '100' }), sort: 'payment', limit: 2 });
    expect(few.hits.map((h) => h.paymentTotal)).toEqual([100, 90]);
    // Sparse matches or a page longer than the probes allowed: the matches are listed, not probed.
    expect(walkPlan([21, 11, 1], 300)).toBe('list');
    expect(walkPlan([21, 11, 1], 20)).toBe('probe');
    const listed = searchStore(big, { query: 'number', filters: normaliseFilters({ maxPayment: '250' }), sort: 'date', limit: 2500, caps: { count: 2 } });
    const probed = searchStore(big, { query: 'number', filters: normaliseFilters({ maxPayment: '250' }), sort: 'date', limit: 5, caps: { count: 2 } });
    expect(listed.hits.map((h) => h.ref).slice(0, 5)).toEqual(probed.hits.map((h) => h.ref));
    expect(listed.hits).toHaveLength(24);
  });
});
