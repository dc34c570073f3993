/**
 * The web application through its request handler (no socket): pages, 400s without stack traces,
 * the security headers, inert hostile text, and downloads equal to the export code's output.
 */
import fs from 'node:fs';
import { Writable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../src/export/run.js';
import { createApp, CSP } from '../../src/serve/app.js';
import { openStore, type Store } from '../../src/store/open.js';
import { buildServeStore, HOSTILE_REF } from './fixture.js';

let dir: string;
let dbPath: string;
let db: Store;
let app: ReturnType<typeof createApp>;
const logged: string[] = [];

beforeAll(async () => {
  ({ dir, db: dbPath } = await buildServeStore());
  db = openStore(dbPath, { readonly: true });
  app = createApp({ db, dbPath, log: (l) => logged.push(l) });
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const get = async (path: string) => {
  const res = await app.request(`http://127.0.0.1${path}`);
  return { res, body: await res.text() };
};

/** Signs of a leaked stack trace or source path. */
const STACK = /\bat .+\(|\.ts:\d+|node_modules|Error:/;

describe('pages', () => {
  it('the search page lists matches with highlighted snippets, facets with counts and sort links', async () => {
    const { res, body } = await get('/?q=assessment');
    expect(res.status).toBe(200);
    expect(body).toMatch(/\d+ decisions? match/);
    expect(body).toContain('<mark>assessment</mark>');
    expect(body).toMatch(/<h2>Outcome<\/h2><ul><li><a href="\?q=assessment&amp;outcome=Upheld">Upheld<\/a><span class="count">\d+<\/span>/);
    expect(body).toContain('href="?q=assessment&amp;sort=date"');
  });

  it('a facet narrows the results and shows as a removable filter', async () => {
    const all = await get('/?q=council');
    const upheld = await get('/?q=council&outcome=Upheld');
    const count = (b: string) => Number(/(\d+) decisions? match/.exec(b)?.[1]);
    expect(count(upheld.body)).toBeLessThan(count(all.body));
    expect(upheld.body).toContain('aria-label="Remove filter outcome: Upheld"');
    expect(upheld.body).not.toMatch(/Not upheld · /);
  });

  it('facet counts add up to the matches, and each count is what choosing it finds', async () => {
    const { body } = await get('/?q=council');
    const total = Number(/(\d+) decisions? match/.exec(body)?.[1]);
    const outcomes = /<h2>Outcome<\/h2><ul>(.*?)<\/ul>/s.exec(body)![1]!;
    const counts = [...outcomes.matchAll(/<a href="([^"]+)">[^<]+<\/a><span class="count">(\d+)<\/span>/g)].map((m) => [m[1]!.replace(/&amp;/g, '&'), Number(m[2])] as const);
    expect(counts.reduce((n, [, c]) => n + c, 0)).toBe(total);
    for (const [href, count] of counts) {
      const narrowed = await get(`/${href}`);
      expect(Number(/(\d+) decisions? match/.exec(narrowed.body)?.[1])).toBe(count);
    }
  });

  it('a page past the last match links back to the first', async () => {
    const { res, body } = await get('/?q=assessment&page=40');
    expect(res.status).toBe(200);
    expect(body).toContain('This page is past the last match: <a href="?q=assessment">go to the first page</a>.');
  });

  it('a misspelt query offers the corrected one', async () => {
    const { body } = await get('/?q=assesment');
    expect(body).toContain('Did you mean <a href="?q=assessment">assessment</a>?');
  });

  it('an organisation filter no decision has says which names are close', async () => {
    const { body } = await get('/?organisation=Chesire%20East');
    expect(body).toContain('did you mean &quot;Cheshire East Council&quot;?');
  });

  it('the decision page numbers paragraphs as the decision cites them, once each, and marks payments where their source says', async () => {
    const { body } = await get('/decision/23-004-560');
    expect(body).toContain('<div class="para" id="para-28f"><a class="pn" href="#para-28f" aria-label="paragraph 28 (f)">28 (f).</a>');
    const ids = [...body.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(40);
    expect(new Set(ids).size).toBe(ids.length);
    // payments[].source points at section 24, paragraphs 2 and 4: the marks stand there.
    const s25 = /<section id="s25"[\s\S]*?<\/section>/.exec(body)![0];
    expect(s25.match(/<mark[^>]*id="pay-\d"/g)).toHaveLength(2);
  });

  it('the decision page links each amount to its sentence, marked in the text', async () => {
    const { res, body } = await get('/decision/21-008-070');
    expect(res.status).toBe(200);
    const links = [...body.matchAll(/<a href="#(pay-\d+)" data-sentence="\1"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    for (const id of links) expect(body).toMatch(new RegExp(`<mark id="${id}" tabindex="-1">[^<]*£`));
    expect(body).toContain('href="https://www.lgo.org.uk/decisions/adult-care-services/assessment-and-care-plan/21-008-070"');
    expect(body).toContain('<div class="para" id="para-1"><a class="pn" href="#para-1" aria-label="paragraph 1">1.</a>');
    expect(body).toContain('<h2 id="similar">Similar decisions</h2>');
  });

  it('the payments page shows the selection\'s rows, the charts and download links', async () => {
    const { body } = await get('/payments?category=Children%27s%20care%20services');
    expect(body).toMatch(/<svg role="img" aria-label="Payments total \(£\) by organisation"/);
    expect(body).toContain('href="/download/payments.csv?category=Children%27s+care+services"');
    expect(body).toContain('href="/download/payments.jsonl?category=Children%27s+care+services"');
    expect(body).toContain('href="/download/payments.xlsx?category=Children%27s+care+services" download>Excel (XLSX)</a>');
  });
});

describe('bad requests and security', () => {
  it.each([
    ['/?year=20x1', 'year "20x1" is not a year'],
    ['/?sort=random', 'unknown sort'],
    ['/?page=0', 'is not a page number'],
    ['/?page=99999', 'is not a page number'],
    ['/?remedy=hugs', 'unknown --remedy'],
    ['/?band=lots', 'unknown payment band'],
    ['/?q=%22unclosed', 'unclosed quote'],
    ['/decision/not-a-ref', 'is not a decision reference'],
    ['/download/payments.exe', 'no download'],
    ['/download/..%2F..%2Fetc%2Fpasswd', 'no download'],
    ['/payments?year=1x', 'is not a year'],
  ])('%s is a 400 page saying why, without a stack trace', async (path, message) => {
    const { res, body } = await get(path);
    expect(res.status).toBe(400);
    expect(body).toContain(message.replace(/"/g, '&quot;'));
    expect(body).not.toMatch(STACK);
  });

  it('an unknown decision or path is a 404; no URL reaches the file system', async () => {
    expect((await get('/decision/99-999-999')).res.status).toBe(404);
    for (const path of ['/assets/../../package.json', '/assets/%2e%2e%2fpackage.json', '/etc/passwd', '/assets/style.css']) {
      const { res, body } = await get(path);
      expect(res.status).toBe(404);
      expect(body).not.toContain('"name": "lgo-decisions"');
    }
  });

  it('the API answers a bad kind with a JSON 400', async () => {
    const { res, body } = await get('/api/complete?kind=password');
    expect(res.status).toBe(400);
    expect(JSON.parse(body).error).toContain('unknown completion kind');
    expect(JSON.parse((await get('/api/complete?kind=organisation&prefix=Chesh')).body)).toContain('Cheshire East Council');
  });

  it('every response carries the CSP, without unsafe-inline', async () => {
    for (const path of ['/', '/decision/21-008-070', '/payments', '/nothing', '/?year=x']) {
      const { res } = await get(path);
      expect(res.headers.get('content-security-policy')).toBe(CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(CSP).not.toContain('unsafe');
    expect(CSP).toContain("script-src 'self'");
  });

  it('hostile decision text renders as text: no markup, no javascript: link', async () => {
    for (const path of [`/decision/${HOSTILE_REF.replace(/ /g, '-')}`, '/?q=alert', '/payments?category=Housing']) {
      const { res, body } = await get(path);
      expect(res.status).toBe(200);
      expect(body).not.toMatch(/<script>alert|<img src=x|<svg onload|<iframe|<style>body|href="javascript:/i);
      expect(body).not.toMatch(/<script(?![^>]*src="\/assets\/app-[0-9a-f]+\.js" defer><\/script>)/);
    }
    const { body } = await get(`/decision/${HOSTILE_REF.replace(/ /g, '-')}`);
    expect(body).toContain('&lt;script&gt;alert(&quot;org&quot;)&lt;/script&gt; Borough Council');
    expect(body).toContain('address not known');
  });
});

describe('downloads', () => {
  async function exported(format: 'csv' | 'jsonl', filters: Record<string, string>): Promise<string> {
    const chunks: Buffer[] = [];
    const sink = new Writable({ write: (c, _e, cb) => (chunks.push(Buffer.from(c)), cb()) });
    await runExport({ db, kind: 'payments', selection: { query: '', filters }, format, excel: format === 'csv', date: new Date().toISOString().slice(0, 10) }, sink);
    return Buffer.concat(chunks).toString('utf8');
  }

  it('a CSV download is `lgo export payments --excel` of the same selection, byte for byte', async () => {
    const res = await app.request('http://127.0.0.1/download/payments.csv?category=Children%27s%20care%20services');
    // The bytes, BOM included (Response.text() would drop it).
    const body = Buffer.from(await res.arrayBuffer()).toString('utf8');
    expect(res.status).toBe(200);
    expect(body.startsWith('\uFEFFref,')).toBe(true);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="lgo-payments-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(body).toBe(await exported('csv', { category: "Children's care services" }));
    const rows = parseCsv(body, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(2);
    expect(new Set(rows.map((r) => r.category))).toEqual(new Set(["Children's care services"]));
  });

  it('an XLSX download is `lgo export payments -o x.xlsx` of the same selection: the CSV\'s rows as typed cells, attribution on its own sheet', async () => {
    const res = await app.request('http://127.0.0.1/download/payments.xlsx?category=Children%27s%20care%20services');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="lgo-payments-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const [data, source] = book.worksheets;
    const csv = parseCsv(await exported('csv', { category: "Children's care services" }), { bom: true }) as string[][];
    expect((data!.getRow(1).values as string[]).slice(1)).toEqual(csv[0]);
    expect(data!.rowCount).toBe(csv.length);
    const header = csv[0]!;
    const cell = (row: number, name: string) => data!.getRow(row).getCell(header.indexOf(name) + 1).value;
    csv.slice(1).forEach((r, i) => {
      expect(cell(i + 2, 'ref')).toBe(r[header.indexOf('ref')]);
      expect(cell(i + 2, 'amount')).toBe(Number(r[header.indexOf('amount')]));
    });
    expect(String(source!.getCell('A2').value)).toMatch(/^Source: Local Government and Social Care Ombudsman/);
  });

  it('a JSON Lines download holds the query\'s payments', async () => {
    const { res, body } = await get('/download/payments.jsonl?q=distress&year=2021');
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    const rows = body.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { year: number });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.year === 2021)).toBe(true);
  });

  it('the hostile record is formula-guarded in the CSV', async () => {
    const { body } = await get('/download/payments.csv?category=Housing');
    expect(body).toContain('Mr <script>x</script>');
    expect(logged).toEqual([]);
  });
});
