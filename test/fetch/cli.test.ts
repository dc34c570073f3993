import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import type { FixtureServer } from '../fixture-site/server.js';
import { runLgo } from '../helpers/io.js';
import { startSite, tempCorpus } from './helpers.js';

/** Streams for the one test that needs a terminal-like stderr (runLgo's are plain). */
function collectingIo(cwd: string): CliIo & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += String(c)));
  stderr.on('data', (c) => (err += String(c)));
  return { stdout, stderr, stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd, out: () => out, err: () => err };
}

let site: FixtureServer;
afterEach(async () => site?.close());

describe('lgo fetch (in process)', () => {
  it('fetches a range, prints a summary on stderr and nothing on stdout, and fills the database', async () => {
    site = await startSite({ count: 12, from: '2024-01-01', to: '2024-02-29' });
    const corpus = tempCorpus();
    const db = path.join(corpus, 'db.sqlite');
    const r = await runLgo(['fetch', '--from', '2024-01-01', '--to', '2024-02-29', '--base-url', site.baseUrl, '--corpus', corpus, '--db', db, '--delay', '0'], { cwd: corpus });
    const code = r.code;
    expect(r.stderr).toMatch(/listed 12, fetched 12/);
    expect(r.stdout).toBe('');
    expect(code).toBe(0);
    expect(fs.readdirSync(path.join(corpus, 'raw')).filter((n) => n.endsWith('.html'))).toHaveLength(12);
    expect(r.stderr).toMatch(/database .*db\.sqlite: 12 added, 0 updated, 12 decisions in all/);
    expect(fs.existsSync(db)).toBe(true);
  });

  it('--dry-run lists the URLs on stdout and writes nothing', async () => {
    site = await startSite({ count: 5, from: '2024-01-01', to: '2024-01-31' });
    const corpus = tempCorpus();
    const r = await runLgo(['fetch', '--from', '2024-01-01', '--to', '2024-01-31', '--base-url', site.baseUrl, '--corpus', corpus, '--delay', '0', '--dry-run', '--quiet'], { cwd: corpus });
    const code = r.code;
    expect(code).toBe(0);
    expect(r.stdout.trim().split('\n').sort()).toEqual(site.decisions.map((d) => `https://www.lgo.org.uk${d.path}`).sort());
    expect(fs.readdirSync(corpus)).toEqual([]);
    expect(site.requests.filter((r) => r.url.startsWith('/decisions/'))).toEqual([]);
  });

  it('--log-json writes one JSON object per line on stderr, ending with the summary', async () => {
    site = await startSite({ count: 3, from: '2024-01-01', to: '2024-01-31' });
    const corpus = tempCorpus();
    const url = `https://www.lgo.org.uk${site.decisions[1]!.path}`;
    const r = await runLgo(['fetch', url, '--base-url', site.baseUrl, '--corpus', corpus, '--delay', '0', '--log-json', '--no-build'], { cwd: corpus });
    const code = r.code;
    expect(code).toBe(0);
    const lines = r.stderr.trim().split('\n').map((l) => JSON.parse(l) as { type: string; kind?: string });
    expect(lines.at(-1)).toMatchObject({ type: 'summary', counts: { fetched: 1 } });
    expect(lines.some((l) => l.type === 'page' && l.kind === 'fetched')).toBe(true);
  });

  it('--file reads URLs and references (comments and blank lines ignored); a bare reference needs an earlier listing', async () => {
    site = await startSite({ count: 4, from: '2024-01-01', to: '2024-01-31' });
    const corpus = tempCorpus();
    const [a, b] = site.decisions;
    fs.writeFileSync(path.join(corpus, 'list.txt'), `# to fetch\nhttp://lgo.org.uk${a!.path}?displaypref=1\n\n${b!.ref}   # not listed yet\n`);
    let r = await runLgo(['fetch', '--file', 'list.txt', '--base-url', site.baseUrl, '--corpus', corpus, '--delay', '0', '--no-build'], { cwd: corpus });
    expect(r.stderr).toMatch(new RegExp(`no URL known for reference ${b!.ref}`));
    expect(r.stderr).toMatch(/fetched 1,/);
    await runLgo(['fetch', '--from', '2024-01-01', '--to', '2024-01-31', '--base-url', site.baseUrl, '--corpus', corpus, '--delay', '0', '--no-build'], { cwd: corpus });
    r = await runLgo(['fetch', b!.ref.replace(/ /g, '-'), '--base-url', site.baseUrl, '--corpus', corpus, '--delay', '0', '--no-build'], { cwd: corpus });
    expect(r.stderr).toMatch(/listed 1, fetched 0, updated 0, unchanged 1/);
    expect(r.code).toBe(0);
  });

  it('exits 75 with the time to resume when the site asks for a long wait', async () => {
    site = await startSite({ count: 3, from: '2024-01-01', to: '2024-01-31' });
    site.faults = [{ match: site.decisions[1]!.path, fault: { kind: 'status', status: 429, retryAfter: '7200' } }];
    const corpus = tempCorpus();
    const r = await runLgo(['fetch', '--from', '2024-01-01', '--to', '2024-01-31', '--base-url', site.baseUrl, '--corpus', corpus, '--delay', '0', '--no-build'], { cwd: corpus });
    const code = r.code;
    expect(code).toBe(75);
    expect(r.stderr).toMatch(/stopped: .*asked us to wait until \d{4}-\d{2}-\d{2}T/);
    expect(r.stderr).toMatch(/hint: run the same command again after/);
  });

  it('refuses a corrupt crawl state with a hint, and a corpus another live fetch has locked', async () => {
    const corpus = tempCorpus();
    fs.writeFileSync(path.join(corpus, 'fetch-state.json'), '{"version":1,');
    const args = ['fetch', '--from', '2024-01-01', '--to', '2024-01-31', '--base-url', 'http://127.0.0.1:9', '--corpus', corpus];
    let r = await runLgo(args, { cwd: corpus });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/fetch-state\.json: the crawl state is not valid JSON\nhint: move the file aside/);
    expect(fs.existsSync(path.join(corpus, 'fetch.lock'))).toBe(false);
    fs.rmSync(path.join(corpus, 'fetch-state.json'));
    fs.writeFileSync(path.join(corpus, 'fetch.lock'), String(process.ppid));
    r = await runLgo(args, { cwd: corpus });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`another lgo fetch \\(pid ${process.ppid}\\) is writing this corpus`));
  });

  it.each([
    [['fetch'], /nothing to fetch/],
    [['fetch', '--from', '2024-13-01'], /not a calendar date/],
    [['fetch', '--from', '2024-02-01', '--to', '2024-01-01'], /after --to/],
    [['fetch', '--from', 'yesterday'], /not a date/],
    [['fetch', 'not-a-ref'], /neither a decision URL nor a reference/],
    [['fetch', '--from', '2024-01-01', '--delay', 'fast'], /--delay "fast"/],
  ])('refuses %j with exit 2 and a hint', async (args, message) => {
    const corpus = tempCorpus();
    const r = await runLgo([...args, '--corpus', corpus, '--base-url', 'http://127.0.0.1:9'], { cwd: corpus });
    const code = r.code;
    expect(r.stderr).toMatch(message);
    expect(code).toBe(2);
  });
});

describe('lgo fetch on a terminal', () => {
  it('draws a progress bar with the counts on stderr and still ends with the summary', async () => {
    site = await startSite({ count: 4, from: '2024-01-01', to: '2024-01-31' });
    const corpus = tempCorpus();
    const io = collectingIo(corpus);
    Object.assign(io.stderr, { isTTY: true, columns: 120 });
    const code = await main(['node', 'lgo', 'fetch', '--from', '2024-01-01', '--to', '2024-01-31', '--base-url', site.baseUrl, '--corpus', corpus, '--delay', '0', '--no-build'], { ...io, stderrIsTTY: true });
    expect(code).toBe(0);
    expect(io.err()).toMatch(/listed 4 fetched 4 unchanged 0 failed 0 skipped 0 \| ETA/);
    expect(io.err()).toMatch(/listed 4, fetched 4/);
  });
});
