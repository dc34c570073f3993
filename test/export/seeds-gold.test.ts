/**
 * Exports of the five real seed decisions (corpus/, parsed by the real parser through the
 * store's build) against their hand labels in test/fixtures/gold/seeds (payments, totals, per-unit
 * payments, remedy kinds), as test/parser/gold.test.ts reads them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_CORPUS } from '../../src/config.js';
import { buildStore } from '../../src/store/build.js';
import { runLgo } from '../helpers/io.js';
import { tempDir } from '../helpers/records.js';

interface Gold {
  ref: string;
  payment_total: number;
  payment_amounts: number[];
  payments: { amount: number; per_unit?: { amount: number; unit: string; count: number } }[];
  remedy_kinds: string[];
  outcome: string | null;
}

const GOLD_DIR = path.resolve(import.meta.dirname, '..', 'fixtures', 'gold', 'seeds');
const gold: Gold[] = fs.readdirSync(GOLD_DIR).map((f) => (JSON.parse(fs.readFileSync(path.join(GOLD_DIR, f), 'utf8')) as { expected: Gold }).expected);
const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);

let dir: string;
let db: string;
beforeAll(async () => {
  dir = tempDir('lgo-seeds-');
  db = path.join(dir, 'decisions.sqlite');
  const stats = await buildStore({ corpusDir: BUNDLED_CORPUS, dbPath: db });
  expect(stats.decisions).toBe(gold.length);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const lgo = (...args: string[]) => runLgo([...args, '--db', db], { cwd: dir });

describe('exports of the seed decisions match the gold labels', () => {
  it('payments: one row per gold payment, same amounts, same totals', async () => {
    const r = await lgo('export', 'payments');
    expect(r.code, r.stderr).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(sum(gold.map((g) => g.payment_amounts.length)));
    for (const g of gold) {
      const mine = rows.filter((x) => x.ref === g.ref).map((x) => Number(x.amount));
      expect(mine.sort((a, b) => a - b), g.ref).toEqual([...g.payment_amounts].sort((a, b) => a - b));
      expect(sum(mine), g.ref).toBe(g.payment_total);
    }
    expect(sum(rows.map((x) => Number(x.amount)))).toBe(sum(gold.map((g) => g.payment_total)));
  });

  it('payments: per-unit payments carry the unit amount, count and unit', async () => {
    const rows = parse((await lgo('export', 'payments', '--format', 'csv')).stdout, { columns: true }) as Record<string, string>[];
    for (const g of gold) {
      for (const p of g.payments.filter((x) => x.per_unit)) {
        const row = rows.find((x) => x.ref === g.ref && Number(x.amount) === p.amount)!;
        expect(row, `${g.ref} £${p.amount}`).toBeDefined();
        expect({ unitAmount: Number(row.unitAmount), unitCount: Number(row.unitCount) }).toEqual({ unitAmount: p.per_unit!.amount, unitCount: p.per_unit!.count });
        expect(row.unit).toMatch(new RegExp(`^${p.per_unit!.unit}`));
      }
    }
  });

  it('decisions: paymentTotal and paymentCount per decision as labelled', async () => {
    const rows = (await lgo('export', 'decisions', '--format', 'jsonl')).stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toHaveLength(gold.length);
    for (const g of gold) {
      expect(rows.find((x) => x.ref === g.ref), g.ref).toMatchObject({ paymentTotal: g.payment_total, paymentCount: g.payment_amounts.length });
    }
  });

  it('remedies: every labelled remedy kind is exported for its decision', async () => {
    const rows = parse((await lgo('export', 'remedies')).stdout, { columns: true }) as Record<string, string>[];
    for (const g of gold) {
      const kinds = new Set(rows.filter((x) => x.ref === g.ref).map((x) => x.kind));
      for (const k of g.remedy_kinds) expect(kinds.has(k), `${g.ref} ${k}`).toBe(true);
    }
  });

  it('stats: the totals agree with the gold payments', async () => {
    const json = JSON.parse((await lgo('stats', '--by', 'organisation', '--format', 'json')).stdout) as { total: Record<string, number> };
    const amounts = gold.flatMap((g) => g.payment_amounts);
    expect(json.total).toMatchObject({ decisions: 5, withPayment: 5, paymentCount: amounts.length, paymentsTotal: sum(amounts), maxPayment: Math.max(...amounts) });
  });
});
