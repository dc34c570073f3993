#!/usr/bin/env node
// `npm run bench`: every benchmark, one after another (they share 2 cores, so never in parallel):
// parse throughput (docs/benchmarks-parse.md), then store and search (docs/benchmarks.md).
// Extra arguments go to the search benchmark, e.g. `npm run bench -- --sizes 5000`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
for (const [script, args] of [['bench-parse.mjs', []], ['bench-search.mjs', process.argv.slice(2)]]) {
  const r = spawnSync(process.execPath, [path.join(here, script), ...args], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
