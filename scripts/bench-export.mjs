#!/usr/bin/env node
/**
 * @file `npm run bench:export`: rows per second and peak memory of `lgo export` and `lgo stats`
 * over a store of synthetic decisions (default 60,000, from scripts/gen-synthetic.mjs, built
 * with the real parser through dist/). Each measurement runs in its own child process so its
 * peak memory (resident set and V8 heap, sampled every 5 ms; in the "live heap" runs after a
 * forced GC every 100 ms) is its own; a run over a tenth of the rows shows whether
 * memory grows with the number of rows (it should not: rows are streamed). XLSX runs measure
 * exceljs's streaming WorkbookWriter the same way.
 *
 *   npm run build && npm run bench:export [-- --count 60000 --dir .bench/export-60000 --parser real|simple]
 *
 * The pages and the store are kept in --dir and reused by later runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const dist = (p) => import(pathToFileURL(path.join(DIST, p)).href);

function args(argv) {
  const out = { count: 60000, dir: null, child: null, parser: 'real' };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    out[key] = argv[++i];
  }
  out.count = Number(out.count);
  out.dir = path.resolve(out.dir ?? path.join(ROOT, '.bench', `export-${out.count}`));
  return out;
}

/** In a child: one export or stats run, reporting rows, time and peak memory as JSON. */
async function child(spec) {
  const { openStore } = await dist('store/open.js');
  const { runStats } = await dist('stats/run.js');
  const { runExport } = await dist('export/run.js');
  const db = openStore(spec.db, { readonly: true });
  // Timed from here: the query, the rows and the writing, not node's start-up or module loading.
  const t0 = performance.now();
  let rows = 0;
  let peakHeap = 0;
  let peakRss = 0;
  // Sampled, not getrusage's maxRSS: Linux carries maxRSS over from the parent across exec.
  // With --expose-gc (the "live" runs) each sample first collects garbage, so the heap figure is
  // what the export really holds, not garbage V8 has not collected yet.
  const live = typeof globalThis.gc === 'function';
  const sample = () => {
    if (live) globalThis.gc();
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  };
  const timer = setInterval(sample, live ? 100 : 5);
  if (spec.kind === 'stats') {
    const sink = fs.createWriteStream('/dev/null');
    const r = await runStats({ db, selection: { filters: spec.filters }, by: ['organisation'], sort: 'decisions', format: 'csv' }, sink);
    rows = r.decisions;
  } else {
    const r = await runExport({ db, kind: spec.kind, selection: { filters: spec.filters }, format: spec.format, excel: spec.format === 'csv', output: spec.out }, null);
    rows = r.rows;
  }
  const ms = performance.now() - t0;
  clearInterval(timer);
  sample();
  db.close();
  const size = spec.out && fs.existsSync(spec.out) ? fs.statSync(spec.out).size : 0;
  process.stdout.write(JSON.stringify({ rows, ms, peakRssMB: peakRss / 1048576, peakHeapMB: peakHeap / 1048576, size }));
}

async function ensureStore(a) {
  const db = path.join(a.dir, 'decisions.sqlite');
  if (fs.existsSync(db)) {
    const { openStore } = await dist('store/open.js');
    const s = openStore(db, { readonly: true });
    const n = s.prepare('SELECT count(*) AS n FROM decisions').get().n;
    s.close();
    if (n >= a.count * 0.95) return { db, decisions: n, built: false };
    fs.rmSync(db);
  }
  const pages = path.join(a.dir, 'pages');
  if (!fs.existsSync(path.join(pages, 'SYNTHETIC'))) {
    const { generate } = await import('./gen-synthetic.mjs');
    const t = performance.now();
    generate({ count: a.count, out: pages, seed: 1 });
    process.stderr.write(`generated ${a.count} synthetic pages in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  }
  const { buildStore } = await dist('store/build.js');
  const t = performance.now();
  // The real parser by default (realistic payments and remedies); --parser simple is quicker.
  const parse = a.parser === 'simple' ? (await import('./simple-parse.mjs')).simpleParse : undefined;
  const stats = await buildStore({ corpusDir: pages, dbPath: db, ...(parse ? { parse } : {}) });
  process.stderr.write(`built the store: ${stats.decisions} decisions (${stats.skipped} skipped) in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  if (stats.decisions < a.count * 0.95) {
    throw new Error(`only ${stats.decisions} of ${a.count} pages became decisions: is the real parser on this branch (git merge main)?`);
  }
  return { db, decisions: stats.decisions, built: true };
}

function measure(spec, nodeArgs = []) {
  const out = execFileSync(process.execPath, [...nodeArgs, fileURLToPath(import.meta.url), '--child', JSON.stringify(spec)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out);
}

async function mainBench() {
  const a = args(process.argv.slice(2));
  if (a.child) return child(JSON.parse(a.child));
  if (!fs.existsSync(path.join(DIST, 'export', 'run.js'))) throw new Error('dist/ is missing or old: run `npm run build` first');
  fs.mkdirSync(a.dir, { recursive: true });
  const { db, decisions } = await ensureStore(a);
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lgo-bench-export-'));
  // About a tenth of the decisions (one of the generator's eleven years), to compare peak memory.
  const tenth = { from: '2020', to: '2020' };
  const runs = [
    ['payments', 'csv', {}],
    ['payments', 'csv', tenth],
    ['remedies', 'csv', {}],
    ['remedies', 'csv', tenth],
    ['decisions', 'csv', {}],
    ['decisions', 'csv', tenth],
    ['decisions', 'jsonl', {}],
    ['decisions', 'json', {}],
    ['stats', 'csv', {}],
    ['stats', 'csv', tenth],
    // The largest export again, measuring the live heap (garbage collected before each sample):
    // the same for all rows as for a tenth of them when rows stream.
    ['remedies', 'csv', {}, ['--expose-gc']],
    ['remedies', 'csv', tenth, ['--expose-gc']],
    // XLSX (exceljs's streaming writer): the same constant memory is the promise, for 100,000+ rows.
    ['remedies', 'xlsx', {}],
    ['remedies', 'xlsx', tenth],
    ['remedies', 'xlsx', {}, ['--expose-gc']],
    ['remedies', 'xlsx', tenth, ['--expose-gc']],
    ['payments', 'xlsx', {}],
  ];
  const results = [];
  for (const [kind, format, filters, nodeArgs = []] of runs) {
    const out = kind === 'stats' ? null : path.join(outDir, `${kind}.${format}`);
    const r = measure({ db, kind, format, filters, out }, nodeArgs);
    const label = `${kind === 'stats' ? 'stats --by organisation' : `export ${kind} --format ${format}${format === 'csv' ? ' --excel' : ''}`}${filters.from ? ' --from 2020 --to 2020' : ''}${nodeArgs.includes('--expose-gc') ? ' (live heap: GC before each sample)' : ''}`;
    results.push({ label, ...r });
    process.stderr.write(`${label}: ${r.rows} rows in ${(r.ms / 1000).toFixed(2)} s\n`);
  }
  fs.rmSync(outDir, { recursive: true, force: true });
  const lines = [
    `lgo export/stats over ${decisions.toLocaleString('en-GB')} synthetic decisions (node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'}, ${os.availableParallelism()} cores)`,
    '',
    '| run | rows | seconds | rows/s | peak RSS MB | peak heap MB | output MB |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...results.map((r) => `| ${r.label} | ${r.rows.toLocaleString('en-GB')} | ${(r.ms / 1000).toFixed(2)} | ${Math.round(r.rows / (r.ms / 1000)).toLocaleString('en-GB')} | ${r.peakRssMB.toFixed(0)} | ${r.peakHeapMB.toFixed(0)} | ${(r.size / 1048576).toFixed(1)} |`),
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

mainBench().catch((err) => {
  process.stderr.write(`bench:export: ${err.message}\n`);
  process.exitCode = 1;
});
