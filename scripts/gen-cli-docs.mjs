#!/usr/bin/env node
// Writes docs/cli.md from the program's own --help texts, so the reference cannot drift from
// the code (test/docs.test.ts fails when it has). Run after changing a command:
//   npm run build && node scripts/gen-cli-docs.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { renderCliDocs } = await import(path.join(root, 'dist', 'cli', 'docs.js'));
fs.writeFileSync(path.join(root, 'docs', 'cli.md'), renderCliDocs());
console.error('wrote docs/cli.md');
