/**
 * @file Shared set-up for the fetch tests: a fixture site over a date range, a temp corpus, and
 * settings that keep the tests fast (small delays, tiny backoff) while staying polite in shape.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { crawl, type CrawlEvent, type CrawlOptions, type CrawlSummary } from '../../src/fetch/crawl.js';
import { makePageCheck } from '../../src/fetch/page.js';
import type { FetchSettingsInput } from '../../src/fetch/settings.js';
import { parseDecision } from '../../src/parse.js';
import { startFixtureServer, type FaultRule, type FixtureServer } from '../fixture-site/server.js';
import { buildDecisions, loadSources } from '../fixture-site/site.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function startSite(opts: { count?: number; from?: string; to?: string; robotsTxt?: string | null; faults?: FaultRule[] } = {}): Promise<FixtureServer> {
  const decisions = buildDecisions(loadSources(REPO_ROOT), { count: opts.count ?? 30, from: opts.from ?? '2024-01-01', to: opts.to ?? '2024-03-31' });
  return startFixtureServer(decisions, { robotsTxt: opts.robotsTxt, faults: opts.faults });
}

const temps: string[] = [];
// Registered in the suite of every test file that imports this module.
afterAll(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh empty corpus folder, removed after the test file has run. */
export function tempCorpus(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lgo-fetch-'));
  temps.push(dir);
  return dir;
}

/** Test settings: no pacing unless asked, millisecond backoff, short time cap. */
export function fastSettings(site: FixtureServer, extra: FetchSettingsInput = {}): FetchSettingsInput {
  return { baseUrl: site.baseUrl, delayMs: 0, jitter: 0, backoffMs: 5, maxBackoffMs: 20, timeoutMs: 2000, ...extra };
}

export const pageCheck = makePageCheck((bytes, url) => parseDecision(bytes, { url }));

export async function run(site: FixtureServer, corpusDir: string, opts: Partial<CrawlOptions> & { settings?: FetchSettingsInput } = {}): Promise<{ summary: CrawlSummary; events: CrawlEvent[] }> {
  const events: CrawlEvent[] = [];
  const summary = await crawl({
    corpusDir,
    from: '2024-01-01',
    to: '2024-03-31',
    check: pageCheck,
    ...opts,
    settings: fastSettings(site, opts.settings),
    onEvent: (e) => {
      events.push(e);
      opts.onEvent?.(e);
    },
  });
  return { summary, events };
}

/** Every file under the corpus's raw/ folder with its bytes (sidecars without their times). */
export function snapshot(corpusDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const name of fs.readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.meta.json')) {
        const { fetchedAt, checkedAt, headers, ...rest } = JSON.parse(fs.readFileSync(p, 'utf8')) as Record<string, unknown>;
        void fetchedAt, void checkedAt, void headers;
        out[path.relative(corpusDir, p)] = JSON.stringify({ ...rest, fetchedFrom: String(rest.fetchedFrom).replace(/^http:\/\/127\.0\.0\.1:\d+/, '') });
      } else out[path.relative(corpusDir, p)] = fs.readFileSync(p).toString('base64');
    }
  };
  walk(path.join(corpusDir, 'raw'));
  return out;
}

/** Paths of decision pages the site sent (status 200), in order. */
export function decisionFetches(site: FixtureServer): string[] {
  return site.requests.filter((r) => r.url.startsWith('/decisions/') && r.status === 200).map((r) => r.url);
}
