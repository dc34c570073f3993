// Child process of the search benchmark: one buildStore run, printed as JSON on stdout.
import { buildStore } from '../../dist/store/build.js';

const [corpusDir, dbPath, mode, parser] = process.argv.slice(2);
const parse = parser === 'simple' ? (await import('../simple-parse.mjs')).simpleParse : undefined;
const started = performance.now();
const stats = await buildStore({ corpusDir, dbPath, full: mode === 'full', parse });
process.stdout.write(
  JSON.stringify({ ...stats, warnings: stats.warnings.length, wallMs: Math.round(performance.now() - started), maxRssKb: process.resourceUsage().maxRSS }),
);
