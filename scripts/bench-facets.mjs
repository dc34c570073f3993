#!/usr/bin/env node
/**
 * @file Where a search page's time goes, per query of the serve benchmark's mix: the search
 * as the page runs it (results and snippets, every match's id, the filters from the columns) and the exact facet counts over every match (as
 * the page counts them: over the search's matches; and alone: finding the matches again), each
 * timed warm (median and worst wall time of `--runs`, and median CPU time), with the match count. In-process, one connection, as one `lgo serve`
 * worker runs them. Run after `npm run build`:
 *
 *   node scripts/bench-facets.mjs --db .bench/serve-30000.sqlite [--runs 10]
 */
import os from 'node:os';
import { searchStore } from '../dist/search/engine.js';
import { compileQuery } from '../dist/search/query.js';
import { filterTest } from '../dist/serve/column-filters.js';
import { decisionColumns } from '../dist/serve/columns.js';
import { computeFacets } from '../dist/serve/facets.js';
import { PAGE_SIZE, parseState, toFilters } from '../dist/serve/params.js';
import { openStore } from '../dist/store/open.js';
import { MIX } from './lib/serve-mix.mjs';

const opt = (name, fallback) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : fallback);
const runs = Number(opt('runs', '10'));
const db = openStore(opt('db', '.bench/serve-60000.sqlite'), { readonly: true });
const decisions = db.prepare('SELECT count(*) FROM decisions').pluck().get();
/** Wall time (median, worst) and CPU time (median: what other work on the machine inflates least). */
const timed = (fn) => {
  const times = [];
  const cpus = [];
  let out;
  for (let i = 0; i <= runs; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    out = fn();
    const used = process.cpuUsage(c);
    if (i > 0) times.push(performance.now() - t), cpus.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  return { out, median: times[Math.floor(times.length / 2)], max: times[times.length - 1], cpu: cpus[Math.floor(cpus.length / 2)] };
};
console.log(`${decisions} decisions, load average ${os.loadavg().map((n) => n.toFixed(2)).join(' / ')}`);
console.log('| query | matches | search median / max (CPU) | facets over its matches | facets alone |\n|---|---:|---:|---:|---:|');
for (const address of MIX) {
  const state = parseState(new URL(address, 'http://x').searchParams);
  const filters = toFilters(state);
  const compiled = compileQuery(state.q);
  // As the page runs it (serve/views.ts): the filters answered from the columns.
  const s = timed(() => {
    const test = filterTest(decisionColumns(db), filters);
    return searchStore(db, { query: state.q, filters, sort: state.sort, limit: PAGE_SIZE, matchIds: true, ...(test ? { filterTest: test } : {}) });
  });
  const f = timed(() => computeFacets(db, compiled, filters, state.category, s.out.matchIds));
  const alone = timed(() => computeFacets(db, compiled, filters, state.category));
  for (const x of [f, alone]) if (x.out.counted !== s.out.total) throw new Error(`${address}: facets counted ${x.out.counted}, search total ${s.out.total}`);
  const cell = (x) => `${x.median.toFixed(1)} / ${x.max.toFixed(1)} ms (${x.cpu.toFixed(1)})`;
  console.log(`| \`${address}\` | ${s.out.total} | ${cell(s)} | ${cell(f)} | ${cell(alone)} |`);
}
console.log(`load average after ${os.loadavg().map((n) => n.toFixed(2)).join(' / ')}`);
db.close();
