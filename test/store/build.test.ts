import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.js';
import { buildStore } from '../../src/store/build.js';
import { wordsStartingWith } from '../../src/store/lookups.js';
import { openStore } from '../../src/store/open.js';
import { searchStore } from '../../src/search/engine.js';
import { jsonParse, makeRecord, tempDir, withPayment, writeRecordPage } from '../helpers/records.js';

let dir: string;
let corpus: string;
let dbPath: string;
const build = (extra: { full?: boolean } = {}) => buildStore({ corpusDir: corpus, dbPath, parse: jsonParse, ...extra });
const refs = (): string[] => {
  const db = openStore(dbPath, { readonly: true });
  const r = (db.prepare('SELECT ref FROM decisions ORDER BY ref').all() as { ref: string }[]).map((x) => x.ref);
  db.close();
  return r;
};

beforeEach(() => {
  dir = tempDir();
  corpus = path.join(dir, 'corpus');
  dbPath = path.join(dir, 'index', 'decisions.sqlite');
  writeRecordPage(corpus, 'a.txt', makeRecord({ ref: '21 000 001', ...withPayment(250) }));
  writeRecordPage(corpus, 'raw/b.html', makeRecord({ ref: '21 000 002', organisation: 'Cheshire East Council' }));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('buildStore', () => {
  it('builds every decision page, skipping sidecars, versions/ and hidden files', async () => {
    fs.writeFileSync(path.join(corpus, 'raw/b.html.meta.json'), JSON.stringify({ url: 'https://www.lgo.org.uk/decisions/x/y/21-000-002' }));
    writeRecordPage(corpus, 'raw/versions/b-old.html', makeRecord({ ref: '21 000 009' }));
    writeRecordPage(corpus, '.hidden.txt', makeRecord({ ref: '21 000 008' }));
    fs.writeFileSync(path.join(corpus, 'notes.json'), '{}');
    const stats = await build();
    expect(stats).toMatchObject({ full: true, files: 2, added: 2, skipped: 0, decisions: 2 });
    const db = openStore(dbPath, { readonly: true });
    expect(db.prepare("SELECT url FROM decisions WHERE ref = '21 000 002'").get()).toEqual({ url: 'https://www.lgo.org.uk/decisions/x/y/21-000-002' });
    expect(db.prepare('SELECT kind, amount FROM remedies JOIN payments USING (decision_id) ORDER BY kind').all()).toEqual([
      { kind: 'apology', amount: 250 },
      { kind: 'payment', amount: 250 },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM sections').get()).toEqual({ n: 4 });
    db.close();
  });

  it('parses only new or changed pages and removes decisions whose page is gone', async () => {
    await build();
    writeRecordPage(corpus, 'c.txt', makeRecord({ ref: '22 000 003' }));
    writeRecordPage(corpus, 'a.txt', makeRecord({ ref: '21 000 001', summary: 'Changed summary about housing.' }));
    fs.rmSync(path.join(corpus, 'raw/b.html'));
    const stats = await build();
    expect(stats).toMatchObject({ full: false, parsed: 2, added: 1, updated: 1, removed: 1, unchanged: 0, decisions: 2 });
    expect(refs()).toEqual(['21 000 001', '22 000 003']);
    const again = await build();
    expect(again).toMatchObject({ parsed: 0, unchanged: 2, added: 0, removed: 0 });
  });

  it('does not re-parse a page whose timestamp changed but bytes did not', async () => {
    await build();
    const t = new Date(Date.now() + 5000);
    fs.utimesSync(path.join(corpus, 'a.txt'), t, t);
    expect(await build()).toMatchObject({ parsed: 0, unchanged: 2 });
  });

  it('warns about a page that is not a decision and keeps going', async () => {
    fs.writeFileSync(path.join(corpus, 'cookie-wall.html'), '<html>Review your privacy settings</html>');
    const warnings: string[] = [];
    const stats = await buildStore({ corpusDir: corpus, dbPath, parse: jsonParse, onWarning: (w) => warnings.push(w) });
    expect(stats).toMatchObject({ added: 2, skipped: 1 });
    expect(warnings).toEqual(['cookie-wall.html: not a decision page, skipped']);
  });

  it('keeps one decision read from two pages and re-reads the other when the first goes', async () => {
    writeRecordPage(corpus, 'z-copy.txt', makeRecord({ ref: '21 000 001', summary: 'The copy.' }));
    const stats = await build();
    expect(stats).toMatchObject({ added: 2, skipped: 1 });
    fs.rmSync(path.join(corpus, 'a.txt'));
    await build();
    const db = openStore(dbPath, { readonly: true });
    expect(db.prepare("SELECT summary, source_path FROM decisions JOIN records ON decision_id = id WHERE ref = '21 000 001'").get()).toEqual({ summary: 'The copy.', source_path: 'z-copy.txt' });
    db.close();
  });

  it('leaves the previous database usable when a build fails part-way', async () => {
    await build();
    writeRecordPage(corpus, 'c.txt', makeRecord({ ref: '22 000 003' }));
    const crash = (): never => {
      throw new Error('disk on fire');
    };
    // A crash outside the parser (here: in progress reporting) aborts the build.
    const boom = () => {
      throw new Error('interrupted');
    };
    await expect(buildStore({ corpusDir: corpus, dbPath, parse: jsonParse, onProgress: boom })).rejects.toThrow('interrupted');
    expect(refs()).toEqual(['21 000 001', '21 000 002']);
    await expect(buildStore({ corpusDir: corpus, dbPath, parse: jsonParse, full: true, onProgress: boom })).rejects.toThrow('interrupted');
    expect(refs()).toEqual(['21 000 001', '21 000 002']);
    // Nothing but the database (and the WAL files SQLite keeps beside it while readers come and go).
    const files = () => fs.readdirSync(path.dirname(dbPath)).filter((n) => !/^decisions\.sqlite-(wal|shm)$/.test(n));
    expect(files()).toEqual(['decisions.sqlite']);
    // A parser bug on one page is a warning, not a failed build.
    const stats = await buildStore({ corpusDir: corpus, dbPath, parse: crash });
    expect(stats.warnings).toEqual(['c.txt: unexpected error: disk on fire, skipped']);
    expect(refs()).toEqual(['21 000 001', '21 000 002']);
    // A full build killed outside our control leaves its temp file; the next build removes it.
    fs.writeFileSync(`${dbPath}.tmp-999999999`, 'half-written');
    fs.writeFileSync(`${dbPath}.tmp-999999999-journal`, 'half-written');
    await build();
    expect(files()).toEqual(['decisions.sqlite']);
  });

  it('keeps the word list (for prefixes) and the organisation list up to date', async () => {
    await build();
    const words = (prefix: string) => {
      const db = openStore(dbPath, { readonly: true });
      const out = { terms: wordsStartingWith(db, prefix, 10), organisations: db.prepare('SELECT name, decisions FROM organisations ORDER BY name').all() };
      db.close();
      return out;
    };
    expect(words('cheshi')).toEqual({ terms: ['cheshire'], organisations: [{ name: 'Cheshire East Council', decisions: 1 }, { name: 'Test Borough Council', decisions: 1 }] });
    // An update adds the words it brings, tokenized as the index does (accents folded).
    writeRecordPage(corpus, 'c.txt', makeRecord({ ref: '22 000 003', organisation: 'Leeds City Council', summary: 'Mr C asked about the Zygomorphic Café.' }));
    await build();
    expect(words('zygo').terms).toEqual(['zygomorphic']);
    expect(words('cafe').terms).toEqual(['cafe']);
    expect(words('leed').organisations).toContainEqual({ name: 'Leeds City Council', decisions: 1 });
    const db = openStore(dbPath, { readonly: true });
    expect(searchStore(db, { query: 'zygomorph*', filters: {} }).hits.map((h) => h.ref)).toEqual(['22 000 003']);
    db.close();
  });

  it('rebuilds a database of another schema version, and readers name the fix', async () => {
    await build();
    const raw = new Database(dbPath);
    raw.prepare("UPDATE meta SET value = '0' WHERE key = 'schema_version'").run();
    raw.close();
    expect(() => openStore(dbPath)).toThrow(StoreError);
    try {
      openStore(dbPath);
    } catch (err) {
      expect((err as StoreError).message).toMatch(/has schema version 0, this lgo needs \d+/);
      expect((err as StoreError).hint).toMatch(/lgo build/);
    }
    expect(() => openStore(path.join(dir, 'missing.sqlite'))).toThrow(/no search database at .*missing\.sqlite/);
    const stats = await build();
    expect(stats.full).toBe(true);
    expect(refs()).toEqual(['21 000 001', '21 000 002']);
  });
});
