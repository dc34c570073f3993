import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStore } from '../../src/store/build.js';
import { runLgo } from '../helpers/io.js';
import { jsonParse, makeRecord, tempDir, withPayment, writeRecordPage } from '../helpers/records.js';

let dir: string;
let db: string;

beforeAll(async () => {
  dir = tempDir();
  const corpus = path.join(dir, 'corpus');
  writeRecordPage(corpus, 'a.txt', makeRecord({ ref: '19 020 817', organisation: 'Wirral Metropolitan Borough Council', summary: 'Mrs X complained about Child in Need meetings.', ...withPayment(300) }));
  writeRecordPage(corpus, 'b.txt', makeRecord({ ref: '23 004 560', organisation: 'Cheshire East Council', outcome: 'Not upheld', decisionDate: '2020-01-02', summary: 'Mr Y complained about a carer’s assessment.' }));
  db = path.join(dir, 'db.sqlite');
  await buildStore({ corpusDir: corpus, dbPath: db, parse: jsonParse });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('lgo search', () => {
  it('prints a plain table with [marked] words, and the count on stderr', async () => {
    const r = await runLgo(['search', 'child in need', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('19 020 817  Wirral Metropolitan Borough Council  2021-06-03  Upheld  £300');
    // Stop words are left out of the query and never marked.
    expect(r.stdout).toContain('Mrs X complained about [Child] in [Need] meetings.');
    expect(r.stderr).toBe('1 decision matches (showing 1-1)\n');
  });

  it('finds a reference typed as the query, and says so when no decision has it', async () => {
    for (const q of ['23-004-560', '23004560', '23 004 560']) {
      const r = await runLgo(['search', q, '--db', db, '--format', 'jsonl']);
      expect(JSON.parse(r.stdout.split('\n')[0]!).ref).toBe('23 004 560');
    }
    const none = await runLgo(['search', '99-999-999', '--db', db]);
    expect(none.stderr).toMatch(/^no decision has the reference 99 999 999, and none cites it\n/);
  });

  it('reads NOT as an operator (#12: it was searched as a word)', async () => {
    const r = await runLgo(['search', 'complained NOT meetings', '--db', db, '--format', 'jsonl']);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).ref)).toEqual(['23 004 560']);
  });

  it('marks words in bold on a terminal', async () => {
    const r = await runLgo(['search', 'meetings', '--db', db], { tty: true });
    expect(r.stdout).toContain('\x1b[1mmeetings\x1b[22m');
  });

  it('honours NO_COLOR on a terminal: [marks] instead of bold', async () => {
    const r = await runLgo(['search', 'meetings', '--db', db], { tty: true, env: { NO_COLOR: '1' } });
    expect(r.stdout).not.toContain('\x1b[');
    expect(r.stdout).toContain('[meetings]');
  });

  it('gives JSON with snippet fields, JSON Lines and CSV', async () => {
    const json = JSON.parse((await runLgo(['search', 'complained', '--db', db, '--format', 'json', '--sort', 'date'])).stdout);
    expect(json.total).toBe(2);
    expect(json.hits[0]).toMatchObject({ ref: '19 020 817', paymentTotal: 300, score: null, snippet: { field: 'summary', marked: 'Mrs X [complained] about Child in Need meetings.', highlights: [[6, 16]] } });
    const lines = (await runLgo(['search', 'complained', '--db', db, '--format', 'jsonl'])).stdout.trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).ref).sort()).toEqual(['19 020 817', '23 004 560']);
    const csv = parseCsv((await runLgo(['search', '', '--outcome', 'not upheld', '--db', db, '--format', 'csv'])).stdout, { columns: true });
    expect(csv).toEqual([expect.objectContaining({ ref: '23 004 560', organisation: 'Cheshire East Council', paymentTotal: '0' })]);
  });

  it.each([
    [['search', '"child in', '--db'], /^lgo: unclosed quote in query: "child in\nhint: close the phrase/],
    [['search', 'OR', '--db'], /^lgo: OR needs something to search for on each side/],
    [['search', 'child NOT', '--db'], /^lgo: NOT needs a word after it: child NOT\nhint: /],
    [['search', 'negligence w/5 duty', '--db'], /^lgo: proximity search \("w\/5"\) is not supported/],
    [['search', 'child', '--from', 'yesterday', '--db'], /^lgo: --from "yesterday" is not a date\nhint: write YYYY/],
    [['search', 'child', '--remedy', 'apologies', '--db'], /^lgo: unknown --remedy "apologies": did you mean apology\?/],
    [['search', 'child', '--limit', '0', '--db'], /^lgo: --limit "0" must be a whole number of at least 1/],
    [['search', 'child', '--format', 'xml', '--db'], /^lgo: unknown --format "xml"/],
    [['search', '--db'], /^lgo: nothing to search for/],
  ])('%j exits 2 with one clear line', async (args, message) => {
    const r = await runLgo([...args, db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });

  it('suggests a spelling and an organisation when nothing matches', async () => {
    const typo = await runLgo(['search', 'meetigns', '--db', db]);
    expect(typo.code).toBe(0);
    expect(typo.stderr).toContain('no decisions match; did you mean: lgo search "meetings"');
    const org = await runLgo(['search', 'complained', '--organisation', 'Chesire East', '--db', db]);
    expect(org.code).toBe(2);
    expect(org.stderr).toContain('no decision has --organisation "Chesire East"; did you mean "Cheshire East Council"?');
  });

  it('says to run lgo build when the database is missing or of another schema', async () => {
    const missing = await runLgo(['search', 'child', '--db', path.join(dir, 'nope.sqlite')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`lgo: no search database at ${path.join(dir, 'nope.sqlite')}\nhint: run \`lgo build\`\n`);
    const old = path.join(dir, 'old.sqlite');
    fs.copyFileSync(db, old);
    const raw = new Database(old);
    raw.prepare("UPDATE meta SET value = '999' WHERE key = 'schema_version'").run();
    raw.close();
    const r = await runLgo(['search', 'child', '--db', old]);
    expect(r.stderr).toMatch(/^lgo: .*old\.sqlite has schema version 999, this lgo needs \d+\nhint: run `lgo build --full` to rebuild it\n$/);
  });
});

describe('lgo show', () => {
  it('prints fields, remedies and payments first, then the decision', async () => {
    const r = await runLgo(['show', '19-020-817', '--db', db]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Wirral Metropolitan Borough Council (19 020 817)');
    expect(r.stdout).toMatch(/Payments\s+£300 in total/);
    expect(r.stdout.indexOf('Remedies')).toBeLessThan(r.stdout.indexOf('The complaint'));
    expect(r.stdout).toContain('  - payment: The Council will pay Mr X £300 for the distress caused. (within one month)');
  });

  it('prints JSON (the stored record) and Markdown', async () => {
    const json = JSON.parse((await runLgo(['show', '19020817', '--db', db, '--format', 'json'])).stdout);
    expect(json).toMatchObject({ ref: '19 020 817', paymentTotal: 300, schemaVersion: 1 });
    const md = (await runLgo(['show', '19 020 817', '--db', db, '--format', 'markdown'])).stdout;
    expect(md).toMatch(/^# Wirral Metropolitan Borough Council \(19 020 817\)\n\n\| Field \| Value \|/);
    expect(md).toContain('## The complaint');
  });

  it('explains an unknown or malformed reference', async () => {
    const none = await runLgo(['show', '20 111 222', '--db', db]);
    expect(none).toMatchObject({ code: 1, stdout: '' });
    expect(none.stderr).toMatch(/^lgo: no decision 20 111 222 in the database\nhint: `lgo fetch 20-111-222` downloads it from lgo.org.uk/);
    const bad = await runLgo(['show', 'abc', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"abc" is not a decision reference/);
  });
});

describe('lgo complete', () => {
  it('lists organisations from a misspelt prefix, and every outcome for an empty one', async () => {
    expect((await runLgo(['complete', 'organisation', 'Chesh', '--db', db])).stdout).toBe('Cheshire East Council\n');
    expect((await runLgo(['complete', 'outcome', '--db', db])).stdout.split('\n').sort()).toEqual(['', 'Not upheld', 'Upheld']);
    expect((await runLgo(['complete', 'term', 'meet', '--db', db])).stdout).toBe('meetings\n');
    const bad = await runLgo(['complete', 'colour', 'x', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown kind "colour"/);
  });
});
