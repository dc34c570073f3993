// Child process of the search benchmark: one buildStore run, printed as JSON on stdout.
import { buildStore } from '../../dist/store/build.js';

const [corpusDir, dbPath, mode, parser] = process.argv.slice(2);
const parse = parser === 'simple' ? (await import('../simple-parse.mjs')).simpleParse : undefined;
// Peak RSS sampled: resourceUsage().maxRSS would start from the parent's RSS (Linux, fork+exec).
// Worker threads share this process, so their memory is counted too.
let peak = process.memoryUsage.rss();
setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 5).unref();
const started = performance.now();
const cpuStart = process.cpuUsage();
const stats = await buildStore({ corpusDir, dbPath, full: mode === 'full', parse });
process.stdout.write(
  JSON.stringify({ ...stats, warnings: stats.warnings.length, wallMs: Math.round(performance.now() - started), cpuMs: Math.round(((u) => (u.user + u.system) / 1000)(process.cpuUsage(cpuStart))), maxRssKb: Math.round(Math.max(peak, process.memoryUsage.rss()) / 1024) }),
);
