#!/usr/bin/env node
/**
 * @file The search benchmark: builds and queries 5,000 / 20,000 / 60,000 synthetic decisions and
 * writes docs/benchmarks.md (build time, database size, cold query from process start, warm
 * p50/p95, peak RSS, incremental add of 100). Run after `npm run build`:
 *
 *   node scripts/bench-search.mjs [--sizes 5000,20000,60000] [--parser real|simple] [--out docs/benchmarks.md]
 *
 * `--parser simple` swaps the real parser for a stand-in (scripts/simple-parse.mjs) to measure
 * the store and search alone. Synthetic pages live in .bench/ (git-ignored), never in corpus/.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './gen-synthetic.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = path.join(ROOT, '.bench');
const LGO = path.join(ROOT, 'bin', 'lgo.js');

/** The query mix: common and rare words, phrase, prefix, OR, exclusion, filters, sorts. */
const QUERIES = [
  ['council'],
  ['"child in need"'],
  ['social worker', '--organisation', 'Leeds'],
  ['assess*'],
  ['care OR nursing', '--outcome', 'upheld'],
  ['safeguarding -school', '--from', '2020'],
  ['distress', '--remedy', 'payment', '--sort', 'payment'],
  ['complaint', '--sort', 'date'],
  ['homelessness'],
  ['apologise', '--category', 'Housing', '--min-payment', '500'],
];

function args() {
  const a = { sizes: '5000,20000,60000', parser: 'real', out: path.join(ROOT, 'docs', 'benchmarks.md'), coldRuns: '3', warmRuns: '20' };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) a[argv[i].replace(/^--/, '').replace(/-(\w)/g, (_, c) => c.toUpperCase())] = argv[i + 1];
  return { ...a, sizes: a.sizes.split(',').map(Number), coldRuns: Number(a.coldRuns), warmRuns: Number(a.warmRuns) };
}

const log = (msg) => process.stderr.write(`bench: ${msg}\n`);
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const median = (xs) => pct(xs, 50);

function corpusFor(n) {
  const dir = path.join(BENCH, `synthetic-${n}`);
  const marker = path.join(dir, 'SYNTHETIC');
  const count = fs.existsSync(path.join(dir, 'COUNT')) ? Number(fs.readFileSync(path.join(dir, 'COUNT'), 'utf8')) : 0;
  if (count !== n || !fs.existsSync(marker)) {
    fs.rmSync(dir, { recursive: true, force: true });
    log(`generating ${n} synthetic decisions in ${dir}`);
    generate({ count: n, out: dir, seed: 1 });
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

/** The same queries in one process, after warm-up: searchStore from parsed options to hits with snippets. */
async function warmQueries(db, runs) {
  const { openStore } = await import('../dist/store/open.js');
  const { searchStore } = await import('../dist/search/engine.js');
  const { normaliseFilters } = await import('../dist/search/filters.js');
  const store = openStore(db, { readonly: true });
  const reqs = QUERIES.map(([query, ...rest]) => {
    const flags = {};
    for (let i = 0; i < rest.length; i += 2) flags[rest[i].slice(2).replace(/-(\w)/g, (_, c) => c.toUpperCase())] = rest[i + 1];
    const { sort, ...filters } = flags;
    return { query, filters: normaliseFilters(filters), sort, limit: 20 };
  });
  const times = [];
  const cpu = [];
  for (let i = 0; i < runs + 2; i++)
    for (const req of reqs) {
      const t = performance.now();
      const c = process.cpuUsage();
      searchStore(store, req);
      const d = process.cpuUsage(c);
      if (i >= 2) {
        times.push(performance.now() - t);
        cpu.push((d.user + d.system) / 1000);
      }
    }
  store.close();
  return { times, cpu };
}

async function benchSize(n, opts) {
  const corpus = corpusFor(n);
  const db = path.join(BENCH, `db-${n}.sqlite`);
  const extra = path.join(corpus, 'extra');
  fs.rmSync(extra, { recursive: true, force: true });
  log(`${n}: full build (${opts.parser} parser)`);
  const full = childBuild(corpus, db, 'full', opts.parser);
  const sizeMb = fs.statSync(db).size / 1048576;
  log(`${n}: built in ${(full.wallMs / 1000).toFixed(1)} s; cold queries`);
  const cold = [];
  for (let r = 0; r < opts.coldRuns; r++) for (const q of QUERIES) cold.push(coldQuery(db, q));
  log(`${n}: warm queries`);
  const warm = await warmQueries(db, opts.warmRuns);
  log(`${n}: incremental add of 100`);
  generate({ count: 100, out: extra, seed: 2, start: n });
  fs.rmSync(path.join(extra, 'SYNTHETIC'), { force: true });
  const inc = childBuild(corpus, db, 'incremental', opts.parser);
  fs.rmSync(extra, { recursive: true, force: true });
  childBuild(corpus, db, 'incremental', opts.parser);
  return {
    n,
    buildS: full.wallMs / 1000,
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
    warmCpuP95: pct(warm.cpu, 95),
  };
}

const caps = await import('../dist/search/engine.js');

function report(rows, opts, startedLoad, loads) {
  const f1 = (x) => x.toFixed(1);
  const lines = [
    '# Search benchmarks',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench\` (scripts/bench-search.mjs) on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load average at start ${startedLoad.map((x) => x.toFixed(1)).join(' / ')}, during the run ${Math.min(...loads, 99).toFixed(1)}-${Math.max(...loads, 0).toFixed(1)}.`,
    `Synthetic decisions from scripts/gen-synthetic.mjs (seeds' structure and vocabulary, mean ~7 KB); parser: ${opts.parser === 'simple' ? '**stand-in** (scripts/simple-parse.mjs: store and search alone, not the real parser)' : 'the real parseDecision (worker threads for full builds)'}.`,
    '',
    '| decisions | full build | pages/s | build peak RSS | database | incremental +100 | `lgo search` process start to results, median (CPU) | warm p50 / p95 (p95 CPU) | search peak RSS |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.n.toLocaleString('en-GB')} | ${f1(r.buildS)} s | ${Math.round(r.docsPerS)} | ${Math.round(r.buildRssMb)} MB | ${Math.round(r.sizeMb)} MB | ${f1(r.incS)} s | ${Math.round(r.coldMedianMs)} ms (${Math.round(r.coldCpuMedianMs)} ms) | ${f1(r.warmP50)} / ${f1(r.warmP95)} ms (${f1(r.warmCpuP95)} ms) | ${Math.round(r.coldMaxRssMb)} MB |`),
    '',
    'Targets at 60,000 on 2 cores: full build <= 60 s; incremental +100 <= 3 s; process start to results <= 250 ms (median);',
    'warm p95 <= 25 ms; search peak RSS <= 150 MB.',
    '',
    `Query mix (${QUERIES.length} queries; cold: each run ${opts.coldRuns} times as a new process; warm: ${opts.warmRuns} rounds in one process after 2 warm-up rounds, 20 hits with snippets):`,
    '',
    ...QUERIES.map((q) => `- \`lgo search ${q.map((x) => (/[\s"*]/.test(x) ? `'${x}'` : x)).join(' ')}\``),
    '',
    'The synthetic vocabulary is small (it comes from five seeds), so nearly every query word is in nearly every',
    `decision: this is the worst case for counting and ranking. Counting stops at ${caps.COUNT_CAP} ("more than ${caps.COUNT_CAP}"), and`,
    `past ${caps.RANK_CAP} matches only the ${caps.RANK_CAP} newest-added matches are ranked by BM25 (see docs/search.md).`,
    'The machine is shared: a load average above 2 on 2 cores means other work competed for the CPU during the run;',
    '"CPU" columns give the process\'s own user + system time, which contention inflates far less than wall time.',
    '',
  ];
  return lines.join('\n');
}

const opts = args();
if (!fs.existsSync(path.join(ROOT, 'dist', 'store', 'build.js'))) {
  log('dist/ is missing: run `npm run build` first');
  process.exit(2);
}
const load = os.loadavg();
const loads = [];
const sampler = setInterval(() => loads.push(os.loadavg()[0]), 5000);
const rows = [];
for (const n of opts.sizes) {
  const row = await benchSize(n, opts);
  rows.push(row);
  log(JSON.stringify(row));
}
clearInterval(sampler);
fs.mkdirSync(path.dirname(opts.out), { recursive: true });
// Notes and earlier runs written by hand below the marker survive a re-run.
const MARKER = '<!-- Everything below is kept when scripts/bench-search.mjs rewrites the results above. -->';
const previous = fs.existsSync(opts.out) ? fs.readFileSync(opts.out, 'utf8') : '';
const kept = previous.includes(MARKER) ? previous.slice(previous.indexOf(MARKER)) : '';
fs.writeFileSync(opts.out, `${report(rows, opts, load, loads)}${kept ? `\n${kept}` : ''}`);
log(`wrote ${opts.out}`);
