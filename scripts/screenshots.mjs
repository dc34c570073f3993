#!/usr/bin/env node
/**
 * @file Screenshots of `lgo serve`'s three page kinds for the README, in docs/: the search page,
 * a decision with an amount's sentence highlighted, and payments and statistics. Serves a store
 * built from the golden fixtures' real records (test/fixtures/pages/<slug>/expected.json) and
 * drives Debian's headless Chromium. Run after `npm run build`:
 *
 *   node scripts/screenshots.mjs [--chromium /usr/bin/chromium]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PAGES = path.join(ROOT, 'test', 'fixtures', 'pages');
const exe = process.argv.includes('--chromium') ? process.argv[process.argv.indexOf('--chromium') + 1] : '/usr/bin/chromium';
const { buildStore } = await import(path.join(ROOT, 'dist', 'store', 'build.js'));
const { startServer } = await import(path.join(ROOT, 'dist', 'serve', 'server.js'));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lgo-shots-'));
const corpus = path.join(dir, 'corpus');
fs.mkdirSync(corpus, { recursive: true });
const seen = new Set();
for (const slug of fs.readdirSync(PAGES).sort()) {
  const file = path.join(PAGES, slug, 'expected.json');
  if (!fs.existsSync(file)) continue;
  const rec = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (seen.has(rec.ref)) continue;
  seen.add(rec.ref);
  fs.writeFileSync(path.join(corpus, `${slug}.json.txt`), JSON.stringify(rec));
}
const db = path.join(dir, 'decisions.sqlite');
// The records are already parsed: the build stores them as they are.
await buildStore({ corpusDir: corpus, dbPath: db, parse: (bytes) => JSON.parse(Buffer.from(bytes).toString('utf8')) });
const server = await startServer({ dbPath: db, host: '127.0.0.1', port: 0 });
const browser = await chromium.launch({
  executablePath: exe,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const shot = async (url, name, prepare) => {
    await page.goto(new URL(url, server.url).href);
    if (prepare) await prepare();
    await page.screenshot({ path: path.join(ROOT, 'docs', name) });
    process.stderr.write(`wrote docs/${name}\n`);
  };
  await shot('/?q=care&outcome=Upheld', 'serve-search.png');
  await shot('/decision/21-008-070', 'serve-decision.png', async () => {
    await page.locator('table a[data-sentence]').first().click();
    await page.waitForTimeout(200);
  });
  // Taller, so the first charts show under the downloads.
  await page.setViewportSize({ width: 1200, height: 1500 });
  await shot('/payments?category=Children%27s+care+services', 'serve-payments.png');
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
  await phone.goto(new URL('/?q=distress', server.url).href);
  await phone.screenshot({ path: path.join(ROOT, 'docs', 'serve-phone.png') });
  process.stderr.write('wrote docs/serve-phone.png\n');
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
