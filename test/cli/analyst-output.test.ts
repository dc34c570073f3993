/**
 * What an analyst gets from export, search and stats (issue #12): a filter typo is an error in
 * every command, the file is in the format its name says (real XLSX, TSV, PNG) or the call is
 * refused, every CSV can be guarded for spreadsheets, and the smaller promises (canonical url,
 * status column, years in order, counts beside percentages, format aliases, -o on search, plurals).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLgo } from '../helpers/io.js';
import { buildFixtureStore, FIXTURE } from '../helpers/export-fixture.js';
import { makeRecord } from '../helpers/records.js';

let dir: string;
let db: string;
beforeAll(async () => {
  // The fixture plus one decision whose organisation is a formula, to test the guard in every CSV.
  const formula = makeRecord({ ref: '20 000 909', organisation: '=HYPERLINK("http://example.test","Council")', category: 'Housing', subcategory: 'Other', outcome: 'Upheld', decisionDate: '2020-02-02', url: null, summary: 'A formula in the name.' });
  ({ dir, db } = await buildFixtureStore([...FIXTURE, formula]));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const lgo = (...args: string[]) => runLgo(args, { env: { LGO_DB: db }, cwd: dir });
const file = (name: string) => path.join(dir, name);

describe('a filter value no decision has is an error everywhere', () => {
  it.each([
    [['export', 'payments', '--organisation', 'Chesire East', '-o', 'typo.csv']],
    [['export', 'decisions', '--category', 'Adult cares services', '-o', 'typo.csv']],
    [['stats', '--organisation', 'Chesire East']],
    [['stats', '--by', 'year', '--outcome', 'uphld', '-o', 'typo.csv']],
    [['search', 'council', '--organisation', 'Chesire East']],
  ])('lgo %j exits 2 with "did you mean" and writes nothing', async (args) => {
    const r = await lgo(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^lgo: no decision has --(organisation|category|outcome) "[^"]+"; did you mean "(Cheshire East Council|Adult care services|Upheld)"/);
    expect(fs.existsSync(file('typo.csv'))).toBe(false);
  });

  it('a query word that is in no decision is refused with the corrected query, in export and stats', async () => {
    for (const args of [['export', 'payments', 'carre'], ['stats', 'carre', '--by', 'year']]) {
      const r = await lgo(...args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^lgo: no decision matches the query "carre"; did you mean "care"\?/);
    }
  });

  it('a real value that matches nothing in combination is still an empty, valid export', async () => {
    const r = await lgo('export', 'payments', '--organisation', 'Cheshire East', '--from', '2024');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\r\n')).toHaveLength(1);
  });
});

describe('the format follows the file name, or the call is refused', () => {
  it('-o payments.xlsx writes a real workbook: typed cells, frozen header, autofilter, attribution sheet', async () => {
    const r = await lgo('export', 'payments', '-o', 'payments.xlsx');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('exported 5 payment rows to payments.xlsx');
    expect(fs.existsSync(file('payments.xlsx.attribution.txt'))).toBe(false);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file('payments.xlsx'));
    const [data, source] = book.worksheets;
    expect(data!.getRow(1).values).toEqual(expect.arrayContaining(['ref', 'decisionDate', 'amount', 'url', 'status']));
    const header = (data!.getRow(1).values as string[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(data!.rowCount).toBe(6);
    const big = data!.getRow(6);
    expect(big.getCell(col('ref')).value).toBe('22 000 202');
    expect(big.getCell(col('amount')).value).toBe(2750.5);
    expect(big.getCell(col('decisionDate')).value).toEqual(new Date(Date.UTC(2022, 2, 10)));
    expect(big.getCell(col('recipient')).value).toBe('=HYPERLINK("http://example.test","x")'); // text, not a formula
    expect(big.getCell(col('recipient')).type).toBe(ExcelJS.ValueType.String);
    expect(data!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(data!.autoFilter).toBe(`A1:${String.fromCharCode(64 + header.length)}6`);
    // LibreOffice shows the filter buttons only with Excel's sheet-local name for the range.
    expect(book.definedNames.model).toContainEqual(expect.objectContaining({ name: '_xlnm._FilterDatabase', ranges: [`data!$A$1:$${String.fromCharCode(64 + header.length)}$6`] }));
    expect(source!.name).toBe('Source');
    expect(String(source!.getCell('A2').value)).toMatch(/^Source: Local Government and Social Care Ombudsman/);
  });

  it('-o x.tsv writes tabs, one line per row, no quoting', async () => {
    const r = await lgo('export', 'payments', '-o', 'p.tsv');
    expect(r.code, r.stderr).toBe(0);
    const lines = fs.readFileSync(file('p.tsv'), 'utf8').replace(/\r?\n$/, '').split(/\r?\n/); // not trimEnd: a last row may end in empty cells
    expect(lines).toHaveLength(6);
    expect(lines.every((l) => l.split('\t').length === lines[0]!.split('\t').length)).toBe(true);
    expect(lines.find((l) => l.startsWith('22 000 202'))).toContain('\t-2+3 "quoted", with a comma; and £2,750.50\t');
  });

  it.each([
    [['export', 'payments', '-o', 'p.xls'], /cannot tell the format of -o p\.xls: it asks for the old Excel format/],
    [['export', 'payments', '-o', 'p.txt'], /cannot tell the format of -o p\.txt: it ends in \.txt/],
    [['export', 'payments', '-o', 'payments'], /cannot tell the format of -o payments: it has no extension/],
    [['export', 'payments', '--format', 'csv', '-o', 'p.xlsx'], /-o p\.xlsx is named as XLSX but the format asked for is CSV/],
    [['export', 'payments', '--format', 'xlsx'], /XLSX is a binary file, not for standard output/],
    [['export', 'payments', '--csv', '--json'], /the format is given twice/],
    [['stats', '--by', 'year', '--chart', 'c.pdf'], /--chart c\.pdf: a chart is written as \.svg or \.png/],
    [['stats', '--by', 'year', '--excel'], /--excel is for CSV or TSV/],
    [['search', 'council', '-o', 'hits.xls'], /cannot tell the format of -o hits\.xls/],
  ])('lgo %j is refused with a hint', async (args, message) => {
    const r = await lgo(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/\nhint: /);
    expect(fs.readdirSync(dir).filter((f) => /^(p|payments|hits)\.|^c\.pdf$/.test(f) && !f.startsWith('payments.xlsx') && !f.startsWith('p.tsv'))).toEqual([]);
  });

  it('--chart c.png writes a PNG image rendered from the chart', async () => {
    const r = await lgo('stats', '--by', 'organisation', '--chart', 'c.png');
    expect(r.code, r.stderr).toBe(0);
    const png = fs.readFileSync(file('c.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(1920); // width: the 960-pixel SVG at twice the size
  });

  it('stats and search write XLSX and TSV too', async () => {
    expect((await lgo('stats', '--by', 'year', '-o', 'years.xlsx')).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file('years.xlsx'));
    expect(book.worksheets[0]!.getRow(1).values).toEqual(expect.arrayContaining(['year', 'decisions', 'upheldShare']));
    const r = await lgo('search', 'council', '--tsv');
    expect(r.stdout.split('\n')[0]).toBe('ref\torganisation\tdecisionDate\toutcome\tcategory\tsubcategory\tpaymentTotal\turl\tscore\tsnippet');
  });
});

describe('every CSV the tool writes can be guarded for spreadsheets (--excel)', () => {
  it('lgo search --csv --excel makes formula cells inert; without --excel they are as stored', async () => {
    const guarded = await lgo('search', 'formula', '--csv', '--excel');
    expect(guarded.code, guarded.stderr).toBe(0);
    expect(guarded.stdout.startsWith('\uFEFF')).toBe(true);
    const [hit] = parse(guarded.stdout, { columns: true, bom: true }) as Record<string, string>[];
    expect(hit!.organisation).toBe('\'=HYPERLINK("http://example.test","Council")');
    const plain = parse((await lgo('search', 'formula', '--csv')).stdout, { columns: true }) as Record<string, string>[];
    expect(plain[0]!.organisation).toBe('=HYPERLINK("http://example.test","Council")');
  });

  it('lgo stats --format csv --excel makes formula cells inert', async () => {
    const r = await lgo('stats', '--by', 'organisation', '--format', 'csv', '--excel');
    expect(r.code, r.stderr).toBe(0);
    const rows = parse(r.stdout, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((x) => x.organisation)).toContain('\'=HYPERLINK("http://example.test","Council")');
    expect(rows.every((x) => !x.organisation!.startsWith('='))).toBe(true);
  });
});

describe('smaller things an analyst notices', () => {
  it('exports carry a canonical url even when the page gave none, and status by default', async () => {
    const rows = parse((await lgo('export', 'payments')).stdout, { columns: true }) as Record<string, string>[];
    const noUrl = rows.find((x) => x.ref === '21 000 404')!;
    expect(noUrl.url).toBe('https://www.lgo.org.uk/decisions/adult-care-services/assessment-and-care-plan/21-000-404');
    expect(rows.map((x) => x.status)).toEqual(['endorsed_offer', 'endorsed_offer', 'agreed', 'agreed', 'agreed']);
    const decisions = parse((await lgo('export', 'decisions')).stdout, { columns: true }) as Record<string, string>[];
    expect(decisions.find((x) => x.ref === '20 000 909')!.url).toBe('https://www.lgo.org.uk/decisions/housing/other/20-000-909');
  });

  it('stats --by year lists years in order, percentages with their counts', async () => {
    const r = await lgo('stats', '--by', 'year');
    const years = r.stdout.split('\n').slice(2).map((l) => l.split(/\s+/)[0]).filter((y) => y && y !== 'All');
    expect(years).toEqual(['2020', '2021', '2022', '(unknown)']);
    expect(r.stdout).toMatch(/\n2022\s+2\s+50% \(1\/2\)\s/);
  });

  it('--csv, --tsv, --json and --nl are the formats of the same name', async () => {
    const csv = await lgo('export', 'decisions', '--csv');
    expect(csv.stdout.split('\r\n')[0]).toMatch(/^ref,organisation,/);
    const json = JSON.parse((await lgo('stats', '--by', 'year', '--json')).stdout);
    expect(json.by).toEqual(['year']);
    const nl = (await lgo('search', 'council', '--nl')).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(nl.length).toBeGreaterThan(1);
    expect(nl[0]).toHaveProperty('decisionDate');
  });

  it('search and export CSVs name the same fields the same way', async () => {
    const searchHeader = (await lgo('search', 'council', '--csv')).stdout.split('\r\n')[0]!.split(',');
    const exportHeader = (await lgo('export', 'decisions', '--csv', '--columns', 'ref,organisation,decisionDate,outcome,category,subcategory,paymentTotal,url')).stdout.split('\r\n')[0]!.split(',');
    expect(searchHeader.slice(0, 8).sort()).toEqual(exportHeader.sort());
  });

  it('lgo search -o writes the file (atomically) and says how many hits went in', async () => {
    const r = await lgo('search', 'council', '-o', 'hits.csv');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^\d+ decisions match \(\d+ written to hits\.csv\)\n$/);
    expect(parse(fs.readFileSync(file('hits.csv'), 'utf8'), { columns: true }).length).toBeGreaterThan(1);
    expect(fs.existsSync(file('hits.csv.attribution.txt'))).toBe(true);
  });

  it('counts read as English: "1 decision matches", "2 decisions match"', async () => {
    expect((await lgo('search', 'formula')).stderr).toBe('1 decision matches (showing 1-1)\n');
    expect((await lgo('search', 'Wirral')).stderr).toBe('2 decisions match (showing 1-2)\n');
  });
});
