/**
 * An interrupted crawl, restarted, ends with the same corpus as an uninterrupted one, and no
 * decision page is fetched twice: interrupted in process (abort) and by killing a real child process.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../fixture-site/server.js';
import { decisionFetches, run, snapshot, startSite, tempCorpus } from './helpers.js';
import { transpileCli } from './transpile.js';

const RANGE = { from: '2024-01-01', to: '2024-03-31' };
const COUNT = 30;
let reference: Record<string, string>;
let cli: { entry: string; dir: string };
const sites: FixtureServer[] = [];

async function site(): Promise<FixtureServer> {
  const s = await startSite({ count: COUNT, ...RANGE });
  sites.push(s);
  return s;
}

beforeAll(async () => {
  const s = await site();
  const corpus = tempCorpus();
  const { summary } = await run(s, corpus, RANGE);
  expect(summary.counts.fetched).toBe(COUNT);
  reference = snapshot(corpus);
  cli = transpileCli();
});
afterAll(async () => {
  for (const s of sites) await s.close();
  fs.rmSync(cli.dir, { recursive: true, force: true });
});

/** Starts the real CLI in a child process and stops it with `signal` once the site has sent `after` pages. */
async function interruptChild(s: FixtureServer, corpus: string, signal: NodeJS.Signals, after: number): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [cli.entry, 'fetch', '--from', RANGE.from, '--to', RANGE.to, '--base-url', s.baseUrl, '--corpus', corpus, '--delay', '0.03', '--no-build'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += String(c)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 20_000;
  while (decisionFetches(s).length < after && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  child.kill(signal);
  return { code: await exited, stderr };
}

function listingsOf(s: FixtureServer, since: number): string[] {
  return s.requests.slice(since).filter((r) => r.url.startsWith('/Decisions/')).map((r) => r.url);
}

describe('resume after an interruption', () => {
  it('in process: abort after 11 pages, restart, same corpus, no page twice, finished windows not listed again', async () => {
    const s = await site();
    const corpus = tempCorpus();
    const controller = new AbortController();
    let pages = 0;
    const first = await run(s, corpus, {
      ...RANGE,
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === 'page' && e.kind === 'fetched' && ++pages === 11) controller.abort(new Error('test'));
      },
    });
    expect(first.summary.stopped).toMatchObject({ code: 'interrupted' });
    const fetchedBefore = decisionFetches(s).length;
    expect(fetchedBefore).toBeGreaterThanOrEqual(11);
    expect(fetchedBefore).toBeLessThan(COUNT);
    const mark = s.requests.length;
    const second = await run(s, corpus, RANGE);
    expect(second.summary.stopped).toBeNull();
    expect(second.summary.counts.fetched + fetchedBefore).toBe(COUNT);
    expect(snapshot(corpus)).toEqual(reference);
    const fetched = decisionFetches(s);
    expect(new Set(fetched).size).toBe(fetched.length);
    // January (10 decisions) was finished before the abort: not listed again.
    expect(listingsOf(s, mark).filter((u) => u.includes('fd=2024-01-01'))).toEqual([]);
  });

  it('a killed child process: restart gives the same corpus; at most the page in flight is fetched again', async () => {
    const s = await site();
    const corpus = tempCorpus();
    await interruptChild(s, corpus, 'SIGKILL', 9);
    const before = decisionFetches(s).length;
    expect(before).toBeGreaterThanOrEqual(9);
    expect(before).toBeLessThan(COUNT);
    const second = await run(s, corpus, RANGE);
    expect(second.summary.stopped).toBeNull();
    expect(snapshot(corpus)).toEqual(reference);
    const fetched = decisionFetches(s);
    expect(fetched.length - new Set(fetched).size).toBeLessThanOrEqual(1);
    expect(fs.readdirSync(`${corpus}/raw`).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('Ctrl-C (SIGINT) in a child process saves progress and says how to resume; the restart completes the corpus', async () => {
    const s = await site();
    const corpus = tempCorpus();
    const { code, stderr } = await interruptChild(s, corpus, 'SIGINT', 6);
    expect(code).toBe(130);
    expect(stderr).toMatch(/interrupted/);
    expect(stderr).toMatch(/run the same command again/);
    expect(fs.existsSync(`${corpus}/fetch.lock`)).toBe(false);
    const second = await run(s, corpus, RANGE);
    expect(second.summary.stopped).toBeNull();
    expect(snapshot(corpus)).toEqual(reference);
    const fetched = decisionFetches(s);
    expect(fetched.length - new Set(fetched).size).toBeLessThanOrEqual(1);
  });
});
