/**
 * `lgo serve` in a real browser (headless Chromium): searching with facets, "did you mean",
 * reading a decision and clicking an amount to its highlighted sentence, downloading a CSV,
 * the back button, hostile text, pages without JavaScript, and axe-core on each page kind.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { chromiumAvailable, launchChromium } from './chromium.js';
import { buildServeStore, HOSTILE_REF } from './fixture.js';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const available = chromiumAvailable();

describe.skipIf(!available)('lgo serve in Chromium', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  /** Script errors, CSP violations and dialogs (alert) seen on any page. */
  const problems: string[] = [];

  beforeAll(async () => {
    const built = await buildServeStore();
    dir = built.dir;
    server = await startServer({ dbPath: built.db, host: '127.0.0.1', port: 0, log: (l) => problems.push(l) });
    browser = await launchChromium();
    context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1200, height: 900 } });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function open(path: string, expectedStatus = 200): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && !m.text().includes(`status of ${expectedStatus}`) && problems.push(`console: ${m.text()}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(new URL(path, server.url).href);
    return page;
  }
  const count = async (page: Page) => Number(/(\d+) decisions? match/.exec((await page.locator('#count').textContent()) ?? '')?.[1]);

  it('searches, narrows by facets and keeps every state in the address', async () => {
    const page = await open('/');
    await page.getByRole('searchbox', { name: 'Search decisions' }).fill('council');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/\?q=council$/);
    const all = await count(page);
    expect(all).toBeGreaterThan(5);
    await page.getByRole('complementary').getByRole('link', { name: "Children's care services" }).click();
    await page.waitForURL(/category=Children%27s\+care\+services/);
    const narrowed = await count(page);
    expect(narrowed).toBeLessThan(all);
    const metas = await page.locator('ol.results .meta').allTextContents();
    expect(metas.length).toBe(narrowed);
    expect(metas.every((m) => m.includes("Children's care services"))).toBe(true);
    await expect.poll(() => page.locator('ol.results mark').count()).toBeGreaterThan(0);
    // The organisation type-ahead fills its list from the server as one types.
    await page.locator('#organisation-input').pressSequentially('Lanc');
    await expect.poll(() => page.locator('#organisation-list option').evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value))).toContain('Lancashire County Council');
    await page.close();
  });

  it('offers the corrected query for a misspelt one, and the suggestion finds decisions', async () => {
    const page = await open('/?q=assesment');
    expect(await count(page)).toBe(0);
    const suggestion = page.getByRole('status').filter({ hasText: 'Did you mean' }).getByRole('link');
    await expect.poll(() => suggestion.textContent()).toBe('assessment');
    await suggestion.click();
    await page.waitForURL(/\?q=assessment$/);
    expect(await count(page)).toBeGreaterThan(0);
    await page.close();
  });

  it('opens a decision from the results; an amount leads to its sentence, highlighted', async () => {
    const page = await open('/?q=care+package+OR+%22care+and+support%22&organisation=Essex');
    await page.getByRole('link', { name: /Essex County Council \(21 008 070\)/ }).click();
    await page.waitForURL(/\/decision\/21-008-070$/);
    const amount = page.locator('#payments').locator('xpath=following::table[1]').getByRole('link').first();
    const label = (await amount.textContent())!;
    expect(label).toMatch(/^£[\d,]+$/);
    await amount.click();
    await page.waitForURL(/#pay-\d+$/);
    const id = new URL(page.url()).hash.slice(1);
    const mark = page.locator(`mark#${id}`);
    await expect.poll(() => mark.evaluate((m) => m.matches(':target') && m.classList.contains('flash'))).toBe(true);
    expect(await mark.textContent()).toContain(label);
    // On screen, and not hidden behind anything.
    const box = (await mark.boundingBox())!;
    expect(box.y).toBeGreaterThan(50);
    expect(box.y).toBeLessThan(900);
    expect(await mark.evaluate((m) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(m).backgroundColor)).toBe('rgb(255, 212, 0)');
    await page.close();
  });

  it('downloads the payments of the current selection as CSV', async () => {
    const page = await open('/?category=Children%27s+care+services');
    await page.getByRole('link', { name: 'Payments and statistics for these decisions' }).click();
    await page.waitForURL(/\/payments\?category=/);
    const shown = Number(/(\d+) payments/.exec((await page.getByRole('status').first().textContent())!)?.[1]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.downloads').first().getByRole('link', { name: 'CSV (Excel-safe)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^lgo-payments-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.length).toBe(shown);
    expect(rows.every((r) => r.category === "Children's care services")).toBe(true);
    expect(rows.every((r) => Number(r.amount) > 0)).toBe(true);
    // The table on the page shows the same rows.
    expect(await page.locator('table tbody tr').count()).toBe(rows.length);
    await page.close();
  });

  it('walks back through search states with the back button', async () => {
    const page = await open('/?q=council');
    await page.getByRole('complementary').getByRole('link', { name: 'Upheld', exact: true }).click();
    await page.waitForURL(/outcome=Upheld/);
    await page.getByRole('link', { name: 'Newest' }).click();
    await page.waitForURL(/sort=date/);
    await page.goBack();
    await page.waitForURL(/\?q=council&outcome=Upheld$/);
    expect(await page.locator('.sorts [aria-current]').textContent()).toBe('Relevance');
    await page.goBack();
    await page.waitForURL(/\?q=council$/);
    expect(await page.getByRole('searchbox').inputValue()).toBe('council');
    expect(await page.locator('.chips').count()).toBe(0);
    await page.goForward();
    await page.waitForURL(/outcome=Upheld$/);
    expect(await page.locator('.chips').textContent()).toContain('Upheld');
    await page.close();
  });

  it('renders a decision full of markup and javascript: links as inert text', async () => {
    const page = await open(`/decision/${HOSTILE_REF.replace(/ /g, '-')}`);
    expect(await page.locator('h1').textContent()).toContain('<script>alert("org")</script> Borough Council');
    expect(await page.locator('main script, main img, main iframe, main style, main svg').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
    expect(await page.locator('.summary').textContent()).toContain('<a href="javascript:alert(2)">this link</a>');
    await page.locator('table').getByRole('link').first().click();
    expect(await page.locator('mark.flash').textContent()).toContain('<script>alert("x")</script>');
    expect(problems.filter((p) => p.startsWith('dialog'))).toEqual([]);
    await page.close();
  });

  it('works without JavaScript: the form, facets and amount links are plain HTML', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(new URL('/', server.url).href);
    await page.getByRole('searchbox').fill('distress');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/\?q=distress/);
    await page.getByRole('complementary').getByRole('link', { name: 'Upheld', exact: true }).click();
    await page.waitForURL(/outcome=Upheld/);
    await page.goto(new URL('/decision/21-008-070', server.url).href);
    await page.locator('table').getByRole('link').first().click();
    expect(await page.locator('mark:target').count()).toBe(1);
    await noJs.close();
  });

  it.each([
    ['search', '/?q=assessment&outcome=Upheld'],
    ['decision', '/decision/21-008-070'],
    ['payments', '/payments?category=Children%27s+care+services'],
    ['error', '/?year=x'],
  ])('the %s page has no serious or critical accessibility violation (axe-core)', async (_kind, path) => {
    const page = await open(path, path.includes('year=x') ? 400 : 200);
    await page.evaluate(AXE_SOURCE);
    const result = (await page.evaluate(() => (globalThis as unknown as { axe: { run: () => Promise<unknown> } }).axe.run())) as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    expect(bad).toEqual([]);
    await page.close();
  });

  it('saw no script error, CSP violation, dialog or server error on any page', () => {
    expect(problems).toEqual([]);
  });
});
