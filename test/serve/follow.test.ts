/**
 * `lgo serve` (the compiled command, two worker processes) while the database is rebuilt and
 * updated by another program: a client in a third process requests the search page without
 * pause throughout, and not one request fails; afterwards every worker serves the new content.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/config.js';
import { buildStore } from '../../src/store/build.js';
import { jsonParse, makeRecord, writeRecordPage } from '../helpers/records.js';
import { buildServeStore } from './fixture.js';

const BIN = path.join(PACKAGE_ROOT, 'bin', 'lgo.js');
let dir: string;
let db: string;
const kettle = (ref: string, organisation: string) => makeRecord({ ref, organisation, summary: 'Mr K complained about a broken kettle.' });

/** A client process: four connections requesting `url` in turn until its stdin closes, then a JSON tally of statuses and match counts. */
const CLIENT = `
const url = process.argv[1];
const seen = {};
let stop = false;
process.stdin.on('data', () => {}).on('end', () => (stop = true));
const one = async () => {
  while (!stop) {
    let key;
    try {
      const res = await fetch(url, { headers: { connection: 'close' } });
      const body = await res.text();
      key = res.status + ' ' + (/([0-9,]+) decisions? match/.exec(body)?.[1] ?? '-');
    } catch (e) { key = 'error ' + e.message; }
    seen[key] = (seen[key] ?? 0) + 1;
  }
};
Promise.all([one(), one(), one(), one()]).then(() => process.stdout.write(JSON.stringify(seen)));
`;

beforeAll(async () => {
  if (!fs.existsSync(path.join(PACKAGE_ROOT, 'dist', 'bundle', 'lgo.js'))) throw new Error('dist/bundle/lgo.js is missing: run `npm run build` (npm ci does it)');
  ({ dir, db } = await buildServeStore([kettle('22 900 001', 'First Kettle Council')]));
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function started(child: ChildProcess): Promise<string> {
  let err = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (d) => {
      err += d;
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(err);
      if (m) resolve(m[1]!);
    });
    child.once('exit', () => reject(new Error(`lgo serve exited: ${err}`)));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('lgo serve while the database is rebuilt', () => {
  it('drops no request through a full rebuild and an update, and every worker serves the result', async () => {
    const server = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0', '--workers', '2'], { stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      const url = `${await started(server)}?q=kettle`;
      const client = spawn(process.execPath, ['-e', CLIENT, url], { stdio: ['pipe', 'pipe', 'inherit'] });
      let out = '';
      client.stdout!.on('data', (d) => (out += d));
      const done = new Promise((r) => client.once('exit', r));
      await sleep(300);
      const corpus = path.join(dir, 'corpus');
      writeRecordPage(corpus, 'zz-second.txt', kettle('22 900 002', 'Second Kettle Council'));
      await buildStore({ corpusDir: corpus, dbPath: db, parse: jsonParse, full: true });
      await sleep(300);
      writeRecordPage(corpus, 'zz-third.txt', kettle('22 900 003', 'Third Kettle Council'));
      await buildStore({ corpusDir: corpus, dbPath: db, parse: jsonParse });
      await sleep(300);
      client.stdin!.end();
      await done;
      const seen = JSON.parse(out) as Record<string, number>;
      // Every answer a 200 with the count of one of the three states, and each state was seen.
      expect(Object.keys(seen).sort()).toEqual(['200 1', '200 2', '200 3']);
      // Both workers (a new connection each time, shared out in turn) now show the update.
      const after = await Promise.all(Array.from({ length: 6 }, async () => /([\d,]+) decisions? match/.exec(await (await fetch(url, { headers: { connection: 'close' } })).text())?.[1]));
      expect(after).toEqual(Array(6).fill('3'));
    } finally {
      server.kill('SIGINT');
      await new Promise((r) => server.once('exit', r));
    }
  }, 60_000);
});
