/**
 * Re-runs: duplicates across windows are fetched once, changed pages are re-fetched with their
 * old version kept, unchanged ones answer 304 to conditional requests, big windows are split,
 * and --since-last starts from the newest decision held.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runLgo } from '../helpers/io.js';
import type { FixtureServer } from '../fixture-site/server.js';
import { decisionFetches, run, startSite, tempCorpus } from './helpers.js';

const RANGE = { from: '2024-01-01', to: '2024-02-29' };
let site: FixtureServer;
afterEach(async () => site?.close());

const slug = (ref: string): string => ref.replace(/ /g, '-');

describe('re-runs', () => {
  it('a decision listed in two windows is fetched once', async () => {
    site = await startSite({ count: 10, ...RANGE });
    const dup = site.decisions[1]!;
    expect(dup.date < '2024-02-01').toBe(true);
    dup.listedDates.push('2024-02-20');
    const { summary } = await run(site, tempCorpus(), RANGE);
    expect(summary.listed).toBe(11);
    expect(summary.counts.fetched).toBe(10);
    expect(decisionFetches(site).filter((p) => p === dup.path)).toHaveLength(1);
  });

  it('--refresh sends conditional requests: 304 for unchanged pages, a new version for a changed one (old one kept)', async () => {
    site = await startSite({ count: 6, ...RANGE });
    const corpus = tempCorpus();
    await run(site, corpus, RANGE);
    const changed = site.decisions[2]!;
    const file = path.join(corpus, 'raw', `${slug(changed.ref)}.html`);
    const oldBytes = fs.readFileSync(file);
    site.changeDecision(changed.ref);
    const mark = site.requests.length;
    const { summary } = await run(site, corpus, { ...RANGE, refresh: true });
    expect(summary.counts).toMatchObject({ updated: 1, unchanged: 5, fetched: 0 });
    const pageRequests = site.requests.slice(mark).filter((r) => r.url.startsWith('/decisions/'));
    expect(pageRequests.every((r) => r.conditional)).toBe(true);
    expect(pageRequests.filter((r) => r.status === 304)).toHaveLength(5);
    expect(fs.readFileSync(file, 'utf8')).toContain('Updated version 2.');
    const versions = fs.readdirSync(path.join(corpus, 'raw', 'versions'));
    expect(versions).toHaveLength(2);
    const old = versions.find((n) => n.endsWith('.html'))!;
    expect(old.startsWith(`${slug(changed.ref)}.`)).toBe(true);
    expect(fs.readFileSync(path.join(corpus, 'raw', 'versions', old))).toEqual(oldBytes);
    // Without --refresh a re-run of finished windows asks the site nothing but robots.txt.
    const mark2 = site.requests.length;
    const again = await run(site, corpus, RANGE);
    expect(again.summary.windows.skipped).toBe(2);
    expect(site.requests.slice(mark2).map((r) => r.url)).toEqual(['/robots.txt']);
  });

  it('--refresh flags a decision the listing no longer shows as vanished, and keeps our copy', async () => {
    site = await startSite({ count: 6, ...RANGE });
    const corpus = tempCorpus();
    await run(site, corpus, RANGE);
    const [gone] = site.decisions.splice(3, 1);
    const file = path.join(corpus, 'raw', `${slug(gone!.ref)}.html`);
    const before = fs.readFileSync(file);
    const { summary } = await run(site, corpus, { ...RANGE, refresh: true });
    expect(summary.vanished).toEqual([{ url: `https://www.lgo.org.uk${gone!.path}`, status: null }]);
    expect(summary.counts).toMatchObject({ vanished: 1, unchanged: 5 });
    expect(fs.readFileSync(file)).toEqual(before);
    const state = JSON.parse(fs.readFileSync(path.join(corpus, 'fetch-state.json'), 'utf8'));
    expect(state.vanished[gone!.ref]).toMatchObject({ status: null });
  });

  it('a window with more results than the cap is split until each half fits', async () => {
    site = await startSite({ count: 20, from: '2024-01-01', to: '2024-01-31' });
    const corpus = tempCorpus();
    const { summary, events } = await run(site, corpus, { from: '2024-01-01', to: '2024-01-31', settings: { maxWindowResults: 8 } });
    expect(summary.counts.fetched).toBe(20);
    expect(events.filter((e) => e.type === 'window' && e.status === 'split').length).toBeGreaterThanOrEqual(2);
    const state = JSON.parse(fs.readFileSync(path.join(corpus, 'fetch-state.json'), 'utf8'));
    for (const w of Object.values(state.windows) as Array<{ status: string; total: number }>) if (w.status === 'done') expect(w.total).toBeLessThanOrEqual(8);
  });

  it('lgo fetch --since-last lists from the newest decision held', async () => {
    site = await startSite({ count: 6, ...RANGE });
    const corpus = tempCorpus();
    await run(site, corpus, { from: '2024-01-01', to: '2024-01-31' });
    const mark = site.requests.length;
    const r = await runLgo(['fetch', '--since-last', '--base-url', site.baseUrl, '--corpus', corpus, '--delay', '0', '--no-build'], { cwd: corpus });
    expect(r.stderr).toMatch(/fetched 3\b/);
    expect(r.code).toBe(0);
    const newestJan = site.decisions.filter((d) => d.date < '2024-02-01').map((d) => d.date).sort().at(-1)!;
    const firstListing = site.requests.slice(mark).find((r) => r.url.startsWith('/Decisions/'))!;
    expect(firstListing.url).toContain(`fd=${newestJan}`);
  });
});
