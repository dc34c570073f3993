/**
 * Requests never come faster than the configured delay (or robots.txt's Crawl-delay), always carry
 * the configured User-Agent, and robots.txt disallows are obeyed and reported.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../fixture-site/server.js';
import { run, startSite, tempCorpus } from './helpers.js';

const JAN = { from: '2024-01-01', to: '2024-01-31' };
let site: FixtureServer;
afterEach(async () => site?.close());

function gaps(times: number[]): number[] {
  return times.slice(1).map((t, i) => t - times[i]!);
}

describe('politeness', () => {
  it.each([1, 2])('with delay 80 ms and concurrency %i, no two requests start closer than 80 ms', async (concurrency) => {
    site = await startSite({ count: 8, ...JAN });
    const clientStarts: number[] = [];
    const { summary } = await run(site, tempCorpus(), {
      ...JAN,
      settings: { delayMs: 80, jitter: 0.5, concurrency, userAgent: 'lgo-test/1 (+https://example.org/contact)' },
      onEvent: (e) => e.type === 'request' && clientStarts.push(Date.now()),
    });
    expect(summary.counts.fetched).toBe(8);
    expect(site.requests.length).toBeGreaterThanOrEqual(10); // robots + listing + 8 pages
    expect(Math.min(...gaps(clientStarts))).toBeGreaterThanOrEqual(79);
    // The gap also runs from the end of the previous request, so the server never sees bunching.
    expect(Math.min(...gaps(site.requests.map((r) => r.at)))).toBeGreaterThanOrEqual(79);
    expect(new Set(site.requests.map((r) => r.userAgent))).toEqual(new Set(['lgo-test/1 (+https://example.org/contact)']));
  });

  it('honours robots.txt: Crawl-delay raises the gap; disallowed pages are skipped, reported and never requested', async () => {
    site = await startSite({ count: 8, ...JAN });
    // Two pages by path (the category mix depends on whether ../shared's gold pages are there).
    const blocked = [site.decisions[2]!, site.decisions[5]!];
    site.robotsTxt = `User-agent: *\nCrawl-delay: 0.15\nDisallow: ${blocked[0]!.path}\nDisallow: ${blocked[1]!.path}\n`;
    expect(blocked.length).toBeGreaterThan(0);
    const { summary, events } = await run(site, tempCorpus(), { ...JAN, settings: { delayMs: 20, jitter: 0 } });
    expect(events.find((e) => e.type === 'robots')).toMatchObject({ found: true, crawlDelayMs: 150 });
    expect(summary.counts.skipped).toBe(blocked.length);
    expect(summary.counts.fetched).toBe(8 - blocked.length);
    expect(events.filter((e) => e.type === 'page' && e.kind === 'skipped').map((e) => (e as { reason: string }).reason)).toEqual(blocked.map(() => 'disallowed by robots.txt'));
    for (const d of blocked) expect(site.requests.some((r) => r.url === d.path)).toBe(false);
    expect(Math.min(...gaps(site.requests.map((r) => r.at)))).toBeGreaterThanOrEqual(140);
  });

  it('a Retry-After holds every worker, not only the one that was told', async () => {
    site = await startSite({ count: 8, ...JAN });
    const victim = site.decisions[2]!.path;
    site.faults = [{ match: victim, fault: { kind: 'status', status: 429, retryAfter: '1' }, times: 1 }];
    const { summary } = await run(site, tempCorpus(), { ...JAN, settings: { concurrency: 2 } });
    expect(summary.counts.fetched).toBe(8);
    const told = site.requests.find((r) => r.status === 429)!;
    const during = site.requests.filter((r) => r.at > told.at + 50 && r.at < told.at + 950);
    expect(during).toEqual([]);
  });

  it('a robots.txt that disallows the search stops the run before any other request', async () => {
    site = await startSite({ count: 3, ...JAN, robotsTxt: 'User-agent: *\nDisallow: /\n' });
    const { summary } = await run(site, tempCorpus(), JAN);
    expect(summary.stopped).toMatchObject({ code: 'listing-disallowed' });
    expect(summary.counts.fetched).toBe(0);
    expect(site.requests.map((r) => r.url)).toEqual(['/robots.txt']);
  });
});
