#!/usr/bin/env node
/**
 * @file The `lgo serve` benchmark: starts `lgo serve` as a user does (bin/lgo.js, its worker
 * processes) on the bundled corpus and on the 60,000-decision synthetic database, and loads the
 * search page over the search benchmark's query mix: one client in turn (p50/p95), then 32
 * concurrent clients with autocannon (searches/s, p95, errors). Samples the server's RSS (all
 * its processes) and each worker's CPU time, and writes the results into docs/benchmarks.md
 * between the `serve` markers. Run after `npm run build` (`npm run bench:serve` does both):
 *
 *   node scripts/bench-serve.mjs [--sizes bundled,60000] [--workers 2] [--duration 20] [--db PATH]
 *
 * `--db PATH` serves that database (built already, e.g. a copy of another clone's
 * .bench/serve-60000.sqlite) for the numbered size instead of generating and building one (a
 * 60,000-decision build takes about a minute of both cores). Failed requests are counted by
 * kind: socket errors, time-outs (autocannon's 10 s) and non-2xx answers with their statuses.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { generate } from './gen-synthetic.mjs';
import { MIX } from './lib/serve-mix.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = path.join(ROOT, '.bench');
const LGO = path.join(ROOT, 'bin', 'lgo.js');
const DOC = path.join(ROOT, 'docs', 'benchmarks.md');


const opt = (name, fallback) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : fallback);
const sizes = opt('sizes', 'bundled,60000').split(',');
const workers = Number(opt('workers', '2'));
const duration = Number(opt('duration', '20'));
const log = (m) => process.stderr.write(`bench-serve: ${m}\n`);
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const load = () => os.loadavg().map((n) => n.toFixed(2)).join(' / ');

function database(size) {
  fs.mkdirSync(BENCH, { recursive: true });
  if (size === 'bundled') {
    const db = path.join(BENCH, 'serve-bundled.sqlite');
    run([path.join(ROOT, 'scripts', 'lib', 'bench-build.mjs'), path.join(ROOT, 'corpus'), db, 'full', 'real']);
    return db;
  }
  const n = Number(size);
  const given = opt('db', null);
  if (given) {
    if (!fs.existsSync(given)) throw new Error(`--db ${given}: no such file`);
    return given;
  }
  const dir = path.join(BENCH, `synthetic-${n}`);
  const db = path.join(BENCH, `serve-${n}.sqlite`);
  const count = fs.existsSync(path.join(dir, 'COUNT')) ? Number(fs.readFileSync(path.join(dir, 'COUNT'), 'utf8')) : 0;
  if (count !== n) {
    fs.rmSync(dir, { recursive: true, force: true });
    log(`generating ${n} synthetic decisions`);
    generate({ count: n, out: dir, seed: 1 });
    fs.writeFileSync(path.join(dir, 'COUNT'), String(n));
    fs.rmSync(db, { force: true });
  }
  if (!fs.existsSync(db)) {
    log(`building ${db}`);
    run([path.join(ROOT, 'scripts', 'lib', 'bench-build.mjs'), dir, db, 'full', 'real']);
  }
  return db;
}

function run(args) {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr.slice(-2000)}`);
}

/** Starts `lgo serve` on a free port; resolves with its address and process. */
function serve(db) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LGO, 'serve', '--db', db, '--port', '0', '--workers', String(workers)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
      const m = /at (http:\/\/\S+)/.exec(err);
      if (m) resolve({ child, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`lgo serve exited ${code}: ${err}`)));
  });
}

/** The server's processes: the primary and its workers. */
function tree(pid) {
  const kids = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map(Number);
  return [pid, ...kids];
}
const rssKb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
/** Proportional set size: shared pages (the node binary, mapped once per process) split among the processes sharing them. */
const pssKb = (pid) => Number(/^Pss:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
const cpuMs = (pid) => {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
};

async function oneClient(url, rounds) {
  const times = [];
  for (let r = -1; r < rounds; r++) {
    for (const q of MIX) {
      const t = performance.now();
      const res = await fetch(new URL(q, url));
      const body = await res.text();
      if (res.status !== 200 || !body.includes('id="count"')) throw new Error(`${q}: HTTP ${res.status}`);
      if (r >= 0) times.push(performance.now() - t);
    }
  }
  return { p50: pct(times, 50), p95: pct(times, 95), n: times.length };
}

function concurrent(url, connections) {
  return new Promise((resolve, reject) => {
    const times = [];
    const inst = autocannon({ url, connections, duration, requests: MIX.map((p) => ({ method: 'GET', path: p })) }, (err, result) => {
      if (err) return reject(err);
      const statuses = Object.entries(result.statusCodeStats ?? {}).filter(([code]) => !code.startsWith('2')).map(([code, s]) => `${s.count} × ${code}`);
      const kinds = [result.errors - result.timeouts > 0 ? `${result.errors - result.timeouts} socket errors` : '', result.timeouts ? `${result.timeouts} time-outs` : '', ...statuses].filter(Boolean);
      // autocannon counts a time-out in `errors` too.
      resolve({ rps: result.requests.total / (result.duration || duration), p95: pct(times, 95), p50: pct(times, 50), errors: result.errors + result.non2xx, kinds, total: result.requests.total });
    });
    inst.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  });
}

async function bench(size) {
  const db = database(size);
  const decisions = size === 'bundled' ? 'bundled corpus' : `${Number(size).toLocaleString('en-GB')} synthetic`;
  log(`${decisions}: starting lgo serve with ${workers} workers`);
  const { child, url } = await serve(db);
  let peak = 0;
  let peakPss = 0;
  const sampler = setInterval(() => {
    try {
      const pids = tree(child.pid);
      peak = Math.max(peak, pids.reduce((s, p) => s + rssKb(p), 0));
      peakPss = Math.max(peakPss, pids.reduce((s, p) => s + pssKb(p), 0));
    } catch {}
  }, 100);
  try {
    const loadBefore = load();
    const one = await oneClient(url, 10);
    log(`one client: p50 ${one.p50.toFixed(1)} ms, p95 ${one.p95.toFixed(1)} ms`);
    const pids = tree(child.pid).slice(1);
    const cpuBefore = pids.map(cpuMs);
    const many = await concurrent(url, 32);
    const cpu = pids.map((p, i) => Math.round(cpuMs(p) - cpuBefore[i]));
    log(`32 clients: ${many.rps.toFixed(0)} searches/s, p95 ${many.p95.toFixed(0)} ms, ${many.errors} errors${many.kinds.length ? ` (${many.kinds.join(', ')})` : ''}; worker CPU ${cpu.join(' + ')} ms`);
    return { decisions, one, many, cpu, peakMb: Math.round(peak / 1024), peakPssMb: Math.round(peakPss / 1024), loadBefore, loadAfter: load() };
  } finally {
    clearInterval(sampler);
    child.kill('SIGINT');
    await new Promise((r) => child.once('exit', r));
  }
}

const results = [];
for (const size of sizes) results.push(await bench(size));

const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
const rows = results.map(
  (r) =>
    `| ${r.decisions} | ${r.one.p50.toFixed(1)} / ${r.one.p95.toFixed(1)} ms | ${r.many.rps.toFixed(0)} | ${r.many.p50.toFixed(0)} / ${r.many.p95.toFixed(0)} ms | ${r.many.errors} of ${r.many.total}${r.many.kinds.length ? ` (${r.many.kinds.join(', ')})` : ''} | ${r.cpu.map((c) => `${(c / 1000).toFixed(1)} s`).join(' + ')} | ${(r.cpu.reduce((a, b) => a + b, 0) / r.many.total).toFixed(1)} ms | ${r.peakPssMb} MB (${r.peakMb} MB) | ${r.loadBefore} → ${r.loadAfter} |`,
);
const block = `<!-- serve:start (rewritten by scripts/bench-serve.mjs) -->
## \`lgo serve\` (search page over HTTP)

Measured ${when} UTC by \`npm run bench:serve\` (scripts/bench-serve.mjs) on ${os.cpus().length} × ${os.cpus()[0]?.model.split(' ').slice(0, 2).join(' ')}, Node ${process.version}: \`lgo serve --workers ${workers}\` as a user starts it, the search page (results, snippets and facet counts) over the query mix above as addresses (\`${MIX[5]}\`, ...).
One client: 10 rounds of the 10 queries in turn after one warm-up round. 32 clients: autocannon, ${duration} s, each connection cycling the mix.
Worker CPU is each worker process's user + system time during the 32-client run (both cores busy means both near the run's length); CPU per page is their sum over the pages served, which other work on the machine inflates far less than wall time: two idle cores serve at most about 2,000 / (CPU per page) pages a second.
Memory is the peak sum over the server's processes (primary and workers) of PSS, which counts pages they share (the node binary and libraries, about 45 MB mapped in each) once, and in brackets of RSS, which counts them in every process. Load average (1/5/15 min) before → after; the machine is shared with five other helpers' work.

| database | one client p50 / p95 | 32 clients searches/s | 32 clients p50 / p95 | errors | worker CPU | CPU per page | peak memory PSS (RSS) | load average |
|---|---:|---:|---:|---:|---:|---:|---:|---|
${rows.join('\n')}

Targets at 60,000 decisions: one client p95 <= 100 ms; 32 clients >= 100 searches/s, p95 <= 500 ms, 0 errors, both cores; RSS <= 300 MB (summed over the processes; PSS counts their shared pages once).
<!-- serve:end -->`;
let doc = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '';
doc = /<!-- serve:start[\s\S]*<!-- serve:end -->/.test(doc) ? doc.replace(/<!-- serve:start[\s\S]*<!-- serve:end -->/, block) : `${doc.trimEnd()}\n\n${block}\n`;
fs.writeFileSync(DOC, doc);
log(`wrote ${path.relative(ROOT, DOC)}`);
