/**
 * The search filters answered from the per-process columns keep exactly the decisions the SQL
 * filters keep (compileFilters), value by value: case in ASCII and beyond it, curly
 * apostrophes, substrings, missing values, date and amount bounds at their edges, remedy kinds;
 * and a search given the test finds the same page and total as one without it.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchStore } from '../../src/search/engine.js';
import { compileFilters, normaliseFilters, type FilterInput } from '../../src/search/filters.js';
import { filterTest } from '../../src/serve/column-filters.js';
import { decisionColumns } from '../../src/serve/columns.js';
import { openStore, type Store } from '../../src/store/open.js';
import { makeRecord, withPayment } from '../helpers/records.js';
import { buildServeStore } from './fixture.js';

let dir: string;
let db: Store;

const ORGS = ['Leeds City Council', 'LEEDS Housing Trust', 'Brighton & Hove', 'Conseil de l’École', 'conseil de l’école', '100% Care_Ltd', null];
const CATEGORIES = ['Housing', 'HOUSING', 'Children’s care services', "Children's care services", 'Éducation', 'éducation', null, ''];
const OUTCOMES = ['Upheld', 'upheld', 'Not upheld', 'Closed after initial enquiries', null];

function varied() {
  return Array.from({ length: 120 }, (_, i) =>
    makeRecord({
      ref: `24 7${String(i).padStart(2, '0').slice(-2)} ${String(100 + i).padStart(3, '0')}`,
      organisation: ORGS[i % ORGS.length]!,
      category: CATEGORIES[i % CATEGORIES.length]!,
      subcategory: i % 4 ? 'Allocations' : 'Homelessness',
      outcome: OUTCOMES[i % OUTCOMES.length]!,
      decisionDate: i % 11 === 0 ? null : `202${i % 4}-${i % 2 ? '01-01' : '12-31'}`,
      summary: `The council looked at the kettle, case ${i}.`,
      ...(i % 3 === 0 ? withPayment([250, 249.99, 500, 1000, 0.01][i % 5]!) : {}),
    }),
  );
}

beforeAll(async () => {
  let path;
  ({ dir, db: path } = await buildServeStore(varied()));
  db = openStore(path, { readonly: true });
}, 120_000);
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const FILTERS: FilterInput[] = [
  { organisation: 'leeds' },
  { organisation: 'LEEDS' },
  { organisation: 'école' },
  { organisation: 'École' },
  { organisation: '100%' },
  { organisation: 'care_' },
  { organisation: '& Hove' },
  { category: 'housing' },
  { category: "children's care services" },
  { category: 'Children’s care services' },
  { category: 'éducation' },
  { category: 'ÉDUCATION' },
  { subcategory: 'homelessness', category: 'Housing' },
  { outcome: 'UPHELD' },
  { outcome: 'not upheld', organisation: 'council' },
  { from: '2021' },
  { to: '2021-12-31' },
  { from: '2021-12-31', to: '2022-01-01' },
  { minPayment: 250 },
  { maxPayment: 249.99 },
  { minPayment: 0, maxPayment: 0 },
  { minPayment: 500, maxPayment: 999.99, remedy: 'payment' },
  { remedy: 'apology' },
  { remedy: 'meeting' },
  { organisation: 'nobody at all' },
];

describe('filters from the columns', () => {
  it.each(FILTERS)('%o keeps exactly what the SQL filter keeps', (input) => {
    const filters = normaliseFilters(input);
    const w = compileFilters(filters);
    const want = db.prepare(`SELECT d.id FROM decisions d WHERE ${w.sql} ORDER BY d.id`).pluck().all(...w.params) as number[];
    const test = filterTest(decisionColumns(db), filters)!;
    expect(decisionColumns(db).ids.filter((id) => test(id))).toEqual(Int32Array.from(want));
  });

  it('the cases are not all empty or all full', () => {
    const kept = FILTERS.map((f) => decisionColumns(db).ids.filter(filterTest(decisionColumns(db), normaliseFilters(f))!).length);
    expect(kept.filter((n) => n > 0 && n < 120).length).toBeGreaterThan(18);
    expect(filterTest(decisionColumns(db), {})).toBeNull();
  });

  it.each(FILTERS)('%o: a search given the test finds the same total and page', (input) => {
    const filters = normaliseFilters(input);
    const test = filterTest(decisionColumns(db), filters)!;
    for (const query of ['kettle', 'council OR case', 'kettle outcome:upheld', '24 700 100 kettle']) {
      for (const sort of ['relevance', 'date', 'payment'] as const) {
        const plain = searchStore(db, { query, filters, sort, limit: 7, snippetWords: 0, matchIds: true });
        expect(searchStore(db, { query, filters, sort, limit: 7, snippetWords: 0, matchIds: true, filterTest: test })).toEqual(plain);
      }
    }
  });
});
