/**
 * Issue #10, items 2, 3, 5, 6 and 14: nothing listed is silently left out. Pages disallowed by
 * robots.txt or failed for good stay pending (retried, with a cap) and are reported; a cut-off
 * --refresh answer never replaces a fuller copy; an unreadable listing link is skipped and
 * reported; canonical URLs never carry "../"; an unresolvable host stops at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDecisionUrl } from '../../src/extract/url.js';
import type { FixtureServer } from '../fixture-site/server.js';
import { runLgo } from '../helpers/io.js';
import { decisionFetches, run, startSite, tempCorpus } from './helpers.js';

const JAN = { from: '2024-01-01', to: '2024-01-31' };
const KEY = '2024-01-01..2024-01-31';
let site: FixtureServer;
afterEach(async () => site?.close());

const state = (corpus: string) => JSON.parse(fs.readFileSync(path.join(corpus, 'fetch-state.json'), 'utf8'));
const held = (corpus: string) => (fs.existsSync(path.join(corpus, 'raw')) ? fs.readdirSync(path.join(corpus, 'raw')).filter((n) => n.endsWith('.html')).length : 0);
const cli = (corpus: string, ...extra: string[]) =>
  runLgo(['fetch', '--from', JAN.from, '--to', JAN.to, '--base-url', site.baseUrl, '--corpus', corpus, '--delay', '0', '--no-build', ...extra], { cwd: corpus });

describe('pages not held stay pending and are reported (item 2)', () => {
  it('a page disallowed by robots.txt keeps its month open, is listed as not held, and is fetched once robots.txt allows it', async () => {
    site = await startSite({ count: 6, ...JAN });
    const barred = site.decisions[2]!;
    site.robotsTxt = `User-agent: *\nDisallow: ${barred.path}\n`;
    const corpus = tempCorpus();
    const first = await run(site, corpus, { ...JAN, settings: { robots: true } });
    expect(first.summary.notHeld).toEqual([expect.objectContaining({ ref: barred.ref, code: 'robots-disallowed', givenUp: false })]);
    expect(state(corpus).windows[KEY].status).toBe('listed');
    expect(held(corpus)).toBe(5);
    site.robotsTxt = 'User-agent: *\nAllow: /\n';
    const second = await run(site, corpus, { ...JAN, settings: { robots: true } });
    expect(second.summary.counts.fetched).toBe(1);
    expect(second.summary.notHeld).toEqual([]);
    expect(state(corpus).windows[KEY].status).toBe('done');
    expect(held(corpus)).toBe(6);
  });

  it('a run whose every page is disallowed exits 3 and names each page; so does the re-run', async () => {
    site = await startSite({ count: 3, ...JAN });
    site.robotsTxt = 'User-agent: *\nDisallow: /decisions/\nAllow: /Decisions/SearchResults\n';
    const corpus = tempCorpus();
    for (let i = 0; i < 2; i++) {
      const r = await cli(corpus);
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/not held \(3\):/);
      for (const d of site.decisions) expect(r.stderr).toContain(`https://www.lgo.org.uk${d.path}: robots-disallowed`);
      expect(r.stderr).toMatch(/listed 3, fetched 0, .*not held 3/);
    }
    expect(held(corpus)).toBe(0);
  });

  it('a page that fails for good (404) is tried by the next runs up to the cap, then given up but still reported', async () => {
    site = await startSite({ count: 5, ...JAN });
    const missing = site.decisions[1]!;
    site.faults = [{ match: missing.path, fault: { kind: 'status', status: 404 } }];
    const corpus = tempCorpus();
    for (let i = 1; i <= 3; i++) {
      const { summary } = await run(site, corpus, JAN);
      expect(summary.notHeld).toEqual([expect.objectContaining({ ref: missing.ref, code: 'not-found', attempts: i, givenUp: i === 3 })]);
      expect(state(corpus).windows[KEY].status).toBe(i < 3 ? 'listed' : 'done');
    }
    const tries = () => site.requests.filter((r) => r.url === missing.path).length;
    expect(tries()).toBe(3);
    const r = await cli(corpus);
    expect(tries()).toBe(3);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/not-found \(given up after 3 runs\)/);
    // Asking for the page by URL tries it again whatever the cap.
    site.faults = [];
    const byUrl = await runLgo(['fetch', `https://www.lgo.org.uk${missing.path}`, '--base-url', site.baseUrl, '--corpus', corpus, '--delay', '0', '--no-build'], { cwd: corpus });
    expect(byUrl.code).toBe(0);
    expect((await cli(corpus)).code).toBe(0);
  });

  it('--log-json ends with a summary that lists what is not held', async () => {
    site = await startSite({ count: 3, ...JAN });
    site.faults = [{ match: site.decisions[0]!.path, fault: { kind: 'soft-error' } }];
    const corpus = tempCorpus();
    const r = await cli(corpus, '--log-json');
    expect(r.code).toBe(3);
    const summary = JSON.parse(r.stderr.trim().split('\n').filter((l) => l.startsWith('{')).at(-1)!);
    expect(summary).toMatchObject({ type: 'summary', notHeld: [{ ref: site.decisions[0]!.ref, code: 'not-a-decision' }] });
  });
});

describe('--refresh never silently replaces a fuller copy (item 3)', () => {
  it('a cut-off 200 answer is kept aside in versions/ and said; the held copy stays current', async () => {
    site = await startSite({ count: 4, ...JAN });
    const corpus = tempCorpus();
    await run(site, corpus, JAN);
    const d = site.decisions[1]!;
    const file = path.join(corpus, 'raw', `${d.ref.replace(/ /g, '-')}.html`);
    const before = fs.readFileSync(file);
    site.faults = [{ match: d.path, fault: { kind: 'cut', fraction: 0.55 } }];
    const { summary, events } = await run(site, corpus, { ...JAN, refresh: true });
    expect(summary.counts.kept).toBe(1);
    expect(summary.kept).toEqual([expect.objectContaining({ url: `https://www.lgo.org.uk${d.path}` })]);
    expect(summary.kept[0]!.message).toMatch(/held copy stays current/);
    expect(events.some((e) => e.type === 'page' && e.kind === 'kept')).toBe(true);
    expect(fs.readFileSync(file)).toEqual(before);
    const versions = fs.readdirSync(path.join(corpus, 'raw', 'versions')).filter((n) => n.endsWith('.html'));
    expect(versions).toHaveLength(1);
    const meta = JSON.parse(fs.readFileSync(path.join(corpus, 'raw', 'versions', `${versions[0]}.meta.json`), 'utf8'));
    expect(meta.note).toMatch(/not made current/);
    expect(fs.readFileSync(path.join(corpus, 'raw', 'versions', versions[0]!)).length).toBeLessThan(before.length);
    // The same cut answer again: said again, but not stored twice.
    site.faults = [{ match: d.path, fault: { kind: 'cut', fraction: 0.55 } }];
    const again = await run(site, corpus, { ...JAN, refresh: true });
    expect(again.summary.counts.kept).toBe(1);
    expect(fs.readdirSync(path.join(corpus, 'raw', 'versions')).filter((n) => n.endsWith('.html'))).toHaveLength(1);
    expect(fs.readFileSync(file)).toEqual(before);
  });
});

describe('bad listing links and canonical URLs (items 5 and 6)', () => {
  it('a listing link with a malformed percent-escape is skipped and reported; the other pages are fetched', async () => {
    site = await startSite({ count: 6, ...JAN });
    site.faults = [{ match: '/Decisions/SearchResults', fault: { kind: 'bad-link', href: '/decisions/housing/%E0%A4%A/21-000-572' } }];
    const corpus = tempCorpus();
    const { summary, events } = await run(site, corpus, JAN);
    expect(summary.stopped).toBeNull();
    expect(summary.counts.fetched).toBe(5);
    expect(summary.notHeld).toEqual([expect.objectContaining({ ref: null, code: 'bad-link', url: '/decisions/housing/%E0%A4%A/21-000-572' })]);
    expect(events.some((e) => e.type === 'warning' && /cannot be read/.test(e.message))).toBe(true);
    // The window is listed again next time (the site may have mended the link).
    site.faults = [];
    const second = await run(site, corpus, JAN);
    expect(second.summary.counts.fetched).toBe(1);
    expect(second.summary.notHeld).toEqual([]);
  });

  it('the CLI exits 3 (not "unexpected error") on a bad link', async () => {
    site = await startSite({ count: 3, ...JAN });
    site.faults = [{ match: '/Decisions/SearchResults', fault: { kind: 'bad-link', href: '/decisions/housing/%E0%A4%A/21-000-572' } }];
    const corpus = tempCorpus();
    const r = await cli(corpus);
    expect(r.stderr).not.toMatch(/unexpected error/);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/%E0%A4%A\/21-000-572: bad-link/);
  });

  it('canonical URLs are built from normalised parts: never "..", never a malformed escape', () => {
    expect(parseDecisionUrl('https://www.lgo.org.uk/decisions/housing/allocations/21-000-571%2f..%2f..%2f..%2f..%2ftmp%2fevil')).toBeNull();
    expect(parseDecisionUrl('/decisions/..%2f..%2ftmp/x/21-000-571')).toBeNull();
    expect(parseDecisionUrl('/decisions/housing/%E0%A4%A/21-000-572')).toBeNull();
    expect(parseDecisionUrl('http://lgo.org.uk/Decisions/Housing/Allocations/21-000-568?displaypref=1')?.canonical).toBe('https://www.lgo.org.uk/decisions/housing/allocations/21-000-568');
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        for (const input of [`/decisions/${a}/21-000-571${b}`, `/decisions/housing/${a}/${b}`, `https://www.lgo.org.uk/decisions/${encodeURIComponent(a)}/x/21-000-571`]) {
          const parts = parseDecisionUrl(input);
          if (parts) {
            expect(parts.canonical).toMatch(/^https:\/\/www\.lgo\.org\.uk\/decisions(\/[a-z0-9](?:[a-z0-9._~-]*[a-z0-9])?){1,3}$/);
            expect(new URL(parts.canonical).href).toBe(parts.canonical); // nothing a URL parser would rewrite (no "..")
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('no network (item 14)', () => {
  it('a host name that does not resolve stops the run at once with "cannot reach <host>: no network?"', async () => {
    const corpus = tempCorpus();
    const t0 = Date.now();
    site = await startSite({ count: 1, ...JAN });
    const { summary } = await run(site, corpus, { ...JAN, settings: { baseUrl: 'http://lgo-nowhere.invalid', backoffMs: 2000, maxBackoffMs: 20_000 } });
    expect(summary.stopped).toMatchObject({ code: 'no-network' });
    expect(summary.stopped!.message).toMatch(/^cannot reach lgo-nowhere\.invalid: no network\?/);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(decisionFetches(site)).toEqual([]);
  });
});

describe('a corpus or database that cannot be written stops with a clear line, never "unexpected error"', () => {
  it('raw/ is a file: the fetch stops (write-failed); a --db under a file: the build says so', async () => {
    site = await startSite({ count: 2, ...JAN });
    const corpus = tempCorpus();
    fs.writeFileSync(path.join(corpus, 'raw'), 'not a folder');
    const r = await cli(corpus);
    expect(r.stderr).not.toMatch(/unexpected error/);
    expect(r.stderr).toMatch(/stopped: cannot write .*raw.* progress is saved/);
    expect(r.code).toBe(1);
    const b = await runLgo(['build', '--corpus', corpus, '--db', path.join(corpus, 'raw', 'x.sqlite')], { cwd: corpus });
    expect(b.stderr).not.toMatch(/unexpected error/);
    expect(b.stderr).toMatch(/x\.sqlite: the database could not be written \(E[A-Z]+/);
    expect(b.code).toBe(1);
  });
});

describe('--since-last retries what earlier runs could not hold (item 2)', () => {
  it('starts at the earliest pending page when it is older than the newest page held', async () => {
    site = await startSite({ count: 6, ...JAN });
    const early = site.decisions[0]!;
    site.faults = [{ match: early.path, fault: { kind: 'status', status: 404 } }];
    const corpus = tempCorpus();
    const first = await runLgo(['fetch', '--from', JAN.from, '--to', JAN.to, '--base-url', site.baseUrl, '--corpus', corpus, '--delay', '0', '--no-build'], { cwd: corpus });
    expect(first.code).toBe(3);
    site.faults = [];
    const again = await runLgo(['fetch', '--since-last', '--base-url', site.baseUrl, '--corpus', corpus, '--delay', '0', '--no-build'], { cwd: corpus });
    expect(again.stderr).toMatch(/fetched 1,/);
    expect(again.code).toBe(0);
    expect(held(corpus)).toBe(6);
  }, 60_000);
});
