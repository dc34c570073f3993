/**
 * The payments page's figures and rows from the per-process columns, against what `lgo stats`
 * and `lgo export payments` compute over the same selection through SQL (the way the page read
 * them before): every group's payment total and count, the amount histogram, the decision and
 * payment counts, and the first payment rows in the export's order.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSources, statsSources, type Selection } from '../../src/export/select.js';
import { computeStats, sortGroups } from '../../src/stats/compute.js';
import { amountHistogram } from '../../src/stats/histogram.js';
import { decisionColumns } from '../../src/serve/columns.js';
import { parseState, toFilters } from '../../src/serve/params.js';
import { gatherPayments, TABLE_ROWS } from '../../src/serve/payments-page.js';
import { paymentGroups, selectionHistogram } from '../../src/serve/payment-stats.js';
import { openStore, type Store } from '../../src/store/open.js';
import type { DecisionRecord } from '../../src/schema/record.js';
import { makeRecord, withPayment } from '../helpers/records.js';
import { buildServeStore } from './fixture.js';

let dir: string;
let db: Store;

/** 600 decisions, most paying one or two amounts (pence included), dates shared by many and some missing, some without organisation or category. */
function payers(): DecisionRecord[] {
  return Array.from({ length: 600 }, (_, i) => {
    const pay = i % 3 === 0 ? null : withPayment(50 + ((i * 37) % 900) + (i % 4) * 0.01);
    const extra = 1234.56 + i;
    const two = i % 5 === 1 && pay ? { payments: [...pay.payments, { ...pay.payments[0]!, amount: extra }], paymentTotal: pay.paymentTotal + extra } : {};
    return makeRecord({
      ref: `23 8${String(i).padStart(2, '0').slice(-2)} ${String(100 + i).padStart(3, '0')}`,
      organisation: i % 19 === 0 ? null : `Council ${i % 23}`,
      category: i % 29 === 0 ? null : i % 31 === 0 ? '' : ['Housing', 'Adult care services', 'Education'][i % 3]!,
      decisionDate: i % 41 === 0 ? null : `20${20 + (i % 4)}-0${1 + (i % 3)}-01`,
      summary: `The Council ${i % 2 ? 'delayed' : 'refused'} the kettle repair, case ${i}.`,
      ...pay,
      ...two,
    });
  });
}

beforeAll(async () => {
  let path;
  ({ dir, db: path } = await buildServeStore(payers()));
  db = openStore(path, { readonly: true });
}, 120_000);
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ADDRESSES = ['/payments', '/payments?q=kettle', '/payments?q=delayed', '/payments?q=repair&category=housing', '/payments?year=2021', '/payments?q=(kettle+-refused)+OR+apologise', '/payments?q=23+800+100', '/payments?q=nosuchword'];

const selectionOf = (address: string): Selection => {
  const state = parseState(new URL(address, 'http://x').searchParams);
  return { query: state.q, filters: toFilters(state) };
};

describe('payments page figures', () => {
  it.each(ADDRESSES)('%s: rows and counts equal the export and stats over SQL', (address) => {
    const state = parseState(new URL(address, 'http://x').searchParams);
    const sel = selectionOf(address);
    const view = gatherPayments(db, state, sel);
    const all = [...exportSources(db, 'payments', sel)];
    expect(view.rows).toEqual(all.slice(0, TABLE_ROWS));
    expect(view.paymentCount).toBe(all.length);
    expect(view.decisions).toBe([...statsSources(db, sel)].length);
  });

  it.each(ADDRESSES)('%s: each group total and the histogram equal lgo stats', (address) => {
    const sel = selectionOf(address);
    const decisions = [...statsSources(db, sel)];
    const cols = decisionColumns(db);
    const mine = Int32Array.from(selectionIds(sel)).sort();
    for (const by of ['organisation', 'category', 'year'] as const) {
      const want = sortGroups(computeStats(decisions, [by]).groups, 'key').map((g) => ({ key: g.key, decisions: g.decisions, paymentCount: g.paymentCount, paymentsTotal: g.paymentsTotal }));
      expect(sortGroups(paymentGroups(cols, mine, by), 'key')).toEqual(want);
    }
    expect(selectionHistogram(cols, mine)).toEqual(amountHistogram(decisions));
  });

  it('the fixture pages past the table: more payments than rows, and a selection with none', () => {
    expect(gatherPayments(db, parseState(new URLSearchParams()), { query: '', filters: {} }).paymentCount).toBeGreaterThan(TABLE_ROWS);
    expect(gatherPayments(db, parseState(new URLSearchParams('q=nosuchword')), { query: 'nosuchword', filters: {} }).rows).toEqual([]);
  });
});

/** The selection's decision ids as the export selects them. */
function selectionIds(sel: Selection): number[] {
  const refs = new Set([...exportSources(db, 'decisions', sel)].map(([d]) => d.ref));
  return (db.prepare('SELECT id, ref FROM decisions').raw().all() as [number, string][]).filter(([, ref]) => refs.has(ref)).map(([id]) => id);
}
