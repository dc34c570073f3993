#!/usr/bin/env node
/**
 * @file Bundles the compiled CLI (dist/) into dist/bundle/ with rolldown, after `tsc`: `lgo`
 * then loads a handful of files instead of about a hundred ES modules, which saves about a
 * sixth of `lgo search`'s start-up. Commands' heavy modules stay in chunks loaded on demand;
 * the parse worker is a second entry beside them. better-sqlite3 and @resvg/resvg-js (native addons)
 * and exceljs (CommonJS, loaded only for .xlsx) stay packages.
 * rolldown is the bundler vitest's vite already installs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist', 'bundle');

fs.rmSync(OUT, { recursive: true, force: true });
await build({
  cwd: ROOT,
  input: { lgo: 'dist/cli/main.js', 'parse-worker': 'dist/store/parse-worker.js' },
  platform: 'node',
  external: ['better-sqlite3', '@resvg/resvg-js', 'exceljs'],
  logLevel: 'silent',
  output: { dir: OUT, format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
});
