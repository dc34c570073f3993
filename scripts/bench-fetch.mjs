#!/usr/bin/env node
// Benchmark for `lgo fetch` against the local fixture site with the delay set to 0:
// throughput (pages/s) of the full crawl (listing, robots, conditional headers, checks, atomic
// writes, state saves) versus a bare sequential GET loop over the same pages, and the per-page
// overhead between the two. Needs `npm run build` first (it imports dist/).
// Usage: npm run bench:fetch [-- --pages 500]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { request } from 'undici';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const PAGES = arg('pages', 500);

if (!fs.existsSync(path.join(root, 'dist', 'fetch', 'crawl.js'))) {
  console.error('bench-fetch: dist/ is missing; run `npm run build` first');
  process.exit(2);
}

// The fixture site is TypeScript under test/; strip its types into .bench/ (it imports nothing from src/).
const siteOut = path.join(root, '.bench', 'fixture-site');
fs.mkdirSync(siteOut, { recursive: true });
fs.writeFileSync(path.join(siteOut, 'package.json'), '{"type":"module"}\n');
for (const name of fs.readdirSync(path.join(root, 'test', 'fixture-site')).filter((n) => n.endsWith('.ts'))) {
  const src = fs.readFileSync(path.join(root, 'test', 'fixture-site', name), 'utf8');
  const js = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  fs.writeFileSync(path.join(siteOut, name.replace(/\.ts$/, '.js')), js);
}
const { startFixtureServer } = await import(path.join(siteOut, 'server.js'));
const { buildDecisions, loadSources } = await import(path.join(siteOut, 'site.js'));
const { crawl } = await import(path.join(root, 'dist', 'fetch', 'crawl.js'));
const { makePageCheck } = await import(path.join(root, 'dist', 'fetch', 'page.js'));
const { parseDecision } = await import(path.join(root, 'dist', 'parse.js'));

const decisions = buildDecisions(loadSources(root), { count: PAGES, from: '2023-01-01', to: '2023-12-31' });
const site = await startFixtureServer(decisions);
const corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'lgo-bench-fetch-'));
const settings = { baseUrl: site.baseUrl, delayMs: 0, jitter: 0 };

// 1. The bare loop: the same decision pages, one GET at a time, bodies read and dropped.
let t = performance.now();
let bytes = 0;
for (const d of decisions) {
  const res = await request(`${site.baseUrl}${d.path}`, { headers: { 'accept-encoding': 'gzip' } });
  bytes += (await res.body.arrayBuffer()).byteLength;
}
const bareMs = performance.now() - t;

// 2. The full crawl into an empty corpus.
site.requests.length = 0;
const check = makePageCheck((b, url) => parseDecision(b, { url }));
t = performance.now();
const cpu0 = process.cpuUsage();
const summary = await crawl({ corpusDir: corpus, from: '2023-01-01', to: '2023-12-31', settings, check });
const crawlMs = performance.now() - t;
const cpu = process.cpuUsage(cpu0);
const requests = site.requests.length;

// 3. A re-run with nothing to do (finished windows are not listed again).
t = performance.now();
await crawl({ corpusDir: corpus, from: '2023-01-01', to: '2023-12-31', settings, check });
const noopMs = performance.now() - t;

// 4. A --refresh re-run: every page re-checked with a conditional request (304s).
t = performance.now();
const refresh = await crawl({ corpusDir: corpus, from: '2023-01-01', to: '2023-12-31', settings, check, refresh: true });
const refreshMs = performance.now() - t;

await site.close();
fs.rmSync(corpus, { recursive: true, force: true });

const f = (n, d = 1) => n.toFixed(d);
const rows = [
  ['pages', PAGES],
  ['compressed bytes per page (bare loop)', Math.round(bytes / PAGES)],
  ['bare GET loop', `${f(bareMs)} ms, ${f((PAGES / bareMs) * 1000)} pages/s`],
  ['lgo fetch crawl (delay 0)', `${f(crawlMs)} ms, ${f((PAGES / crawlMs) * 1000)} pages/s, ${requests} requests (${requests - PAGES} robots/listing)`],
  ['overhead per page vs bare loop', `${f((crawlMs - bareMs) / PAGES, 2)} ms`],
  ['crawl CPU (user+system)', `${f((cpu.user + cpu.system) / 1000)} ms`],
  ['re-run, nothing to do', `${f(noopMs)} ms`],
  ['--refresh re-run (conditional, all 304)', `${f(refreshMs)} ms, ${f((PAGES / refreshMs) * 1000)} pages/s, unchanged ${refresh.counts.unchanged}`],
  ['fetched / failed', `${summary.counts.fetched} / ${summary.counts.failed}`],
];
console.log(`lgo fetch benchmark (node ${process.version}, ${os.cpus().length} CPUs; server in the same process)`);
for (const [k, v] of rows) console.log(`  ${k.padEnd(42)} ${v}`);
