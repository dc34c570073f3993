/**
 * The analyst views (store/views.ts) and the three example queries docs/search.md gives for them,
 * run through better-sqlite3 and, when it is installed, through Debian's `sqlite3` command (an
 * older SQLite than the one better-sqlite3 bundles: the views must work there too).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalUrl, slug } from '../../src/export/url.js';
import { slugSql } from '../../src/store/views.js';
import { buildFixtureStore, FIXTURE } from '../helpers/export-fixture.js';

const DOC = fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', 'docs', 'search.md'), 'utf8');

/** The SQL block under the views heading, split into its statements. */
function documentedQueries(): string[] {
  const at = DOC.indexOf('### Views: one row per payment, remedy or decision');
  const block = /```sql\n([\s\S]*?)```/.exec(DOC.slice(at))![1]!;
  return block.split(';').map((q) => q.replace(/^--.*$/gm, '').trim()).filter(Boolean);
}

const SQLITE3 = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' });
const hasCli = SQLITE3.status === 0;
if (!hasCli) console.warn("views.test.ts: Debian's sqlite3 command is not installed, so the views are checked with better-sqlite3 only (apt-get install -y sqlite3)");

let dir: string;
let file: string;
let db: Database.Database;
beforeAll(async () => {
  ({ dir, db: file } = await buildFixtureStore());
  db = new Database(file, { readonly: true });
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('analyst views', () => {
  it('payment_rows has one row per payment with the decision beside it, in the documented columns', () => {
    const rows = db.prepare('SELECT * FROM payment_rows ORDER BY decision_date, ref, position').all() as Record<string, unknown>[];
    expect(rows).toHaveLength(FIXTURE.reduce((n, d) => n + d.payments.length, 0));
    expect(Object.keys(rows[0]!).slice(0, 13)).toEqual(['ref', 'organisation', 'category', 'subcategory', 'outcome', 'decision_date', 'year', 'amount', 'recipient', 'purpose', 'status', 'url', 'source_sentence']);
    expect(rows.find((r) => r.amount === 2750.5)).toMatchObject({ ref: '22 000 202', organisation: 'Cheshire East Council', year: 2022, status: 'agreed', source_sentence: '-2+3 "quoted", with a comma; and £2,750.50' });
  });

  it('remedy_rows and decision_rows cover every remedy and decision', () => {
    expect(db.prepare('SELECT count(*) FROM remedy_rows').pluck().get()).toBe(FIXTURE.reduce((n, d) => n + d.remedies.length, 0));
    const d = db.prepare("SELECT * FROM decision_rows WHERE ref = '21 000 101'").get() as Record<string, unknown>;
    expect(d).toMatchObject({ payment_total: 1200, payment_count: 2, remedy_kinds: 'apology, payment', year: 2021, summary: 'Child in Need meetings were not held.' });
  });

  it('the url is the page\'s, else built the way exports build it', () => {
    const urls = db.prepare('SELECT ref, url FROM decision_rows').all() as { ref: string; url: string }[];
    for (const d of FIXTURE) expect(urls.find((u) => u.ref === d.ref)!.url, d.ref).toBe(canonicalUrl(d));
    expect(urls.find((u) => u.ref === '21 000 404')!.url).toBe('https://www.lgo.org.uk/decisions/adult-care-services/assessment-and-care-plan/21-000-404');
  });

  it('the SQL slug agrees with the JavaScript one on real category names', () => {
    const names = ["Children's care services", 'Adult care services', 'Planning & development', 'Benefits and tax', 'Other Categories', 'COVID-19', 'Education', 'Highways and transport', 'Special educational needs (SEN)', 'Residential care / nursing'];
    const mem = new Database(':memory:');
    for (const n of names) expect(mem.prepare(`SELECT ${slugSql('?')}`).pluck().get(n), n).toBe(slug(n));
    mem.close();
  });

  it('the three example queries in docs/search.md run and answer sensibly', () => {
    const queries = documentedQueries();
    expect(queries).toHaveLength(3);
    const [perCouncil, apologies, upheld] = queries.map((q) => db.prepare(q).all() as Record<string, unknown>[]);
    expect(perCouncil![0]).toEqual({ organisation: 'Cheshire East Council', year: 2022, payments: 1, total: 2750.5 });
    expect(apologies!.map((r) => r.ref)).toEqual(['22 000 202', '21 000 404', '21 000 101']);
    expect(upheld!.find((r) => r.category === 'Adult care services')).toEqual({ category: 'Adult care services', upheld: 2, not_upheld: 1, upheld_pct: 66.7 });
  });

  it.skipIf(!hasCli)(`the views and the example queries work in Debian's sqlite3 command too (${hasCli ? SQLITE3.stdout.trim().split(' ')[0] : 'not installed'})`, () => {
    for (const q of documentedQueries()) {
      const out = execFileSync('sqlite3', ['-readonly', '-json', file, `${q};`], { encoding: 'utf8' });
      expect(JSON.parse(out || '[]'), q).toEqual(db.prepare(q).all());
    }
  });
});
