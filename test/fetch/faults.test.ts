/**
 * Each fault the fixture site can serve, and the documented behaviour it must end in, with
 * nothing lost or corrupted: the corpus holds exactly the pages that succeeded, byte-identical
 * to what a clean site serves.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeHtml } from '../../src/fetch/body.js';
import type { FaultRule, FixtureServer } from '../fixture-site/server.js';
import { decisionFetches, run, snapshot, startSite, tempCorpus } from './helpers.js';

const JAN = { from: '2024-01-01', to: '2024-01-31' };
let site: FixtureServer;
afterEach(async () => site?.close());

async function janSite(faults: FaultRule[] = [], count = 8): Promise<FixtureServer> {
  site = await startSite({ count, ...JAN, faults });
  return site;
}

function rawFiles(corpus: string): string[] {
  const dir = path.join(corpus, 'raw');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith('.html')).sort() : [];
}

/** The corpus a clean site gives, for comparing bytes. */
async function cleanSnapshot(count = 8): Promise<Record<string, string>> {
  const clean = await startSite({ count, ...JAN });
  const corpus = tempCorpus();
  await run(clean, corpus, JAN);
  await clean.close();
  return snapshot(corpus);
}

describe('transient faults are retried and end with the same corpus as a clean run', () => {
  // Deterministic on a loaded machine: only the slow body needs a short time cap (every other
  // request gets 20 s, so a slow but healthy answer is never taken for a fault), and only the
  // victim's retries are counted.
  it.each<[string, FaultRule['fault']]>([
    ['503', { kind: 'status', status: 503 }],
    ['429 with Retry-After: 1', { kind: 'status', status: 429, retryAfter: '1' }],
    ['a connection reset', { kind: 'reset' }],
    ['a truncated body', { kind: 'truncate' }],
    ['a body slower than the time cap', { kind: 'slow', totalMs: 8000 }],
  ])('%s', async (_name, fault) => {
    await janSite();
    const victim = site.decisions[3]!.path;
    // A neighbour answering slowly but whole, as any page does on a loaded machine.
    site.faults = [
      { match: victim, fault, times: 2 },
      { match: site.decisions[5]!.path, fault: { kind: 'delay', ms: 700 }, times: 1 },
    ];
    const corpus = tempCorpus();
    const { summary, events } = await run(site, corpus, { ...JAN, settings: { timeoutMs: fault.kind === 'slow' ? 1500 : 20_000 } });
    expect(summary.stopped).toBeNull();
    expect(summary.counts.fetched).toBe(8);
    expect(events.filter((e) => e.type === 'retry' && e.url.endsWith(victim))).toHaveLength(2);
    expect(site.requests.filter((r) => r.url === victim)).toHaveLength(3);
    expect(snapshot(corpus)).toEqual(await cleanSnapshot());
    if (fault.kind === 'status' && fault.retryAfter) {
      const hits = site.requests.filter((r) => r.url === victim);
      expect(hits[1]!.at - hits[0]!.at).toBeGreaterThanOrEqual(990);
    }
  });
});

describe('faults that end a page or the run', () => {
  it('a Retry-After longer than the cap saves progress and stops with a resume time; the rerun finishes without refetching', async () => {
    await janSite();
    const victim = site.decisions[4]!.path;
    site.faults = [{ match: victim, fault: { kind: 'status', status: 429, retryAfter: '3600' }, times: 1 }];
    const corpus = tempCorpus();
    const first = await run(site, corpus, JAN);
    expect(first.summary.stopped).toMatchObject({ code: 'resume-later' });
    expect(Date.parse(first.summary.stopped!.resumeAt!) - Date.now()).toBeGreaterThan(3500_000);
    const before = decisionFetches(site).length;
    expect(rawFiles(corpus)).toHaveLength(before);
    const second = await run(site, corpus, JAN);
    expect(second.summary.stopped).toBeNull();
    expect(rawFiles(corpus)).toHaveLength(8);
    expect(new Set(decisionFetches(site)).size).toBe(decisionFetches(site).length);
    expect(snapshot(corpus)).toEqual(await cleanSnapshot());
  });

  it('repeated 503s trip the circuit breaker instead of hammering', async () => {
    await janSite([{ match: '/decisions/', fault: { kind: 'status', status: 503 } }]);
    const corpus = tempCorpus();
    const { summary } = await run(site, corpus, { ...JAN, settings: { retries: 2, breakerThreshold: 3 } });
    expect(summary.stopped).toMatchObject({ code: 'circuit-open' });
    expect(site.requests.filter((r) => r.url.startsWith('/decisions/'))).toHaveLength(3 * 3);
    expect(rawFiles(corpus)).toEqual([]);
    // The window stays open, so the next run tries again.
    const state = JSON.parse(fs.readFileSync(path.join(corpus, 'fetch-state.json'), 'utf8'));
    expect(state.windows['2024-01-01..2024-01-31'].status).toBe('listed');
  });

  it('a gzip bomb is cut at the size cap; the page fails, the rest is stored', async () => {
    await janSite();
    site.faults = [{ match: site.decisions[2]!.path, fault: { kind: 'gzip-bomb', bytes: 30_000_000 } }];
    const corpus = tempCorpus();
    const { summary } = await run(site, corpus, { ...JAN, settings: { maxBytes: 1_000_000 } });
    expect(summary.stopped).toBeNull();
    expect(summary.failed).toEqual([expect.objectContaining({ code: 'too-large' })]);
    expect(rawFiles(corpus)).toHaveLength(7);
  });

  it.each([
    ['in <meta> only', null],
    ['with a wrong HTTP charset', 'utf-8'],
  ])('a windows-1252 page declared %s is stored as served and decodes correctly', async (_n, headerCharset) => {
    await janSite();
    const d = site.decisions[0]!;
    site.faults = [{ match: d.path, fault: { kind: 'charset', headerCharset } }];
    const corpus = tempCorpus();
    const { summary, events } = await run(site, corpus, JAN);
    expect(summary.counts.fetched).toBe(8);
    const file = path.join(corpus, 'raw', `${d.ref.replace(/ /g, '-')}.html`);
    const meta = JSON.parse(fs.readFileSync(`${file}.meta.json`, 'utf8'));
    const { text } = decodeHtml(fs.readFileSync(file), meta.contentType);
    expect(text).toContain('Council’s');
    expect(text).not.toContain('\uFFFD');
    expect(events.some((e) => e.type === 'charset-mismatch')).toBe(headerCharset !== null);
  });

  it('a captcha instead of a listing stops the run loudly and records no window', async () => {
    await janSite([{ match: '/Decisions/SearchResults', fault: { kind: 'captcha' } }]);
    const corpus = tempCorpus();
    const { summary } = await run(site, corpus, JAN);
    expect(summary.stopped).toMatchObject({ code: 'bot-challenge' });
    expect(summary.stopped!.message).toMatch(/captcha/);
    const state = JSON.parse(fs.readFileSync(path.join(corpus, 'fetch-state.json'), 'utf8'));
    expect(state.windows).toEqual({});
  });

  it('a captcha instead of a decision stops the run and is not stored', async () => {
    await janSite();
    site.faults = [{ match: site.decisions[5]!.path, fault: { kind: 'captcha' } }];
    const corpus = tempCorpus();
    const { summary } = await run(site, corpus, JAN);
    expect(summary.stopped).toMatchObject({ code: 'bot-challenge' });
    expect(rawFiles(corpus)).not.toContain(`${site.decisions[5]!.ref.replace(/ /g, '-')}.html`);
  });

  it('an empty search shell (HTTP 200, no results markup) stops the run', async () => {
    await janSite([{ match: '/Decisions/SearchResults', fault: { kind: 'empty-shell' } }]);
    const corpus = tempCorpus();
    const { summary } = await run(site, corpus, JAN);
    expect(summary.stopped).toMatchObject({ code: 'empty-search-shell' });
    expect(rawFiles(corpus)).toEqual([]);
  });

  it('a listing whose pages do not add up to its count stops the run', async () => {
    await janSite([{ match: '/Decisions/SearchResults', fault: { kind: 'drop-card' } }], 14);
    const corpus = tempCorpus();
    const { summary } = await run(site, corpus, JAN);
    expect(summary.stopped).toMatchObject({ code: 'listing-mismatch' });
    expect(rawFiles(corpus)).toEqual([]);
  });

  it('an off-host redirect is not followed; a same-host one is', async () => {
    let offHostHits = 0;
    const other = http.createServer((_q, r) => {
      offHostHits++;
      r.end('x');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const port = (other.address() as AddressInfo).port;
    await janSite();
    const [a, b] = [site.decisions[1]!, site.decisions[2]!];
    site.faults = [
      { match: a.path, fault: { kind: 'redirect', location: `http://127.0.0.1:${port}${a.path}` } },
      { match: b.path, fault: { kind: 'redirect', location: `${b.path}?displaypref=1`, status: 301 }, times: 1 },
    ];
    const corpus = tempCorpus();
    const { summary } = await run(site, corpus, JAN);
    other.close();
    expect(offHostHits).toBe(0);
    expect(summary.failed).toEqual([expect.objectContaining({ code: 'off-host-redirect' })]);
    expect(rawFiles(corpus)).toHaveLength(7);
    expect(rawFiles(corpus)).toContain(`${b.ref.replace(/ /g, '-')}.html`);
  });

  it('404 on a listed page fails that page; 410 on a held page flags it vanished and keeps our copy', async () => {
    await janSite();
    const [gone, missing] = [site.decisions[0]!, site.decisions[1]!];
    site.faults = [{ match: missing.path, fault: { kind: 'status', status: 404 } }];
    const corpus = tempCorpus();
    const first = await run(site, corpus, JAN);
    expect(first.summary.failed).toEqual([expect.objectContaining({ code: 'not-found' })]);
    const keptBefore = fs.readFileSync(path.join(corpus, 'raw', `${gone.ref.replace(/ /g, '-')}.html`));
    site.faults = [{ match: gone.path, fault: { kind: 'status', status: 410 } }];
    const second = await run(site, corpus, { from: undefined, to: undefined, targets: [`https://www.lgo.org.uk${gone.path}`] });
    expect(second.summary.vanished).toEqual([{ url: `https://www.lgo.org.uk${gone.path}`, status: 410 }]);
    expect(fs.readFileSync(path.join(corpus, 'raw', `${gone.ref.replace(/ /g, '-')}.html`))).toEqual(keptBefore);
    const state = JSON.parse(fs.readFileSync(path.join(corpus, 'fetch-state.json'), 'utf8'));
    expect(Object.keys(state.vanished)).toEqual([gone.ref]);
  });

  it('an error page served with HTTP 200 is not stored as a decision', async () => {
    await janSite();
    site.faults = [{ match: site.decisions[6]!.path, fault: { kind: 'soft-error' } }];
    const corpus = tempCorpus();
    const { summary } = await run(site, corpus, JAN);
    expect(summary.failed).toEqual([expect.objectContaining({ code: 'not-a-decision' })]);
    expect(rawFiles(corpus)).toHaveLength(7);
  });
});
