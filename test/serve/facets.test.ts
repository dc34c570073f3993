/**
 * Facet counts against two references: the grouped SQL statement that counted them before the
 * per-process columns (kept here as the oracle: every value's count must equal it, for every
 * query shape, including those the ranking index leaves to FTS5), and the search engine itself
 * (the page's total as `counted`, and each value's count equal to the total the engine finds
 * when that value is chosen as a filter).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exactMatchIds, matchedIds, searchStore } from '../../src/search/engine.js';
import type { Filters } from '../../src/search/filters.js';
import { compileQuery, type CompiledQuery } from '../../src/search/query.js';
import { bandSql } from '../../src/serve/columns.js';
import { computeFacets, countFacets, type FacetCounts } from '../../src/serve/facets.js';
import { PAYMENT_BANDS } from '../../src/serve/params.js';
import { buildStore } from '../../src/store/build.js';
import { openStore, type Store } from '../../src/store/open.js';
import { jsonParse, makeRecord, withPayment, writeRecordPage } from '../helpers/records.js';
import { buildServeStore } from './fixture.js';

let dir: string;
let dbPath: string;
let db: Store;

/** 540 small decisions saying "kettle" (more than the old 500-match cap), in two years and outcomes, some without an organisation, date or category. */
function kettles() {
  return Array.from({ length: 540 }, (_, i) =>
    makeRecord({
      ref: `22 9${String(i).padStart(2, '0').slice(-2)} ${String(100 + i).padStart(3, '0')}`,
      organisation: i % 11 === 0 ? null : i % 3 ? 'Kettle District Council' : 'Other Kettle Council',
      outcome: i % 2 ? 'Upheld' : 'Not upheld',
      decisionDate: i % 13 === 0 ? null : i % 4 ? '2022-03-01' : '2023-03-01',
      category: i % 17 === 0 ? null : i % 5 === 1 ? 'Housing' : i % 5 === 2 ? 'HOUSING' : 'Adult care services',
      subcategory: i % 7 === 0 ? null : i % 2 ? 'Allocations' : 'Homelessness',
      summary: `Mr K complained about a broken kettle, number ${i}.${i % 9 === 0 ? ' The council did not apologise.' : ''}`,
      ...(i % 5 === 0 ? withPayment(100 * (1 + (i % 7)) + (i % 10 === 0 ? 0.5 : 0)) : {}),
    }),
  );
}

beforeAll(async () => {
  ({ dir, db: dbPath } = await buildServeStore(kettles()));
  db = openStore(dbPath, { readonly: true });
}, 120_000);
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const total = (query: string, filters: Filters) => searchStore(db, { query, filters, limit: 1, snippetWords: 0 }).total;

/** The counts as one grouped SQL statement over the engine's match set computed them before (#13). */
function sqlCounts(store: Store, query: CompiledQuery, filters: Filters, category?: string): Map<string, number> {
  const m = matchedIds(store, query, filters);
  const group = (facet: string, col: string, extra = '') => `SELECT '${facet}', ${col}, count(*) FROM s WHERE ${col} IS NOT NULL AND ${col} <> ''${extra} GROUP BY 2`;
  const sql = `WITH m(id) AS MATERIALIZED (${m.sql}),
  s AS MATERIALIZED (SELECT d.organisation AS o, d.category AS c, d.subcategory AS sc, d.outcome AS oc, substr(d.decision_date, 1, 4) AS y, d.payment_total AS t FROM m JOIN decisions d ON d.id = m.id)
  ${group('organisation', 's.o')}
  UNION ALL ${group('category', 's.c')}
  UNION ALL ${group('subcategory', 's.sc', ' AND s.c = ? COLLATE NOCASE')}
  UNION ALL ${group('outcome', 's.oc')}
  UNION ALL ${group('year', 's.y')}
  UNION ALL SELECT 'band', ${bandSql('s.t')}, count(*) FROM s GROUP BY 2
  UNION ALL SELECT 'remedy', r.kind, count(DISTINCT r.decision_id) FROM m JOIN remedies r ON r.decision_id = m.id GROUP BY 2
  UNION ALL SELECT 'counted', NULL, count(*) FROM s`;
  const rows = store.prepare(sql).raw().all(...m.params, category ?? null) as [string, string | null, number][];
  return new Map(rows.filter((r) => r[1] !== null || r[0] === 'counted').map(([facet, value, count]) => [`${facet}\t${value ?? ''}`, count]));
}

function asMap(f: FacetCounts): Map<string, number> {
  const out = new Map<string, number>([['counted\t', f.counted]]);
  for (const facet of ['organisation', 'category', 'subcategory', 'outcome', 'year', 'remedy', 'band'] as const) for (const v of f[facet]) out.set(`${facet}\t${v.value}`, v.count);
  return out;
}

const sorted = (m: Map<string, number>) => [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1));

describe('facet counts', () => {
  const cases: [string, Filters, string?][] = [
    ['kettle', {}],
    ['kettle', {}, 'housing'],
    ['kettle', { outcome: 'Upheld' }, 'Housing'],
    ['kettle -broken', {}],
    ['council', { from: '2022-01-01', to: '2022-12-31' }],
    ['outcome:upheld kettle', {}],
    ['22 900 100', {}],
    ['22 900 100 kettle', { outcome: 'Upheld' }],
    ['kett*', { remedy: 'payment' }],
    ['apologise OR number', {}],
    // Shapes the ranking index leaves to FTS5 (a NOT inside an OR, a phrase in an OR's AND).
    ['(kettle -apologise) OR council', {}],
    ['("broken kettle" number) OR apologise', {}, 'HOUSING'],
    ['"broken kettle"', { minPayment: 200 }],
    ['', { organisation: 'kettle' }],
    ['', { organisation: 'kettle' }, 'Adult care services'],
    ['outcome:upheld', {}],
    ['', {}],
    ['', {}, 'housing'],
    ['nosuchword', {}],
  ];
  it.each(cases)('%s %o (category %s): every count equals the grouped SQL over the same matches', (query, filters, category) => {
    const got = countFacets(db, compileQuery(query), filters, category);
    expect(sorted(asMap(got))).toEqual(sorted(sqlCounts(db, compileQuery(query), filters, category)));
  });

  it.each(cases)('%s %o: the search hands the facets its own matches, the same set', (query, filters, category) => {
    const result = searchStore(db, { query, filters, limit: 1, snippetWords: 0, matchIds: true });
    const exact = exactMatchIds(db, compileQuery(query), filters);
    expect(result.matchIds ?? null).toEqual(exact);
    if (result.matchIds) expect(countFacets(db, compileQuery(query), filters, category, result.matchIds)).toEqual(countFacets(db, compileQuery(query), filters, category));
  });

  it.each(cases)('%s %o: the page shows the commonest values, ties A to Z, as a full sort would', (query, filters, category) => {
    const all = countFacets(db, compileQuery(query), filters, category);
    const shown = computeFacets(db, compileQuery(query), filters, category);
    const bySort = (list: { value: string; count: number }[], n: number) => [...list].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, n);
    expect(shown.organisation).toEqual(bySort(all.organisation, 12));
    expect(shown.category).toEqual(bySort(all.category, 20));
    expect(shown.year.map((y) => y.value)).toEqual(all.year.map((y) => y.value).sort().reverse().slice(0, 40));
  });

  it('the cases cover both match paths, subcategories and decisions without values', () => {
    const all = countFacets(db, compileQuery(''), {}, 'housing');
    expect(all.subcategory.map((s) => s.value).sort()).toEqual(['Allocations', 'Homelessness']);
    expect(all.organisation.reduce((n, v) => n + v.count, 0)).toBeLessThan(all.counted);
    expect(all.band.find((b) => b.value === 'none')?.count).toBeGreaterThan(0);
    // More organisations than the page shows.
    expect(all.organisation.length).toBeGreaterThan(12);
  });

  it.each(cases)('%s %o: counted is the total, and each value is what choosing it finds', (query, filters) => {
    const facets = computeFacets(db, compileQuery(query), filters);
    expect(facets.counted).toBe(total(query, filters));
    for (const { value, count } of facets.outcome) expect(count).toBe(total(query, { ...filters, outcome: value }));
    for (const { value, count } of facets.year) expect(count).toBe(total(query, { ...filters, from: `${value}-01-01`, to: `${value}-12-31` }));
    for (const { value, count } of facets.remedy) expect(count).toBe(total(query, { ...filters, remedy: value as Filters['remedy'] }));
    for (const { value, count } of filters.minPayment === undefined ? facets.band : []) {
      const b = PAYMENT_BANDS.find((x) => x.key === value)!;
      expect(count).toBe(total(query, { ...filters, minPayment: b.min, ...(b.max === undefined ? {} : { maxPayment: b.max }) }));
    }
  });

  it('a very common word counts all its 540+ matches, not the newest 500', () => {
    const facets = computeFacets(db, compileQuery('kettle'), {});
    expect(facets.counted).toBeGreaterThanOrEqual(540);
    expect(facets.outcome.reduce((n, v) => n + v.count, 0)).toBe(facets.counted);
    expect(facets.year.find((y) => y.value === '2023')?.count).toBe(124);
  });

  it('counts again after another connection changes the database (an lgo build update)', async () => {
    const before = computeFacets(db, compileQuery('kettle'), {});
    const corpus = path.join(dir, 'corpus');
    writeRecordPage(corpus, 'zz-new.txt', makeRecord({ ref: '23 999 999', organisation: 'Brand New Kettle Council', decisionDate: '2030-01-02', summary: 'A kettle again.' }));
    await buildStore({ corpusDir: corpus, dbPath, parse: jsonParse });
    const after = computeFacets(db, compileQuery('kettle'), {});
    expect(after.counted).toBe(before.counted + 1);
    expect(after.year.find((y) => y.value === '2030')?.count).toBe(1);
    expect(sorted(asMap(countFacets(db, compileQuery('kettle'), {})))).toEqual(sorted(sqlCounts(db, compileQuery('kettle'), {})));
  });
});
