/**
 * `lgo show` for a person at a terminal (issue #12): wrapped to the width without cutting words,
 * paged when long, NO_COLOR honoured, the decision's own paragraph numbers, several references,
 * and a hint that leads somewhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refsFromArgs } from '../../src/cli/show.js';
import { buildStore } from '../../src/store/build.js';
import { runLgo } from '../helpers/io.js';
import { jsonParse, makeRecord, tempDir, writeRecordPage } from '../helpers/records.js';

const LONG = 'The Council did not hold the Child in Need meetings it should have held between March and September, and it did not tell Mrs X why; that was fault, and it caused her avoidable uncertainty about her children\u2019s support.';

let dir: string;
let db: string;
beforeAll(async () => {
  dir = tempDir('lgo-show-');
  const corpus = path.join(dir, 'corpus');
  const base = makeRecord({ ref: '19 020 817', organisation: 'Wirral Metropolitan Borough Council', summary: LONG, url: null, category: "Children's care services", subcategory: 'Other' });
  // The decision's own numbering, as the record carries it once sections[].paragraphNumbers is filled.
  const numbered = {
    ...base,
    sections: [
      { heading: 'What happened', kind: 'findings', paragraphs: ['First fact.', 'Second fact.', 'The Council agreed to:', 'apologise to Mrs X;'], paragraphNumbers: ['27', '28', null, '28 (f)'] },
    ],
  };
  writeRecordPage(corpus, 'a.txt', numbered as never);
  writeRecordPage(corpus, 'b.txt', makeRecord({ ref: '23 004 560', organisation: 'Cheshire East Council', summary: 'A short one.' }));
  writeRecordPage(corpus, 'c.txt', makeRecord({ ref: '17 002 402b', organisation: 'Leeds City Council', summary: 'With a letter.' }));
  db = path.join(dir, 'db.sqlite');
  // The stand-in parser without the schema check: paragraphNumbers arrives with issue #9's record.
  const lenient = (input: Uint8Array, opts: { url?: string | null; source?: string }) => (/402b/.test(String(opts.source)) ? jsonParse(input, opts) : JSON.parse(Buffer.from(input).toString('utf8')));
  await buildStore({ corpusDir: corpus, dbPath: db, parse: lenient });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const show = (args: string[], opts: Parameters<typeof runLgo>[1] = {}) => runLgo(['show', ...args, '--db', db], { cwd: dir, ...opts });

describe('lgo show', () => {
  it('wraps to the terminal width without cutting a word, continuation lines under the text', async () => {
    const r = await show(['19-020-817'], { tty: true, columns: 50, rows: 500, env: { NO_COLOR: '1' } });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    // Only a word longer than the line (the address) may stick out: words are never cut.
    expect(lines.filter((l) => l.length > 50).map((l) => l.split(/\s+/).at(-1))).toEqual(['https://www.lgo.org.uk/decisions/children-s-care-services/other/19-020-817']);
    const summary = lines.slice(lines.indexOf('Summary') + 2, lines.indexOf('Summary') + 8).join(' ');
    expect(summary.replace(/\s+/g, ' ')).toContain(LONG.slice(0, 120));
    // Every word of the summary appears whole on some line.
    for (const word of LONG.split(' ')) expect(lines.some((l) => l.split(/\s+/).includes(word)), word).toBe(true);
    const address = lines.findIndex((l) => l.startsWith('Address'));
    expect(lines[address]).toMatch(/^Address\s+https:\/\/www\.lgo\.org\.uk\/decisions\/children-s-care-services\/other\/19-020-817$/);
  });

  it('--width wraps a pipe too; without it a pipe gets one line per paragraph', async () => {
    const wrapped = await show(['19-020-817', '--width', '40']);
    expect(wrapped.stdout.split('\n').filter((l) => l.length > 40 && !l.includes('https://'))).toEqual([]);
    const piped = await show(['19-020-817']);
    expect(piped.stdout).toContain(LONG);
  });

  it('bold headings on a terminal, none with NO_COLOR or in a pipe', async () => {
    expect((await show(['19-020-817'], { tty: true, env: { PAGER: 'cat' } })).stdout).toContain('\x1b[1mSummary\x1b[22m');
    expect((await show(['19-020-817'], { tty: true, env: { PAGER: 'cat', NO_COLOR: '1' } })).stdout).not.toContain('\x1b[');
    expect((await show(['19-020-817'])).stdout).not.toContain('\x1b[');
  });

  it('prints the decision\'s own paragraph numbers when the record has them', async () => {
    const r = await show(['19-020-817']);
    expect(r.stdout).toContain('\n      27. First fact.\n      28. Second fact.\n          The Council agreed to:\n  28 (f). apologise to Mrs X;\n');
    const md = (await show(['19-020-817', '--format', 'markdown'])).stdout;
    expect(md).toContain('**28 (f).** apologise to Mrs X;');
  });

  it('pages long text through $PAGER on a terminal, and not when it fits or with --no-pager', async () => {
    const out = path.join(dir, 'paged.txt');
    const pager = `${JSON.stringify(process.execPath)} -e "process.stdin.pipe(require('fs').createWriteStream(process.argv[1]))" ${JSON.stringify(out)}`;
    const r = await show(['19-020-817'], { tty: true, rows: 10, env: { PAGER: pager, NO_COLOR: '1' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^Wirral Metropolitan Borough Council \(19 020 817\)\n/);
    fs.rmSync(out);
    const fits = await show(['19-020-817'], { tty: true, rows: 500, env: { PAGER: pager } });
    expect(fits.stdout).toContain('Wirral');
    const off = await show(['19-020-817', '--no-pager'], { tty: true, rows: 10, env: { PAGER: pager } });
    expect(off.stdout).toContain('Wirral');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('a pager that does not exist falls back to printing', async () => {
    const r = await show(['19-020-817'], { tty: true, rows: 5, env: { PAGER: 'no-such-pager-here', PATH: process.env.PATH } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Wirral Metropolitan Borough Council (19 020 817)');
  });

  it('shows several references in turn, however they are split, or refuses them all', async () => {
    expect(refsFromArgs(['19', '020', '817', '23-004-560'])).toEqual(['19 020 817', '23 004 560']);
    expect(refsFromArgs(['17002402B'])).toEqual(['17 002 402b']);
    const two = await show(['19-020-817', '23', '004', '560']);
    expect(two.code).toBe(0);
    expect(two.stdout.indexOf('(19 020 817)')).toBeLessThan(two.stdout.indexOf('Cheshire East Council (23 004 560)'));
    const json = JSON.parse((await show(['19-020-817', '23-004-560', '--format', 'json'])).stdout);
    expect(json.map((r: { ref: string }) => r.ref)).toEqual(['19 020 817', '23 004 560']);
    const refused = await show(['19-020-817', '23-004-561']);
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toMatch(/^lgo: no decision 23 004 561 in the database; did you mean "23 004 560"\?\nhint: `lgo fetch 23-004-561` downloads it/);
    const junk = await show(['19-020-817', 'please']);
    expect(junk.code).toBe(2);
    expect(junk.stderr).toMatch(/^lgo: "please" is not a decision reference/);
  });
});

describe('lgo show on the bundled corpus', () => {
  it("prints each payment's typed why and to whom beside its amount", async () => {
    const own = path.join(dir, 'bundled.sqlite');
    await buildStore({ corpusDir: path.resolve(import.meta.dirname, '..', '..', 'corpus'), dbPath: own });
    const r = await runLgo(['show', '19-020-817', '--db', own, '--no-pager'], { cwd: dir, env: { NO_COLOR: '1' } });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l.trim().startsWith('- £'));
    expect(lines).toEqual([expect.stringMatching(/^ *- £200 to Mrs X .*\(endorsed offer; why: distress; to whom: complainant\)$/), expect.stringMatching(/^ *- £1,000 .*\(endorsed offer; why: distress; to whom: child\)$/)]);
  });
});
