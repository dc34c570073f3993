#!/usr/bin/env node
/**
 * @file The search benchmark: builds and queries synthetic corpora and writes docs/benchmarks.md
 * (full build, database size, incremental add of 100, `lgo search` from process start, warm
 * p50/p95/max over the query mix, peak RSS, and overlap@10 of each query with a plain exact
 * BM25 ranking). Two corpora: `realistic` (scripts/gen-synthetic.mjs, shaped like the archive)
 * and `seeds` (the older one made from the five seeds' paragraphs, for comparison). Run after
 * `npm run build`:
 *
 *   node scripts/bench-search.mjs [--sizes 60000] [--kinds realistic,seeds] [--parser real|simple] [--out docs/benchmarks.md]
 *
 * `--parser simple` swaps the real parser for a stand-in (scripts/simple-parse.mjs) to measure
 * the store and search alone. Synthetic pages live in .bench/ (git-ignored), never in corpus/.
 * The load average is recorded with every run: the machine may be shared.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './gen-synthetic.mjs';
import { exactTop, QUERIES, requestOf } from './lib/bench-queries.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = path.join(ROOT, '.bench');
const LGO = path.join(ROOT, 'bin', 'lgo.js');

function args() {
  const a = { sizes: '60000', kinds: 'realistic,seeds', parser: 'real', out: path.join(ROOT, 'docs', 'benchmarks.md'), coldRuns: '3', warmRuns: '20' };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) a[argv[i].replace(/^--/, '').replace(/-(\w)/g, (_, c) => c.toUpperCase())] = argv[i + 1];
  return { ...a, sizes: a.sizes.split(',').map(Number), kinds: a.kinds.split(','), coldRuns: Number(a.coldRuns), warmRuns: Number(a.warmRuns) };
}

const log = (msg) => process.stderr.write(`bench: ${msg}\n`);
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const median = (xs) => pct(xs, 50);

function corpusFor(kind, n) {
  const dir = path.join(BENCH, `${kind}-${n}`);
  const marker = path.join(dir, 'SYNTHETIC');
  const count = fs.existsSync(path.join(dir, 'COUNT')) ? Number(fs.readFileSync(path.join(dir, 'COUNT'), 'utf8')) : 0;
  if (count !== n || !fs.existsSync(marker)) {
    fs.rmSync(dir, { recursive: true, force: true });
    log(`generating ${n} ${kind} synthetic decisions in ${dir}`);
    generate({ count: n, out: dir, seed: 1, kind });
    fs.writeFileSync(path.join(dir, 'COUNT'), String(n));
  }
  return dir;
}

function childBuild(corpus, db, mode, parser) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/lib/bench-build.mjs'), corpus, db, mode, parser], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout);
}

/** `lgo search` as a user runs it: wall time from spawn to exit, and the process's peak RSS. */
function coldQuery(db, q) {
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--import', path.join(ROOT, 'scripts/lib/report-rss.mjs'), LGO, 'search', ...q, '--db', db, '--limit', '20'], { encoding: 'utf8' });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`lgo search ${q.join(' ')} failed: ${r.stderr}`);
  const rss = Number(/BENCH_MAXRSS_KB (\d+)/.exec(r.stderr)?.[1] ?? 0);
  const cpu = Number(/BENCH_CPU_MS (\d+)/.exec(r.stderr)?.[1] ?? 0);
  return { ms, rssKb: rss, cpuMs: cpu };
}

/** The same queries in one process, after warm-up: searchStore from parsed options to hits with snippets; and each query's overlap@10 with the exact ranking. */
async function warmQueries(db, queries, runs) {
  const { openStore } = await import('../dist/store/open.js');
  const { searchStore } = await import('../dist/search/engine.js');
  const { normaliseFilters, compileFilters } = await import('../dist/search/filters.js');
  const { compileQuery } = await import('../dist/search/query.js');
  const { FIELD_WEIGHTS } = await import('../dist/search/rank.js');
  const store = openStore(db, { readonly: true });
  const reqs = queries.map((q) => requestOf(q, normaliseFilters));
  const per = reqs.map(() => ({ times: [], total: 0, overlap: null, top20: null }));
  const times = [];
  const cpu = [];
  for (let i = 0; i < runs + 2; i++)
    reqs.forEach((req, k) => {
      const t = performance.now();
      const c = process.cpuUsage();
      const r = searchStore(store, req);
      const d = process.cpuUsage(c);
      if (i >= 2) {
        const ms = performance.now() - t;
        times.push(ms);
        per[k].times.push(ms);
        cpu.push((d.user + d.system) / 1000);
      }
      per[k].total = r.total;
    });
  reqs.forEach((req, k) => {
    const exact = exactTop(store, req, compileQuery, compileFilters, FIELD_WEIGHTS, 20);
    if (!exact) return;
    const got = searchStore(store, { ...req, snippetWords: 0 }).hits.map((h) => h.ref);
    per[k].overlap = got.slice(0, 10).filter((ref) => exact.slice(0, 10).includes(ref)).length;
    per[k].expected = Math.min(10, exact.length);
    per[k].top20 = JSON.stringify(got) === JSON.stringify(exact);
  });
  store.close();
  return { times, cpu, per };
}

/** The mix with `{ref}` replaced by a reference stored in the database. */
async function queriesFor(db) {
  const { openStore } = await import('../dist/store/open.js');
  const store = openStore(db, { readonly: true });
  const ref = store.prepare('SELECT ref FROM decisions WHERE id = (SELECT max(id) / 3 FROM decisions)').pluck().get();
  store.close();
  return QUERIES.map((q) => q.map((x) => x.replace('{ref}', ref.replace(/ /g, '-'))));
}

async function benchSize(kind, n, opts) {
  const loadAtStart = os.loadavg();
  const loads = [];
  const sampler = setInterval(() => loads.push(os.loadavg()[0]), 2000);
  const corpus = corpusFor(kind, n);
  const db = path.join(BENCH, `db-${kind}-${n}.sqlite`);
  const extra = path.join(corpus, 'extra');
  fs.rmSync(extra, { recursive: true, force: true });
  log(`${kind} ${n}: full build (${opts.parser} parser)`);
  const full = childBuild(corpus, db, 'full', opts.parser);
  const sizeMb = fs.statSync(db).size / 1048576;
  log(`${kind} ${n}: built in ${(full.wallMs / 1000).toFixed(1)} s; cold queries`);
  const queries = await queriesFor(db);
  const cold = [];
  for (let r = 0; r < opts.coldRuns; r++) for (const q of queries) cold.push(coldQuery(db, q));
  log(`${kind} ${n}: warm queries`);
  const warm = await warmQueries(db, queries, opts.warmRuns);
  log(`${kind} ${n}: incremental add of 100`);
  generate({ count: 100, out: extra, seed: 2, start: n, kind });
  fs.rmSync(path.join(extra, 'SYNTHETIC'), { force: true });
  const inc = childBuild(corpus, db, 'incremental', opts.parser);
  fs.rmSync(extra, { recursive: true, force: true });
  childBuild(corpus, db, 'incremental', opts.parser);
  clearInterval(sampler);
  return {
    kind,
    n,
    queries,
    per: warm.per,
    load: { start: loadAtStart, min: Math.min(...loads, loadAtStart[0]), max: Math.max(...loads, loadAtStart[0]) },
    buildS: full.wallMs / 1000,
    buildCpuS: full.cpuMs / 1000,
    incCpuS: inc.cpuMs / 1000,
    docsPerS: n / (full.wallMs / 1000),
    buildRssMb: full.maxRssKb / 1024,
    sizeMb,
    incS: inc.wallMs / 1000,
    incAdded: inc.added,
    coldMedianMs: median(cold.map((c) => c.ms)),
    coldCpuMedianMs: median(cold.map((c) => c.cpuMs)),
    coldMaxRssMb: Math.max(...cold.map((c) => c.rssKb)) / 1024,
    warmP50: pct(warm.times, 50),
    warmP95: pct(warm.times, 95),
    warmMax: Math.max(...warm.times),
    warmCpuP95: pct(warm.cpu, 95),
    warmCpuMax: Math.max(...warm.cpu),
  };
}

const label = (q) => q.map((x) => (/[\s"*()]/.test(x) ? `'${x}'` : x)).join(' ');
const KIND_NOTE = { realistic: 'realistic (gen-synthetic.mjs)', seeds: 'seed paragraphs (old)' };

function report(rows, opts) {
  const f1 = (x) => x.toFixed(1);
  const lines = [
    '# Search benchmarks',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench\` (scripts/bench-search.mjs) on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; parser: ${opts.parser === 'simple' ? '**stand-in** (scripts/simple-parse.mjs: store and search alone, not the real parser)' : 'the real parseDecision (worker threads for full builds)'}.`,
    'The machine is shared with other work: each row gives the 1-minute load average at its start and its range during the row; on 2 cores, above 2 means the run competed for the CPU. "CPU" figures are the process\'s own user + system time, which contention inflates far less than wall time.',
    '',
    '| corpus | decisions | full build (CPU, all threads) | pages/s | build peak RSS | database | incremental +100 (CPU) | `lgo search` start to results, median (CPU) | warm p50 / p95 / max (CPU p95 / max) | search peak RSS | overlap@10, worst query | load average |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => {
      const ranked = r.per.filter((p) => p.overlap !== null);
      const worst = Math.min(...ranked.map((p) => p.overlap - p.expected + 10));
      return `| ${KIND_NOTE[r.kind] ?? r.kind} | ${r.n.toLocaleString('en-GB')} | ${f1(r.buildS)} s (${f1(r.buildCpuS)} s) | ${Math.round(r.docsPerS)} | ${Math.round(r.buildRssMb)} MB | ${Math.round(r.sizeMb)} MB | ${f1(r.incS)} s (${f1(r.incCpuS)} s) | ${Math.round(r.coldMedianMs)} ms (${Math.round(r.coldCpuMedianMs)} ms) | ${f1(r.warmP50)} / ${f1(r.warmP95)} / ${f1(r.warmMax)} ms (${f1(r.warmCpuP95)} / ${f1(r.warmCpuMax)} ms) | ${Math.round(r.coldMaxRssMb)} MB | ${worst}/10 (${ranked.filter((p) => p.top20).length}/${ranked.length} top 20 identical) | ${f1(r.load.start[0])}; ${f1(r.load.min)}-${f1(r.load.max)} |`;
    }),
    '',
    'Targets at 60,000 decisions of the realistic corpus on 2 cores: overlap@10 with the exact ranking = 10 for every query; process start to results <= 250 ms (median);',
    'warm p95 <= 50 ms and no query over 150 ms; search peak RSS <= 150 MB; full build <= 60 s; incremental +100 <= 3 s.',
    '',
    `Query mix (${QUERIES.length} queries; cold: each run ${opts.coldRuns} times as a new process; warm: ${opts.warmRuns} rounds in one process after 2 warm-up rounds, 20 hits with snippets). Overlap@10 compares the engine's first 10 with a plain exact ranking (every match scored by bm25 in one statement, filters tested afterwards, sorted in the script); "-" for date and payment order.`,
    '',
    `| query | ${rows.map((r) => `${KIND_NOTE[r.kind] ?? r.kind} ${r.n.toLocaleString('en-GB')}: matches, warm median / max, overlap@10`).join(' | ')} |`,
    `|---|${rows.map(() => '---:').join('|')}|`,
    ...QUERIES.map((q, k) => `| \`lgo search ${label(rows[0]?.queries[k] ?? q)}\` | ${rows.map((r) => { const p = r.per[k]; return `${p.total.toLocaleString('en-GB')}, ${f1(median(p.times))} / ${f1(Math.max(...p.times))} ms, ${p.overlap === null ? '-' : `${p.overlap}/${p.expected}`}`; }).join(' | ')} |`),
    '',
  ];
  return lines.join('\n');
}

const opts = args();
if (!fs.existsSync(path.join(ROOT, 'dist', 'store', 'build.js'))) {
  log('dist/ is missing: run `npm run build` first');
  process.exit(2);
}
const rows = [];
for (const kind of opts.kinds)
  for (const n of opts.sizes) {
    const row = await benchSize(kind, n, opts);
    rows.push(row);
    const { queries, per, ...summary } = row;
    log(JSON.stringify(summary));
  }
fs.mkdirSync(path.dirname(opts.out), { recursive: true });
// Notes and earlier runs written by hand below the marker survive a re-run.
const MARKER = '<!-- Everything below is kept when scripts/bench-search.mjs rewrites the results above. -->';
const previous = fs.existsSync(opts.out) ? fs.readFileSync(opts.out, 'utf8') : '';
const kept = previous.includes(MARKER) ? previous.slice(previous.indexOf(MARKER)) : '';
fs.writeFileSync(opts.out, `${report(rows, opts)}${kept ? `\n${kept}` : ''}`);
log(`wrote ${opts.out}`);
