#!/usr/bin/env node
// Adds a parser fixture: copies a page (file) into test/fixtures/pages/<slug>/source.<ext> with a
// meta.json saying where it came from and what it guards. The golden test then writes a draft
// expected.json and fails until a person has reviewed it (run `npx vitest run test/golden`,
// read the new expected.json, run again).
//
//   node scripts/add-fixture.mjs <slug> <file> --guards "what this page guards" [--url URL] [--origin TEXT]
import fs from 'node:fs';
import path from 'node:path';

const [slug, file, ...rest] = process.argv.slice(2);
const opt = (name) => { const i = rest.indexOf(name); return i >= 0 ? rest[i + 1] : undefined; };
if (!slug || !file || !opt('--guards') || !/^[a-z0-9-]+$/.test(slug)) {
  console.error('usage: node scripts/add-fixture.mjs <slug-in-kebab-case> <file> --guards "what it guards" [--url URL] [--origin TEXT]');
  process.exit(2);
}
const dir = path.join('test', 'fixtures', 'pages', slug);
if (fs.existsSync(dir)) { console.error(`${dir} exists already`); process.exit(1); }
fs.mkdirSync(dir, { recursive: true });
const ext = path.extname(file).replace(/^\./, '') || 'txt';
fs.copyFileSync(file, path.join(dir, `source.${ext}`));
const meta = { url: opt('--url') ?? null, guards: opt('--guards'), origin: opt('--origin') ?? 'Local Government and Social Care Ombudsman, www.lgo.org.uk/decisions (re-used with acknowledgement)', added: new Date().toISOString().slice(0, 10) };
fs.writeFileSync(path.join(dir, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
console.error(`added ${dir}; now run the golden test and review the expected.json it writes`);
