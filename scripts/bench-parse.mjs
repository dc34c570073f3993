#!/usr/bin/env node
// Parse throughput: the bundled corpus (and the HTML fixtures) repeated to N documents, parsed
// one after another on one core. Reports decisions per second, MB/s and peak RSS, and
// rewrites the parse table in docs/benchmarks-parse.md. Needs `npm run build` first (dist/).
//
//   node scripts/bench-parse.mjs [--docs 10000]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { parseDecision } = await import(path.join(root, 'dist', 'parse.js'));
const args = process.argv.slice(2);
const docs = Number(args[args.indexOf('--docs') + 1] || 10000) || 10000;

const inputs = [];
for (const f of fs.readdirSync(path.join(root, 'corpus')).filter((f) => f.endsWith('.txt'))) inputs.push({ kind: 'text', bytes: fs.readFileSync(path.join(root, 'corpus', f)) });
const pages = path.join(root, 'test', 'fixtures', 'pages');
for (const d of fs.readdirSync(pages)) {
  const html = path.join(pages, d, 'source.html');
  if (fs.existsSync(html)) inputs.push({ kind: 'html', bytes: fs.readFileSync(html) });
}

function run(kind) {
  const set = inputs.filter((i) => kind === 'all' || i.kind === kind);
  const n = kind === 'all' ? docs : Math.max(1000, Math.round(docs / 5));
  let bytes = 0;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const input = set[i % set.length];
    parseDecision(input.bytes);
    bytes += input.bytes.length;
    if (i % 100 === 0) peak = Math.max(peak, process.memoryUsage.rss());
  }
  const s = (performance.now() - t0) / 1000;
  return { kind, n, seconds: s, perSecond: n / s, mbPerSecond: bytes / 1e6 / s, meanKb: bytes / n / 1024 };
}

// Peak RSS sampled in the loop: resourceUsage().maxRSS starts from the parent's RSS (Linux, fork+exec).
let peak = process.memoryUsage.rss();
for (let i = 0; i < 200; i++) parseDecision(inputs[i % inputs.length].bytes); // warm up the JIT
const rows = [run('text'), run('html'), run('all')];
const peakMb = Math.max(peak, process.memoryUsage.rss()) / 1024 / 1024;
const lines = [
  `| input | documents | mean size | seconds | decisions/s | MB/s |`,
  `|---|---|---|---|---|---|`,
  ...rows.map((r) => `| ${r.kind} | ${r.n} | ${r.meanKb.toFixed(1)} KB | ${r.seconds.toFixed(2)} | ${Math.round(r.perSecond)} | ${r.mbPerSecond.toFixed(1)} |`),
];
const report = `# Parse benchmark\n\n\`npm run bench:parse\` on ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}, one core used, ${new Date().toISOString().slice(0, 10)}.\nThe bundled corpus (5 seed decisions, text) and the HTML fixtures, repeated.\n\n${lines.join('\n')}\n\nPeak RSS of the whole run: ${peakMb.toFixed(0)} MB. Target: >= 500 decisions/s on one core.\n`;
fs.mkdirSync(path.join(root, 'docs'), { recursive: true });
fs.writeFileSync(path.join(root, 'docs', 'benchmarks-parse.md'), report);
console.log(report);
