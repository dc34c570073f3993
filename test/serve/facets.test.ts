/**
 * Facet counts against the search engine itself: over every match (more than the old 500 cap),
 * with the page's total as `counted`, and each value's count equal to the total the engine finds
 * when that value is chosen as a filter.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchStore } from '../../src/search/engine.js';
import type { Filters } from '../../src/search/filters.js';
import { compileQuery } from '../../src/search/query.js';
import { computeFacets } from '../../src/serve/facets.js';
import { PAYMENT_BANDS } from '../../src/serve/params.js';
import { openStore, type Store } from '../../src/store/open.js';
import { makeRecord, withPayment } from '../helpers/records.js';
import { buildServeStore } from './fixture.js';

let dir: string;
let db: Store;

/** 540 small decisions saying "kettle" (more than the old 500-match cap), in two years and outcomes. */
function kettles() {
  return Array.from({ length: 540 }, (_, i) =>
    makeRecord({
      ref: `22 9${String(i).padStart(2, '0').slice(-2)} ${String(100 + i).padStart(3, '0')}`,
      organisation: i % 3 ? 'Kettle District Council' : 'Other Kettle Council',
      outcome: i % 2 ? 'Upheld' : 'Not upheld',
      decisionDate: i % 4 ? '2022-03-01' : '2023-03-01',
      summary: `Mr K complained about a broken kettle, number ${i}.`,
      ...(i % 5 === 0 ? withPayment(100 * (1 + (i % 7))) : {}),
    }),
  );
}

beforeAll(async () => {
  let db0;
  ({ dir, db: db0 } = await buildServeStore(kettles()));
  db = openStore(db0, { readonly: true });
}, 120_000);
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const total = (query: string, filters: Filters) => searchStore(db, { query, filters, limit: 1, snippetWords: 0 }).total;

describe('facet counts', () => {
  const cases: [string, Filters][] = [
    ['kettle', {}],
    ['kettle', { outcome: 'Upheld' }],
    ['kettle -broken', {}],
    ['council', { from: '2022-01-01', to: '2022-12-31' }],
    ['outcome:upheld kettle', {}],
    ['22 900 100', {}],
    ['', { organisation: 'kettle' }],
    ['', {}],
  ];
  it.each(cases)('%s %o: counted is the total, and each value is what choosing it finds', (query, filters) => {
    const facets = computeFacets(db, compileQuery(query), filters);
    expect(facets.counted).toBe(total(query, filters));
    for (const { value, count } of facets.outcome) expect(count).toBe(total(query, { ...filters, outcome: value }));
    for (const { value, count } of facets.year) expect(count).toBe(total(query, { ...filters, from: `${value}-01-01`, to: `${value}-12-31` }));
    for (const { value, count } of facets.remedy) expect(count).toBe(total(query, { ...filters, remedy: value as Filters['remedy'] }));
    for (const { value, count } of facets.band) {
      const b = PAYMENT_BANDS.find((x) => x.key === value)!;
      expect(count).toBe(total(query, { ...filters, minPayment: b.min, ...(b.max === undefined ? {} : { maxPayment: b.max }) }));
    }
    for (const { value, count } of facets.category) expect(count).toBe(total(query, { ...filters, category: value }));
  });

  it('a common word counts all its 540+ matches, not the newest 500', () => {
    const facets = computeFacets(db, compileQuery('kettle'), {});
    expect(facets.counted).toBeGreaterThanOrEqual(540);
    expect(facets.outcome.reduce((n, v) => n + v.count, 0)).toBe(facets.counted);
    expect(facets.year.find((y) => y.value === '2023')?.count).toBe(135);
  });
});
