#!/usr/bin/env node
// What durable updates cost (issue #10, item 9): a full build of N synthetic decisions, then
// rounds of "add 100 pages, update; remove them, update" timed one by one, with the database in
// whatever journal and sync mode the build under test uses (WAL + synchronous=NORMAL on this
// branch). Pass another checkout's dist/ to compare: node scripts/bench-update.mjs --dist ../old/dist
// Usage: npm run build && node scripts/bench-update.mjs [--size 5000] [--rounds 5] [--dist DIR]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './gen-synthetic.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const SIZE = Number(arg('size', 5000));
const ROUNDS = Number(arg('rounds', 5));
const dist = path.resolve(arg('dist', path.join(root, 'dist')));
const { buildStore } = await import(path.join(dist, 'store', 'build.js'));

const corpus = path.join(root, '.bench', `synthetic-${SIZE}`);
if (!fs.existsSync(path.join(corpus, 'COUNT')) || Number(fs.readFileSync(path.join(corpus, 'COUNT'), 'utf8')) !== SIZE) {
  fs.rmSync(corpus, { recursive: true, force: true });
  generate({ count: SIZE, out: corpus, seed: 1 });
  fs.writeFileSync(path.join(corpus, 'COUNT'), String(SIZE));
}
const extra = path.join(corpus, 'extra');
fs.rmSync(extra, { recursive: true, force: true });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lgo-bench-update-'));
const db = path.join(dir, 'decisions.sqlite');
const time = async (full) => {
  const t = performance.now();
  const stats = await buildStore({ corpusDir: corpus, dbPath: db, full });
  return { ms: performance.now() - t, stats };
};
const fullRun = await time(true);
const adds = [];
const removes = [];
for (let r = 0; r < ROUNDS; r++) {
  generate({ count: 100, out: extra, seed: 2 + r, start: SIZE });
  fs.rmSync(path.join(extra, 'SYNTHETIC'), { force: true });
  adds.push((await time(false)).ms);
  fs.rmSync(extra, { recursive: true, force: true });
  removes.push((await time(false)).ms);
}
const noop = (await time(false)).ms;
const header = fs.readFileSync(db).subarray(18, 20);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  JSON.stringify({
    dist,
    size: SIZE,
    journal: header[0] === 2 ? 'wal' : 'rollback',
    fullBuildS: +(fullRun.ms / 1000).toFixed(1),
    addMedianMs: Math.round(median(adds)),
    removeMedianMs: Math.round(median(removes)),
    adds: adds.map(Math.round),
    removes: removes.map(Math.round),
    noopMs: Math.round(noop),
    load: os.loadavg().map((l) => +l.toFixed(2)),
  }),
);
fs.rmSync(dir, { recursive: true, force: true });
