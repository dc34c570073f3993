/**
 * The server follows its database file: `lgo build --full` renames a new file over it (a new
 * inode), `lgo build` updates it in place; pages show the new decisions, facet counts included,
 * and no request fails while either happens. A replacement that cannot be served leaves the
 * old file serving.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { buildStore } from '../../src/store/build.js';
import { jsonParse, makeRecord, writeRecordPage } from '../helpers/records.js';
import { buildServeStore } from './fixture.js';

let dir: string;
let dbPath: string;
let server: RunningServer;
const logged: string[] = [];

const kettle = (ref: string, organisation: string) => makeRecord({ ref, organisation, summary: 'Mr K complained about a broken kettle.' });

beforeAll(async () => {
  ({ dir, db: dbPath } = await buildServeStore([kettle('22 900 001', 'First Kettle Council')]));
  server = await startServer({ dbPath, host: '127.0.0.1', port: 0, log: (l) => logged.push(l) });
}, 120_000);
afterAll(async () => {
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const page = async (q: string) => {
  const res = await fetch(`${server.url}?q=${encodeURIComponent(q)}`);
  return { status: res.status, body: await res.text() };
};
const count = (body: string) => Number(/([\d,]+) decisions? match/.exec(body)?.[1]?.replace(/,/g, '') ?? NaN);

/** Requests the search page without pause until `done` resolves; returns every status seen. */
async function hammer(done: Promise<unknown>): Promise<number[]> {
  const statuses: number[] = [];
  let finished = false;
  void done.finally(() => (finished = true));
  const client = async () => {
    while (!finished) statuses.push((await page('kettle')).status);
  };
  await Promise.all([client(), client(), client(), done]);
  return statuses;
}

describe('lgo serve follows its database', () => {
  it('a full rebuild renamed into place is served at once, with no request failing meanwhile', async () => {
    expect(count((await page('kettle')).body)).toBe(1);
    const corpus = path.join(dir, 'corpus');
    writeRecordPage(corpus, 'zz-second.txt', kettle('22 900 002', 'Second Kettle Council'));
    const inode = fs.statSync(dbPath).ino;
    const statuses = await hammer(buildStore({ corpusDir: corpus, dbPath, parse: jsonParse, full: true }));
    expect(fs.statSync(dbPath).ino).not.toBe(inode);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const after = await page('kettle');
    expect(count(after.body)).toBe(2);
    expect(after.body).toContain('Second Kettle Council</a><span class="count">1</span>');
    expect(logged.some((l) => l.includes('was replaced'))).toBe(true);
  }, 60_000);

  it('an update in place is served at once, facet counts included', async () => {
    const corpus = path.join(dir, 'corpus');
    writeRecordPage(corpus, 'zz-third.txt', kettle('22 900 003', 'Third Kettle Council'));
    const inode = fs.statSync(dbPath).ino;
    const statuses = await hammer(buildStore({ corpusDir: corpus, dbPath, parse: jsonParse }));
    expect(fs.statSync(dbPath).ino).toBe(inode);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const after = await page('kettle');
    expect(count(after.body)).toBe(3);
    expect(after.body).toContain('Third Kettle Council</a><span class="count">1</span>');
  }, 60_000);

  it('a replacement that cannot be served leaves the old file serving, and says why once', async () => {
    const other = `${dbPath}.other`;
    fs.writeFileSync(other, 'not a database');
    fs.renameSync(other, dbPath);
    const before = logged.length;
    expect(count((await page('kettle')).body)).toBe(3);
    expect(count((await page('kettle')).body)).toBe(3);
    const lines = logged.slice(before);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/cannot be served .*still serving the one opened before/);
  });
});
