/**
 * @file Search over the bundled corpus (the five seeds) read by the real parser, and the
 * first-use build a fresh clone gets.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_CORPUS } from '../../src/config.js';
import { searchStore } from '../../src/search/engine.js';
import { normaliseFilters } from '../../src/search/filters.js';
import { markSnippet } from '../../src/search/snippet.js';
import { buildStore } from '../../src/store/build.js';
import { openStore, type Store } from '../../src/store/open.js';
import { runLgo } from '../helpers/io.js';
import { tempDir } from '../helpers/records.js';

let dir: string;
let dbPath: string;
let db: Store;

beforeAll(async () => {
  dir = tempDir();
  dbPath = path.join(dir, 'decisions.sqlite');
  const stats = await buildStore({ corpusDir: BUNDLED_CORPUS, dbPath });
  expect(stats).toMatchObject({ files: 5, added: 5, skipped: 0, decisions: 5 });
  db = openStore(dbPath, { readonly: true });
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const search = (query: string, filters = {}, sort?: 'date' | 'payment') => searchStore(db, { query, filters: normaliseFilters(filters), sort });

describe('search over the seeds', () => {
  it('finds the Child in Need decision first, with the phrase marked in its summary', () => {
    const r = search('"child in need" meetings');
    expect(r.hits[0]!.ref).toBe('19 020 817');
    expect(r.hits[0]!.snippet!.field).toBe('summary');
    expect(markSnippet(r.hits[0]!.snippet!, '[', ']')).toContain('failure to hold [Child in Need] [meetings]');
  });

  it('ranks decisions whose summary matches above those that mention the word in the body', () => {
    const r = search('safeguarding');
    expect(r.total).toBe(4);
    expect(r.hits.map((h) => h.snippet!.field)).toEqual(['summary', expect.not.stringMatching(/^summary$/), expect.anything(), expect.anything()]);
    expect(r.hits[0]!.ref).toBe('19 020 817');
    const statutory = search('statutory').hits;
    expect(statutory.slice(0, 2).map((h) => h.snippet!.field)).toEqual(['summary', 'summary']);
    expect(statutory.slice(2).map((h) => h.snippet!.field)).not.toContain('summary');
  });

  it('filters by organisation, outcome, dates, payments and remedy kind on parsed records', () => {
    expect(search('', { organisation: 'cheshire east' }, 'date').hits.map((h) => h.ref)).toEqual(['23 004 560', '18 010 925']);
    expect(search('council', { from: '2024' }).hits.map((h) => h.ref)).toEqual(['23 004 560']);
    const paid = search('', { minPayment: '1000' }, 'payment').hits;
    expect(paid.map((h) => h.paymentTotal)).toEqual([...paid.map((h) => h.paymentTotal)].sort((a, b) => b - a));
    expect(paid.every((h) => h.paymentTotal >= 1000)).toBe(true);
    expect(search('', { remedy: 'apology' }, 'date').total).toBeGreaterThanOrEqual(3);
  });

  it('leaves boilerplate out of the index', () => {
    expect(search('"review your privacy settings"').total).toBe(0);
    expect(search('logogram').total).toBe(0);
  });
});

describe('first use', () => {
  it('builds the database from the bundled corpus when it is missing, saying so on stderr', async () => {
    const fresh = path.join(dir, 'fresh', 'decisions.sqlite');
    const r = await runLgo(['search', 'child in need', '--limit', '1'], { env: { LGO_DB: fresh } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^lgo: building the search database .*fresh.decisions\.sqlite from .*corpus \(first use\)\.\.\.\nlgo: built 5 decisions in/);
    expect(r.stdout).toMatch(/^19 020 817 {2}Wirral Metropolitan Borough Council/);
    const again = await runLgo(['search', 'child in need', '--limit', '1'], { env: { LGO_DB: fresh } });
    expect(again.stderr).not.toContain('building');
  });

  it('lgo build reports what changed', async () => {
    const db2 = path.join(dir, 'b.sqlite');
    const first = await runLgo(['build', '--db', db2]);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^lgo: built .*b\.sqlite: 5 decisions read from 5 pages; 5 decisions in \d+\.\d s\n$/);
    const second = await runLgo(['build', '--db', db2]);
    expect(second.stderr).toMatch(/updated .*: 0 added, 0 updated, 0 removed, 5 unchanged; 5 decisions/);
  });
});
