#!/usr/bin/env node
// Chaos run for `lgo fetch` and `lgo build` (issue #10): crawls the fixture site with random
// faults (503, 429 with Retry-After, connection resets, truncated bodies, slow answers) and random
// kill -9s of real `lgo` processes (fetches, builds, two builds at once, readers in between) for a
// bounded time, then lets one last fetch finish and checks:
//   1. every listed decision is held, or reported in the last run's summary (notHeld);
//   2. the corpus and the database agree (same references);
//   3. no decision page was sent whole more than twice;
//   4. no file was written outside the corpus (cwd, HOME, TMPDIR and the package's index/ stay as they were);
//   and no command ever said "unexpected error" or called the database damaged.
// Not part of `npm test`. Needs `npm run build` (the `chaos` script does it).
// Usage: npm run chaos [-- --seconds 120 --pages 300 --seed 7 --fault-rate 0.12 --lgo path/to/bin/lgo.js]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { rng } from './lib/rng.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const SECONDS = arg('seconds', 120);
const PAGES = arg('pages', 300);
const SEED = arg('seed', Date.now() % 100_000);
const FAULT_RATE = arg('fault-rate', 0.12);
const RANGE = { from: '2024-01-01', to: '2024-04-30' };
// Another build of the CLI can be put through the same run (e.g. an older commit's bin/lgo.js).
const lgoAt = process.argv.indexOf('--lgo');
const LGO = lgoAt > 0 ? path.resolve(process.argv[lgoAt + 1]) : path.join(root, 'bin', 'lgo.js');

if (lgoAt < 0 && !fs.existsSync(path.join(root, 'dist', 'bundle', 'lgo.js'))) {
  console.error('chaos: dist/ is missing; run `npm run build` first');
  process.exit(2);
}

const random = rng(SEED);
const pick = (xs) => xs[Math.floor(random() * xs.length)];
const between = (lo, hi) => Math.round(lo + random() * (hi - lo));

// The fixture site is TypeScript under test/; strip its types into .bench/ (it imports nothing from src/).
const siteOut = path.join(root, '.bench', 'chaos-site');
fs.mkdirSync(siteOut, { recursive: true });
fs.writeFileSync(path.join(siteOut, 'package.json'), '{"type":"module"}\n');
for (const name of fs.readdirSync(path.join(root, 'test', 'fixture-site')).filter((n) => n.endsWith('.ts'))) {
  const src = fs.readFileSync(path.join(root, 'test', 'fixture-site', name), 'utf8');
  fs.writeFileSync(path.join(siteOut, name.replace(/\.ts$/, '.js')), ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText);
}
const { startFixtureServer } = await import(path.join(siteOut, 'server.js'));
const { buildDecisions, loadSources } = await import(path.join(siteOut, 'site.js'));

// The sandbox: the corpus and the only other places a child could write to.
const sandbox = fs.mkdtempSync(path.join(os.tmpdir(), 'lgo-chaos-'));
const corpus = path.join(sandbox, 'corpus');
const others = ['cwd', 'home', 'tmp'].map((n) => path.join(sandbox, n));
for (const d of [corpus, ...others]) fs.mkdirSync(d);
// The index/ of the package whose lgo runs: its bundled database must not be touched.
const packageIndex = path.join(path.dirname(path.dirname(LGO)), 'index');
const indexBefore = listing(packageIndex);

const decisions = buildDecisions(loadSources(root), { count: PAGES, from: RANGE.from, to: RANGE.to });
// Pages that can never be held, and must therefore be reported: one 404, one disallowed, one bad link.
const gone = decisions[7];
const barred = decisions[19];
const site = await startFixtureServer(decisions, { robotsTxt: `User-agent: *\nDisallow: ${barred.path}\n` });
const injected = {};
const count = (kind) => (injected[kind] = (injected[kind] ?? 0) + 1);
const randomFaults = [
  { fault: { kind: 'status', status: 503 }, weight: 3 },
  { fault: { kind: 'status', status: 429, retryAfter: '1' }, weight: 1 },
  { fault: { kind: 'reset' }, weight: 2 },
  { fault: { kind: 'truncate' }, weight: 2 },
  { fault: { kind: 'delay', ms: 400 }, weight: 2 },
];
const totalWeight = randomFaults.reduce((n, f) => n + f.weight, 0);
let faultsOn = true;
site.faults = [
  { match: gone.path, fault: { kind: 'status', status: 404 } },
  { match: '/Decisions/SearchResults?fd=2024-03-01&td=2024-03-31&page=1', fault: { kind: 'bad-link', href: '/decisions/housing/%E0%A4%A/21-000-572' } },
  ...randomFaults.map((f, i) => ({
    match: (pq) => {
      if (!faultsOn || pq === '/robots.txt') return false;
      // One draw per request decides whether it is faulted and with what (weighted).
      if (i === 0) drawn = random() < FAULT_RATE ? random() * totalWeight : -1;
      const lo = randomFaults.slice(0, i).reduce((n, g) => n + g.weight, 0);
      const hit = drawn >= lo && drawn < lo + f.weight;
      if (hit) count(f.fault.kind === 'status' ? `http-${f.fault.status}` : f.fault.kind);
      return hit;
    },
    fault: f.fault,
  })),
];
let drawn = -1;

const env = { ...process.env, HOME: others[1], TMPDIR: others[2], LGO_CORPUS: '', LGO_DB: '', NO_COLOR: '1' };
delete env.LGO_CORPUS;
delete env.LGO_DB;
const defects = [];
const killTimes = [];
const figures = { runs: 0, fetchRuns: 0, buildRuns: 0, readerRuns: 0, kills: 0, concurrentBuilds: 0, exitCodes: {} };

/** Runs `lgo` as a child; kills it with SIGKILL after `killAfterMs` when given. */
function lgo(args, killAfterMs) {
  figures.runs++;
  const child = spawn(process.execPath, [LGO, ...args], { cwd: others[0], env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  let killed = false;
  const timer = killAfterMs === undefined ? null : setTimeout(() => {
    if (child.exitCode === null) {
      killed = true;
      figures.kills++;
      killTimes.push(Date.now() - started);
      child.kill('SIGKILL');
    }
  }, killAfterMs);
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      const key = killed ? 'killed' : String(code);
      figures.exitCodes[key] = (figures.exitCodes[key] ?? 0) + 1;
      for (const bad of [/unexpected error/, /damaged/]) if (bad.test(stderr)) defects.push(`lgo ${args.join(' ')}: ${stderr.split('\n').find((l) => bad.test(l))}`);
      resolve({ code, killed, stderr, stdout });
    }),
  );
}

const fetchArgs = ['fetch', '--from', RANGE.from, '--to', RANGE.to, '--base-url', site.baseUrl, '--corpus', corpus, '--delay', '0'];
const started = Date.now();
console.error(`chaos: seed ${SEED}, ${PAGES} pages, ${SECONDS} s, fault rate ${FAULT_RATE}, sandbox ${sandbox}`);
while (Date.now() - started < SECONDS * 1000) {
  const roll = random();
  if (roll < 0.6) {
    figures.fetchRuns++;
    const r = await lgo([...fetchArgs, ...(random() < 0.3 ? ['--no-build'] : [])], random() < 0.75 ? between(30, 3000) : undefined);
    if (!r.killed && ![0, 1, 3, 4].includes(r.code)) defects.push(`fetch exited ${r.code}: ${r.stderr.trim().split('\n').at(-1)}`);
  } else if (roll < 0.8) {
    figures.buildRuns++;
    await lgo(['build', '--corpus', corpus, ...(random() < 0.3 ? ['--full'] : [])], random() < 0.7 ? between(0, 1200) : undefined);
  } else if (roll < 0.9) {
    figures.concurrentBuilds++;
    figures.buildRuns += 2;
    const [a, b] = await Promise.all([lgo(['build', '--corpus', corpus, '--full']), lgo(['build', '--corpus', corpus])]);
    for (const r of [a, b]) if (r.code !== 0 && r.code !== 4) defects.push(`concurrent build exited ${r.code}: ${r.stderr.trim()}`);
  } else if (fs.existsSync(path.join(corpus, 'decisions.sqlite'))) {
    // Readers while a build (full half the time) replaces or updates the database under them.
    figures.readerRuns += 3;
    figures.buildRuns++;
    const reader = async (delayMs) => {
      await new Promise((r) => setTimeout(r, delayMs));
      const r = await lgo(['search', 'council', '--corpus', corpus, '--limit', '1']);
      if (r.code !== 0) defects.push(`search during a build exited ${r.code}: ${r.stderr.trim()}`);
    };
    await Promise.all([lgo(['build', '--corpus', corpus, ...(random() < 0.5 ? ['--full'] : [])]), reader(0), reader(between(50, 400)), reader(between(200, 900))]);
  }
}

// The last run: faults off, nothing killed. It must finish, and say what it could not hold.
faultsOn = false;
const last = await lgo([...fetchArgs, '--log-json']);
const summary = last.stderr
  .trim()
  .split('\n')
  .filter((l) => l.startsWith('{'))
  .map((l) => JSON.parse(l))
  .find((e) => e.type === 'summary');
if (!summary) defects.push(`the last fetch printed no summary (exit ${last.code}): ${last.stderr.slice(-300)}`);

// 1. Every listed decision held or reported.
const rawDir = path.join(corpus, 'raw');
const heldRefs = new Set(
  fs
    .readdirSync(rawDir)
    .filter((n) => n.endsWith('.html.meta.json'))
    .map((n) => JSON.parse(fs.readFileSync(path.join(rawDir, n), 'utf8')).ref),
);
const reported = new Set((summary?.notHeld ?? []).map((n) => n.ref).filter(Boolean));
const badLinks = (summary?.notHeld ?? []).filter((n) => n.code === 'bad-link').length;
const missing = decisions.filter((d) => !heldRefs.has(d.ref) && !reported.has(d.ref));
if (missing.length > badLinks) defects.push(`${missing.length - badLinks} listed decisions neither held nor reported: ${missing.map((d) => d.ref).join(', ')}`);
for (const d of [gone, barred]) if (!reported.has(d.ref)) defects.push(`${d.ref} (never servable) was not reported`);
if (last.code !== 3) defects.push(`the last fetch exited ${last.code}, expected 3 (some decisions cannot be held)`);

// 2. Corpus and database agree.
const { default: Database } = await import('better-sqlite3');
const dbFile = path.join(corpus, 'decisions.sqlite');
let dbRefs = new Set();
if (fs.existsSync(dbFile)) {
  const db = new Database(dbFile, { readonly: true });
  dbRefs = new Set(db.prepare('SELECT ref FROM decisions').pluck().all());
  db.close();
} else defects.push(`no database in the corpus (${dbFile})`);
const onlyCorpus = [...heldRefs].filter((r) => !dbRefs.has(r));
const onlyDb = [...dbRefs].filter((r) => !heldRefs.has(r));
if (onlyCorpus.length || onlyDb.length) defects.push(`corpus and database differ: only in the corpus ${onlyCorpus.join(', ') || '-'}; only in the database ${onlyDb.join(', ') || '-'}`);

// 3. No page sent whole more than twice.
const hits = site.decisionHits();
const overFetched = [...hits].filter(([, n]) => n > 2);
for (const [p, n] of overFetched) {
  const log = site.requests.filter((r) => r.url === p).map((r) => `${r.at - started} ms: ${r.status}`);
  defects.push(`${p} sent whole ${n} times (requests: ${log.join('; ')}; kills at ${killTimes.join(', ')} ms)`);
}
const twice = [...hits].filter(([, n]) => n === 2).length;

// 4. No file outside the corpus.
for (const d of others) if (fs.readdirSync(d).length) defects.push(`files written outside the corpus, in ${d}: ${fs.readdirSync(d).join(', ')}`);
if (fs.readdirSync(sandbox).sort().join() !== 'corpus,cwd,home,tmp') defects.push(`files beside the corpus: ${fs.readdirSync(sandbox).join(', ')}`);
if (listing(packageIndex) !== indexBefore) defects.push(`the package's index/ changed: ${listing(packageIndex)}`);
const leftovers = fs.readdirSync(corpus).filter((n) => /\.tmp|\.lock/.test(n));
if (leftovers.length) defects.push(`temp or lock files left in the corpus: ${leftovers.join(', ')}`);

await site.close();
const result = {
  seed: SEED,
  seconds: Math.round((Date.now() - started) / 1000),
  pages: PAGES,
  ...figures,
  requests: site.requests.length,
  faultsInjected: Object.values(injected).reduce((a, b) => a + b, 0),
  faultsByKind: injected,
  held: heldRefs.size,
  reportedNotHeld: summary?.notHeld?.length ?? null,
  pagesSentTwice: twice,
  defects: defects.length,
};
console.log(JSON.stringify(result, null, 2));
for (const d of defects) console.error(`DEFECT: ${d}`);
if (!defects.length) fs.rmSync(sandbox, { recursive: true, force: true });
else console.error(`chaos: the sandbox is kept for inspection: ${sandbox}`);
fs.rmSync(siteOut, { recursive: true, force: true });
process.exit(defects.length ? 1 : 0);

function listing(dir) {
  if (!fs.existsSync(dir)) return '';
  return fs
    .readdirSync(dir)
    .sort()
    .map((n) => `${n}:${fs.statSync(path.join(dir, n)).mtimeMs}`)
    .join(',');
}
