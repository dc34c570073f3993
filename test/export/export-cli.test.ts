import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLgo } from '../helpers/io.js';
import { buildFixtureStore, FIXTURE } from '../helpers/export-fixture.js';

let dir: string;
let db: string;
beforeAll(async () => ({ dir, db } = await buildFixtureStore()));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const lgo = (...args: string[]) => runLgo(args, { env: { LGO_DB: db }, cwd: dir });
const csvRows = (text: string, opts: { comment?: string; bom?: boolean } = {}): Record<string, string>[] =>
  parse(text, { columns: true, bom: opts.bom ?? false, ...(opts.comment ? { comment: opts.comment } : {}) });

describe('lgo export payments', () => {
  it('writes one CSV row per payment in the documented column order, amounts as plain numbers', async () => {
    const r = await lgo('export', 'payments');
    expect(r.code).toBe(0);
    const [header] = r.stdout.split('\r\n');
    expect(header).toBe('ref,organisation,category,subcategory,outcome,decisionDate,year,amount,currency,unitAmount,unitCount,unit,recipient,purpose,text,url,status,purposeKinds,recipientRole,sourceSection,sourceParagraph,sourceStart,sourceEnd');
    const rows = csvRows(r.stdout);
    const expected = FIXTURE.flatMap((d) => d.payments.map((p) => ({ ref: d.ref, amount: p.amount })));
    expect(rows.map((x) => ({ ref: x.ref, amount: Number(x.amount) }))).toEqual(expected);
    const total = rows.reduce((s, x) => s + Number(x.amount), 0);
    expect(total).toBe(FIXTURE.reduce((s, d) => s + d.paymentTotal, 0));
    expect(r.stderr).toContain('exported 5 payment rows');
    expect(r.stderr).toContain('Local Government and Social Care Ombudsman');
  });

  it('round-trips every cell through csv-parse to the stored values (quotes, commas, £, per-unit)', async () => {
    const rows = csvRows((await lgo('export', 'payments')).stdout);
    const hyperlink = rows.find((x) => x.ref === '22 000 202')!;
    const stored = FIXTURE.find((d) => d.ref === '22 000 202')!.payments[0]!;
    expect(hyperlink).toMatchObject({ recipient: stored.recipient, purpose: stored.purpose, text: stored.text, amount: '2750.5', year: '2022' });
    const perChild = rows.find((x) => x.amount === '1000')!;
    expect(perChild).toMatchObject({ unitAmount: '200', unitCount: '5', unit: 'child', recipient: 'the children', currency: 'GBP' });
    expect(rows.find((x) => x.amount === '200')).toMatchObject({ unitAmount: '', unit: '' });
  });

  it('carries the typed purpose, recipient role and source range of each payment (#14)', async () => {
    const rows = csvRows((await lgo('export', 'payments')).stdout);
    expect(rows.find((x) => x.amount === '1000')).toMatchObject({ purposeKinds: 'distress; lost_provision', recipientRole: 'child', sourceSection: '3', sourceParagraph: '2', sourceStart: '10', sourceEnd: '64' });
    expect(rows.find((x) => x.amount === '150')).toMatchObject({ purposeKinds: 'time_and_trouble', recipientRole: 'complainant', sourceSection: '', sourceStart: '' });
    const json = JSON.parse((await lgo('export', 'payments', '--format', 'json', '--columns', 'amount,periodAmount,periodUnit,periodCount,purposeKinds')).stdout) as Array<Record<string, unknown>>;
    expect(json[0]).toMatchObject({ amount: 200, periodAmount: null, periodUnit: null, periodCount: null, purposeKinds: 'distress' });
  });

  it('neutralises formula injection with --excel while amounts stay numbers', async () => {
    const r = await lgo('export', 'payments', '--excel');
    expect(r.stdout.startsWith('\uFEFF')).toBe(true);
    const rows = csvRows(r.stdout, { bom: true });
    const cells = rows.flatMap((x) => Object.values(x));
    // Every text cell a spreadsheet would evaluate now starts with an apostrophe.
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/);
    const byRef = (ref: string, amount: string) => rows.find((x) => x.ref === ref && x.amount === amount)!;
    expect(byRef('22 000 202', '2750.5')).toMatchObject({ recipient: '\'=HYPERLINK("http://example.test","x")', purpose: "'+SUM(A1:A2)", text: '\'-2+3 "quoted", with a comma; and £2,750.50' });
    expect(byRef('21 000 404', '150').recipient).toBe("'@cmd|/c calc");
    expect(byRef('21 000 404', '300')).toMatchObject({ recipient: "'＝1+1", purpose: "'\tdistress" });
    // Amount cells are bare numbers in the file, never quoted or prefixed.
    expect(r.stdout).toMatch(/,2750\.5,GBP,/);
  });

  it('keeps only payments within --min-amount/--max-amount', async () => {
    const rows = csvRows((await lgo('export', 'payments', '--min-amount', '250', '--max-amount', '£1,000')).stdout);
    expect(rows.map((x) => Number(x.amount))).toEqual([1000, 300]);
  });

  it('uses the search filters and query: category, organisation, year range', async () => {
    const rows = csvRows((await lgo('export', 'payments', '--category', 'adult care services', '--from', '2022', '--to', '2022')).stdout);
    expect(rows.map((x) => x.ref)).toEqual(['22 000 202']);
    const wirral = csvRows((await lgo('export', 'payments', '--organisation', 'wirral', 'child need')).stdout);
    expect(wirral.map((x) => x.amount)).toEqual(['200', '1000']);
  });

  it('chooses and orders columns with --columns', async () => {
    const r = await lgo('export', 'payments', '--columns', 'amount, ref,status', '--max-amount', '200');
    expect(r.stdout).toBe('amount,ref,status\r\n200,21 000 101,endorsed_offer\r\n150,21 000 404,agreed\r\n');
  });

  it('reads the summary (kept apart from the decision rows) only when asked for', async () => {
    const rows = csvRows((await lgo('export', 'decisions', '--columns', 'ref,summary', '--from', '2022')).stdout);
    expect(rows).toEqual([
      { ref: '22 000 202', summary: 'The Council charged for care wrongly.' },
      { ref: '22 000 303', summary: 'No fault in the assessment.' },
    ]);
  });

  it('rejects an unknown column or format with exit 2 and a hint', async () => {
    const bad = await lgo('export', 'payments', '--columns', 'ref,amount_gbp');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown column "amount_gbp"');
    expect(bad.stderr).toContain('hint: columns: ref, organisation');
    expect((await lgo('export', 'payments', '--format', 'xlsx')).code).toBe(2);
    expect((await lgo('export', 'refunds')).stderr).toContain('use one of: payments, remedies, decisions');
    expect((await lgo('export', 'payments', '--format', 'jsonl', '--comment')).code).toBe(2);
    const excelJson = await lgo('export', 'payments', '-o', 'p.json', '--excel');
    expect(excelJson.code).toBe(2);
    expect(excelJson.stderr).toContain('--excel is for CSV');
  });

  it('says to run lgo build when there is no store', async () => {
    const r = await runLgo(['export', 'payments', '--db', path.join(dir, 'missing.sqlite')], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no search database at .*missing\.sqlite\nhint: run `lgo build`/);
  });
});

describe('lgo export remedies and decisions', () => {
  it('writes one row per remedy with kind, deadline and text', async () => {
    const rows = csvRows((await lgo('export', 'remedies')).stdout);
    expect(rows).toHaveLength(FIXTURE.reduce((s, d) => s + d.remedies.length, 0));
    expect(Object.keys(rows[0]!)).toEqual(['ref', 'organisation', 'category', 'subcategory', 'outcome', 'decisionDate', 'year', 'kind', 'deadline', 'text', 'url']);
    expect(rows.filter((x) => x.kind === 'staff_training_or_reminder')).toEqual([
      expect.objectContaining({ ref: '21 000 404', deadline: 'within three months', text: 'Remind staff of the assessment timescales.' }),
    ]);
  });

  it('writes one row per decision with payment total, count and remedy kinds', async () => {
    const r = await lgo('export', 'decisions', '--format', 'jsonl');
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((x) => x.ref)).toEqual(FIXTURE.map((d) => d.ref));
    expect(rows[1]).toMatchObject({ paymentTotal: 1200, paymentCount: 2, remedyKinds: 'apology; payment', year: 2021 });
    expect(rows[0]).toMatchObject({ decisionDate: null, year: null, paymentTotal: 0, remedyKinds: '' });
  });

  it('streams a JSON array that parses to the same rows as JSONL', async () => {
    const json = JSON.parse((await lgo('export', 'payments', '--format', 'json')).stdout) as unknown[];
    const jsonl = (await lgo('export', 'payments', '--format', 'jsonl')).stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown);
    expect(json).toEqual(jsonl);
    expect(json[0]).toMatchObject({ amount: 200, unitAmount: null, year: 2021 });
    expect(JSON.parse((await lgo('export', 'payments', '--format', 'json', '--min-amount', '99999')).stdout)).toEqual([]);
  });
});

describe('export files and attribution', () => {
  it('writes -o FILE with an attribution sidecar and nothing on stdout', async () => {
    const r = await lgo('export', 'payments', '-o', 'out/../payments.csv');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const file = path.join(dir, 'payments.csv');
    expect(csvRows(fs.readFileSync(file, 'utf8'))).toHaveLength(5);
    const sidecar = fs.readFileSync(`${file}.attribution.txt`, 'utf8');
    expect(sidecar).toContain('Local Government and Social Care Ombudsman');
    expect(sidecar).toContain('www.lgo.org.uk/decisions');
    expect(sidecar).toContain('re-used with acknowledgement of the source');
    // No temporary files are left behind.
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('infers the format from the file name', async () => {
    await lgo('export', 'decisions', '-o', 'decisions.json');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'decisions.json'), 'utf8'))).toHaveLength(5);
  });

  it('puts the attribution in the CSV as a leading comment with --comment (after the BOM)', async () => {
    const r = await lgo('export', 'payments', '--excel', '--comment', '-o', 'commented.csv');
    const file = path.join(dir, 'commented.csv');
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toMatch(/^\uFEFF# Source: Local Government and Social Care Ombudsman[^,"\r\n]*\r\nref,organisation,/);
    expect(csvRows(text, { comment: '#', bom: true })).toHaveLength(5);
    expect(fs.existsSync(`${file}.attribution.txt`)).toBe(false);
    expect(r.stderr).not.toContain('Source:');
  });

  it('fails cleanly, leaving no partial file, when the folder does not exist', async () => {
    const r = await lgo('export', 'payments', '-o', 'no/such/folder/p.csv');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot write (the folder does not exist)');
  });

  it('replaces an existing file only when the export succeeds', async () => {
    const file = path.join(dir, 'keep.csv');
    fs.writeFileSync(file, 'old');
    expect((await lgo('export', 'payments', '--columns', 'nope', '-o', 'keep.csv')).code).toBe(2);
    expect(fs.readFileSync(file, 'utf8')).toBe('old');
    expect((await lgo('export', 'payments', '-o', 'keep.csv')).code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^ref,/);
  });
});
