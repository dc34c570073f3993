#!/usr/bin/env node
/**
 * @file `npm run score`: the extra scoring of `lgo parse` against the shared gold set with the
 * shared scorer, when the shared folder is beside the project (the project's own copy of the
 * gold labels is checked by `npm test` in any case, test/parser/gold.test.ts). Without it, says
 * so and exits 0: a user's clone has no shared folder.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scorer = path.resolve(root, '..', 'shared', 'tools', 'score-gold.mjs');
if (!fs.existsSync(scorer)) {
  console.error(`score: ${path.relative(root, scorer)} is not beside the project, so the extra scoring is skipped.`);
  console.error('score: npm test already checks every labelled field of the gold copies in test/fixtures/gold.');
  process.exit(0);
}
const args = process.argv.slice(2);
const run = spawnSync(process.execPath, [scorer, ...(args.length ? args : ['--verbose'])], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
