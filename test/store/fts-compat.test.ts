/**
 * The database opens in older SQLite: the full-text table uses no option newer than 3.31, holds
 * the text it indexed (FTS5's own integrity-check, after an update and a removal), and Debian's
 * `sqlite3` CLI (3.40 in Debian 12, where contentless_delete, 3.43+, failed) runs a snippet()
 * query like the docs' example. The CLI check is skipped, saying so, when the binary is absent.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStore } from '../../src/store/build.js';
import { openStore } from '../../src/store/open.js';
import { SCHEMA_SQL } from '../../src/store/schema.js';
import { ftsText } from '../../src/store/write.js';
import type { DecisionRecord } from '../../src/schema/record.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
let dir: string;
let dbPath: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(ROOT, '.tmp-fts-compat-'));
  dbPath = path.join(dir, 'decisions.sqlite');
  const corpus = path.join(dir, 'corpus');
  fs.cpSync(path.join(ROOT, 'corpus'), corpus, { recursive: true });
  await buildStore({ corpusDir: corpus, dbPath, full: true });
  // An update and a removal: both read the old text back through the view.
  const first = fs.readdirSync(corpus).filter((n) => n.endsWith('.txt')).sort();
  fs.appendFileSync(path.join(corpus, first[0]!), '\n');
  fs.writeFileSync(path.join(corpus, first[0]!), fs.readFileSync(path.join(corpus, first[0]!), 'utf8').replace('Summary: ', 'Summary: Zygomorphic wording added. '));
  fs.rmSync(path.join(corpus, first[1]!));
  await buildStore({ corpusDir: corpus, dbPath });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the full-text table', () => {
  it('uses no FTS5 option newer than SQLite 3.31', () => {
    expect(SCHEMA_SQL).not.toMatch(/contentless_delete|secure-delete|contentless_unindexed|locale/);
  });

  it('holds the indexed text of each decision, after an update and a removal', () => {
    const db = openStore(dbPath);
    // rank = 1 makes FTS5 compare the index with the content table, row by row.
    expect(() => db.prepare("INSERT INTO decisions_fts (decisions_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    const rows = db.prepare('SELECT f.summary, f.headings, f.organisation, f.body, r.record_json FROM decisions_fts f JOIN records r ON r.decision_id = f.rowid').all() as (ReturnType<typeof ftsText> & { record_json: string })[];
    expect(rows.length).toBe(4);
    for (const row of rows) {
      const expected = ftsText(JSON.parse(row.record_json) as DecisionRecord);
      expect({ summary: row.summary, headings: row.headings, organisation: row.organisation, body: row.body }).toEqual(expected);
    }
    expect(db.prepare("SELECT count(*) FROM decisions_fts WHERE decisions_fts MATCH 'zygomorphic'").pluck().get()).toBe(1);
    db.close();
  });

  const cli = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' });
  const haveCli = cli.status === 0;
  if (!haveCli) console.warn('fts-compat: skipping the sqlite3 CLI check: no `sqlite3` binary on PATH (apt-get install -y sqlite3)');
  it.skipIf(!haveCli)(`runs the docs' snippet() query in the sqlite3 CLI (${haveCli ? cli.stdout.split(' ')[0] : 'absent'})`, () => {
    const sql = "SELECT d.ref, snippet(decisions_fts, 0, '[', ']', '…', 8) FROM decisions_fts JOIN decisions d ON d.id = decisions_fts.rowid WHERE decisions_fts MATCH 'summary: council' ORDER BY rank LIMIT 3;";
    const r = spawnSync('sqlite3', ['-readonly', dbPath, sql], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^\d\d \d{3} \d{3}\|.*\[council\]/i);
  });

  const py = spawnSync('python3', ['-c', 'import sqlite3; print(sqlite3.sqlite_version)'], { encoding: 'utf8' });
  const havePy = py.status === 0;
  if (!havePy) console.warn('fts-compat: skipping the Python check: no python3 with sqlite3 on PATH');
  it.skipIf(!havePy)(`runs a full-text query from Python's sqlite3 (SQLite ${havePy ? py.stdout.trim() : 'absent'})`, () => {
    const script = [
      'import sqlite3, sys',
      'db = sqlite3.connect(sys.argv[1])',
      "rows = db.execute(\"SELECT d.ref, snippet(decisions_fts, 0, '[', ']', '...', 12) FROM decisions_fts JOIN decisions d ON d.id = decisions_fts.rowid WHERE decisions_fts MATCH 'summary: council' ORDER BY bm25(decisions_fts, 8, 4, 2, 1) LIMIT 2\").fetchall()",
      'print(len(rows), rows[0][1])',
    ].join('\n');
    const r = spawnSync('python3', ['-c', script, dbPath], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^2 .*\[council\]/i);
  });
});
