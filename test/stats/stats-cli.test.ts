import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLgo } from '../helpers/io.js';
import { buildFixtureStore } from '../helpers/export-fixture.js';

let dir: string;
let db: string;
beforeAll(async () => ({ dir, db } = await buildFixtureStore()));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const lgo = (...args: string[]) => runLgo(args, { env: { LGO_DB: db }, cwd: dir });
const statsJson = async (...args: string[]) => {
  const r = await lgo('stats', ...args, '--format', 'json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { groups: Record<string, unknown>[]; total: Record<string, unknown>; source: string };
};

// Worked by hand from test/helpers/export-fixture.ts:
//   Wirral: 21 000 101 (Upheld; £200, £1,000; apology, payment) and 23 000 505 (Closed; nothing)
//   Cheshire East: 22 000 202 (Upheld; £2,750.50; payment, service_improvement, apology), 22 000 303 (Not upheld)
//   Lancashire: 21 000 404 (Upheld; £150, £300; apology, payment, staff_training_or_reminder)
describe('lgo stats', () => {
  it('agrees with a hand computation per organisation', async () => {
    const { groups, total, source } = await statsJson('--by', 'organisation');
    expect(groups).toEqual([
      {
        organisation: 'Cheshire East Council', decisions: 2, upheld: 1, notUpheld: 1, upheldShare: 0.5, withPayment: 1, paymentCount: 1,
        paymentsTotal: 2750.5, medianPayment: 2750.5, p90Payment: 2750.5, maxPayment: 2750.5, topRemedies: 'apology (1); payment (1); service_improvement (1)', medianDaysToCompliance: null,
      },
      {
        // Median of 200 and 1,000 is 600; P90 = 200 + 0.9 × 800 = 920.
        organisation: 'Wirral Metropolitan Borough Council', decisions: 2, upheld: 1, notUpheld: 0, upheldShare: 1, withPayment: 1, paymentCount: 2,
        paymentsTotal: 1200, medianPayment: 600, p90Payment: 920, maxPayment: 1000, topRemedies: 'apology (1); payment (1)', medianDaysToCompliance: null,
      },
      {
        // Median of 150 and 300 is 225; P90 = 150 + 0.9 × 150 = 285.
        organisation: 'Lancashire County Council', decisions: 1, upheld: 1, notUpheld: 0, upheldShare: 1, withPayment: 1, paymentCount: 2,
        paymentsTotal: 450, medianPayment: 225, p90Payment: 285, maxPayment: 300, topRemedies: 'apology (1); payment (1); staff_training_or_reminder (1)', medianDaysToCompliance: null,
      },
    ]);
    // All: payments 150, 200, 300, 1000, 2750.5 -> median 300; P90 rank 3.6 -> 1000 + 0.6 × 1750.5 = 2050.3.
    expect(total).toMatchObject({ decisions: 5, upheld: 3, notUpheld: 1, upheldShare: 0.75, withPayment: 3, paymentCount: 5, paymentsTotal: 4400.5, medianPayment: 300, p90Payment: 2050.3, maxPayment: 2750.5, topRemedies: 'apology (3); payment (3); service_improvement (1)' });
    expect(source).toContain('Local Government and Social Care Ombudsman');
  });

  it('sums payments by purpose kind and by recipient role, per year (#14)', async () => {
    // Kinds: 200 distress, 1,000 distress + lost_provision (counted in both), 150 time_and_trouble, 300 and 2,750.50 distress.
    const byPurpose = await statsJson('--by', 'purpose', '--sort', 'key');
    expect(byPurpose.groups.map((g) => [g.purpose, g.decisions, g.paymentCount, g.paymentsTotal])).toEqual([
      ['distress', 3, 4, 4250.5],
      ['lost_provision', 1, 1, 1000],
      ['time_and_trouble', 1, 1, 150],
    ]);
    expect(byPurpose.total).toMatchObject({ decisions: 5, paymentCount: 5, paymentsTotal: 4400.5 });
    const perYear = await statsJson('--by', 'purpose', '--by', 'year', '--sort', 'key');
    expect(perYear.groups.map((g) => [g.purpose, g.year, g.paymentsTotal])).toEqual([
      ['distress', '2021', 1500],
      ['distress', '2022', 2750.5],
      ['lost_provision', '2021', 1000],
      ['time_and_trouble', '2021', 150],
    ]);
    const byRecipient = await statsJson('--by', 'recipient', '--sort', 'key');
    expect(byRecipient.groups.map((g) => [g.recipient, g.decisions, g.paymentsTotal])).toEqual([
      ['child', 1, 1000],
      ['complainant', 3, 3400.5],
    ]);
  });

  it('groups by two keys, sorts by key and keeps the top N', async () => {
    const { groups } = await statsJson('--by', 'year', '--by', 'outcome', '--sort', 'key', '--top', '3');
    expect(groups.map((g) => [g.year, g.outcome, g.decisions])).toEqual([
      ['2021', 'Upheld', 2],
      ['2022', 'Not upheld', 1],
      ['2022', 'Upheld', 1],
    ]);
  });

  it('applies the same filters and query as export', async () => {
    const { groups, total } = await statsJson('--by', 'category', '--from', '2022');
    expect(groups).toEqual([expect.objectContaining({ category: 'Adult care services', decisions: 2, upheldShare: 0.5, paymentsTotal: 2750.5 })]);
    expect(total.decisions).toBe(2);
    const homeless = await statsJson('homeless', '--by', 'organisation');
    expect(homeless.groups.map((g) => g.organisation)).toEqual(['Wirral Metropolitan Borough Council']);
  });

  it('counts only payments within --min-amount/--max-amount', async () => {
    const { total } = await statsJson('--by', 'year', '--min-amount', '250', '--max-amount', '1000');
    expect(total).toMatchObject({ decisions: 2, paymentCount: 2, paymentsTotal: 1300, medianPayment: 650, maxPayment: 1000 });
  });

  it('sorts by a measure, largest first', async () => {
    const { groups } = await statsJson('--by', 'organisation', '--sort', 'medianPayment');
    expect(groups.map((g) => g.medianPayment)).toEqual([2750.5, 600, 225]);
  });

  it('prints a table with an All row by default, and CSV with plain numbers', async () => {
    const table = await lgo('stats', '--by', 'year', '--sort', 'key');
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Year\s+Decisions\s+Upheld % \(n\)\s+With payment\s+Payments\s+Total £\s+Median £\s+P90 £\s+Max £\s+Most common remedies$/);
    expect(lines[2]).toMatch(/^2021\s+2\s+100% \(2\/2\)\s+2\s+4\s+£1,650\s+£250\s+£790\s+£1,000\s+apology \(2\); payment \(2\)/);
    expect(lines.at(-1)).toMatch(/^All\s+5\s+75% \(3\/4\)\s+3\s+5\s+£4,400\.50\s+£300\s+£2,050\.30\s+£2,750\.50/);
    expect(table.stderr).toContain('lgo: 5 decisions in 3 groups');
    const csv = parse((await lgo('stats', '--by', 'year', '--sort', 'key', '--format', 'csv')).stdout, { columns: true }) as Record<string, string>[];
    expect(csv.map((r) => [r.year, r.paymentsTotal, r.upheldShare])).toEqual([['2021', '1650', '1'], ['2022', '2750.5', '0.5'], ['(unknown)', '0', '']]);
  });

  it('makes a histogram of payment amounts with --by amount', async () => {
    const r = await lgo('stats', '--by', 'amount', '--format', 'csv');
    const bands = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(bands.filter((b) => b.payments !== '0').map((b) => [b.band, b.payments, b.total])).toEqual([
      ['£100 to under £250', '2', '350'],
      ['£250 to under £500', '1', '300'],
      ['£1,000 to under £2,500', '1', '1000'],
      ['£2,500 to under £5,000', '1', '2750.5'],
    ]);
    expect(bands.reduce((s, b) => s + Number(b.payments), 0)).toBe(5);
  });

  it('writes an SVG bar chart of the chosen measure, and a histogram', async () => {
    const r = await lgo('stats', '--by', 'organisation', '--sort', 'paymentsTotal', '--chart', 'orgs.svg');
    expect(r.code).toBe(0);
    const svg = fs.readFileSync(path.join(dir, 'orgs.svg'), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('Payments total (£) by organisation');
    expect(svg.match(/<rect x="\d/g)).toHaveLength(3);
    expect(svg).toContain('£2,750.50');
    expect(svg).toContain('Local Government and Social Care Ombudsman');
    await lgo('stats', '--by', 'amount', '--chart', 'amounts.svg');
    const hist = fs.readFileSync(path.join(dir, 'amounts.svg'), 'utf8');
    expect(hist).toContain('Payments by amount');
    expect(hist).toContain('£1k–£2.5k');
  });

  it('rejects bad --by, --sort and --top values with exit 2', async () => {
    const by = await lgo('stats', '--by', 'council');
    expect(by.code).toBe(2);
    expect(by.stderr).toContain('use one of: organisation, category, subcategory, year, outcome, compliance-year, purpose, recipient, amount');
    expect((await lgo('stats', '--sort', 'biggest')).code).toBe(2);
    expect((await lgo('stats', '--top', '0')).code).toBe(2);
    expect((await lgo('stats', '--by', 'amount', '--by', 'year')).code).toBe(2);
    const topAmount = await lgo('stats', '--by', 'amount', '--top', '3');
    expect(topAmount.code).toBe(2);
    expect(topAmount.stderr).toContain('--sort, --top and --measure do not apply');
  });
});
