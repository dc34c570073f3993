/**
 * Issue #10, items 1, 4, 7, 8 and 9: the database a fetch or build writes belongs to its corpus,
 * catches up with the corpus whatever was interrupted, serialises writers with a clear message,
 * survives kill -9 mid-write for every reader, and is kept in WAL mode.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultDbFor } from '../../src/config.js';
import { buildStore } from '../../src/store/build.js';
import { acquireWriteLock } from '../../src/store/lock.js';
import type { FixtureServer } from '../fixture-site/server.js';
import { runLgo } from '../helpers/io.js';
import { REPO_ROOT, startSite, tempCorpus } from './helpers.js';
import { transpileCli } from './transpile.js';

const JAN = { from: '2024-01-01', to: '2024-01-31' };
const SQLITE = createRequire(import.meta.url).resolve('better-sqlite3');
let site: FixtureServer | undefined;
let cli: { entry: string; dir: string };
const children: ChildProcess[] = [];
beforeAll(() => {
  cli = transpileCli();
});
afterEach(async () => {
  await site?.close();
  site = undefined;
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});
afterAll(() => fs.rmSync(cli.dir, { recursive: true, force: true }));

const count = (db: string): number => {
  const D = createRequire(import.meta.url)('better-sqlite3');
  const h = new D(db, { readonly: true });
  try {
    return h.prepare('SELECT count(*) FROM decisions').pluck().get() as number;
  } finally {
    h.close();
  }
};

/** `lgo` in a child process. */
function lgoChild(args: string[], env: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, [cli.entry, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  children.push(child);
  return child;
}

function finished(child: ChildProcess): Promise<{ code: number | null; stderr: string; stdout: string }> {
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (c) => (stderr += String(c)));
  child.stdout!.on('data', (c) => (stdout += String(c)));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr, stdout })));
}

/** A node process running `script` with better-sqlite3 as `D`; resolves once it prints "ready". */
async function sqliteChild(script: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', `const D = require(${JSON.stringify(SQLITE)});\n${script}\nconsole.log('ready'); setInterval(() => {}, 1000);`], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (c) => String(c).includes('ready') && resolve());
    child.on('exit', (code) => reject(new Error(`sqlite child exited ${code}`)));
  });
  return child;
}

async function kill9(child: ChildProcess): Promise<void> {
  const gone = new Promise((r) => child.on('exit', r));
  child.kill('SIGKILL');
  await gone;
}

/** A corpus of `n` fetched pages, without a database. */
async function fetchedCorpus(n = 6): Promise<string> {
  site = await startSite({ count: n, ...JAN });
  const corpus = tempCorpus();
  const r = await runLgo(['fetch', '--from', JAN.from, '--to', JAN.to, '--base-url', site.baseUrl, '--corpus', corpus, '--delay', '0', '--no-build'], { cwd: corpus });
  expect(r.code).toBe(0);
  return corpus;
}

describe('a corpus owns its database (item 1)', () => {
  it('fetch --corpus DIR without --db fills DIR/decisions.sqlite; build, search, stats and export read the same one', async () => {
    site = await startSite({ count: 5, ...JAN });
    const corpus = tempCorpus();
    const r = await runLgo(['fetch', '--from', JAN.from, '--to', JAN.to, '--base-url', site.baseUrl, '--corpus', corpus, '--delay', '0'], { cwd: corpus });
    expect(r.code).toBe(0);
    const own = path.join(corpus, 'decisions.sqlite');
    expect(defaultDbFor(corpus)).toBe(own);
    expect(r.stderr).toContain(`database ${own}: 5 added`);
    expect(count(own)).toBe(5);
    const build = await runLgo(['build', '--corpus', corpus], { cwd: corpus });
    expect(build.stderr).toContain(`updated ${own}`);
    const ref = site.decisions[0]!.ref;
    const show = await runLgo(['show', ref, '--corpus', corpus, '--format', 'json'], { cwd: corpus });
    expect(show.code).toBe(0);
    expect(JSON.parse(show.stdout).ref).toBe(ref);
    const env = { LGO_CORPUS: corpus };
    const stats = await runLgo(['stats', '--format', 'json'], { cwd: corpus, env });
    expect(stats.code).toBe(0);
    expect(stats.stdout).toMatch(/"decisions":\s*5\b/);
  });

  it('never updates or replaces a database built from another corpus that still exists', async () => {
    const a = await fetchedCorpus(4);
    const b = tempCorpus();
    fs.cpSync(path.join(a, 'raw'), path.join(b, 'raw'), { recursive: true });
    fs.rmSync(path.join(b, 'raw', fs.readdirSync(path.join(b, 'raw')).find((n) => n.endsWith('.html'))!));
    const db = path.join(a, 'shared.sqlite');
    expect((await runLgo(['build', '--corpus', a, '--db', db])).code).toBe(0);
    for (const args of [['build', '--corpus', b, '--db', db], ['build', '--full', '--corpus', b, '--db', db]]) {
      const r = await runLgo(args);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/holds the decisions of the corpus .*; not replacing it/);
      expect(count(db)).toBe(4);
    }
    const f = await runLgo(['fetch', '--from', JAN.from, '--to', JAN.to, '--base-url', site!.baseUrl, '--corpus', b, '--db', db, '--delay', '0']);
    expect(f.code).toBe(1);
    expect(f.stderr).toMatch(/the pages are saved, but the database was not updated/);
    expect(count(db)).toBe(4);
  });
});

describe('the database catches up with the corpus (item 4)', () => {
  it('after --no-build, the next fetch (with nothing new to fetch) brings the database up to date', async () => {
    const corpus = await fetchedCorpus(6);
    const r = await runLgo(['fetch', '--from', JAN.from, '--to', JAN.to, '--base-url', site!.baseUrl, '--corpus', corpus, '--delay', '0'], { cwd: corpus });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/fetched 0/);
    expect(count(path.join(corpus, 'decisions.sqlite'))).toBe(6);
  });

  it('a fetch killed (kill -9) during its database update is repaired by the next fetch, which fetches nothing', async () => {
    site = await startSite({ count: 8, ...JAN });
    const corpus = tempCorpus();
    const args = ['fetch', '--from', JAN.from, '--to', JAN.to, '--base-url', site.baseUrl, '--corpus', corpus, '--delay', '0'];
    const child = lgoChild(args);
    const lock = path.join(corpus, 'decisions.sqlite.lock');
    const deadline = Date.now() + 30_000;
    // The update takes the database's writer lock when it starts: kill the fetch then.
    while (!fs.existsSync(lock) && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1));
    expect(child.exitCode).toBeNull();
    await kill9(child);
    expect(fs.readdirSync(path.join(corpus, 'raw')).filter((n) => n.endsWith('.html'))).toHaveLength(8);
    const pages = site.requests.filter((r) => r.url.startsWith('/decisions/')).length;
    const r = await finished(lgoChild(args));
    expect(r.stderr).toMatch(/fetched 0/);
    expect(r.code).toBe(0);
    expect(site.requests.filter((q) => q.url.startsWith('/decisions/')).length).toBe(pages);
    expect(count(path.join(corpus, 'decisions.sqlite'))).toBe(8);
  }, 40_000);

  it('a build killed (kill -9) while writing is repaired by the next fetch', async () => {
    const corpus = await fetchedCorpus(6);
    const db = path.join(corpus, 'decisions.sqlite');
    const child = lgoChild(['build', '--corpus', corpus]);
    const deadline = Date.now() + 20_000;
    while (!fs.readdirSync(corpus).some((n) => n.startsWith('decisions.sqlite.tmp-')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
    await kill9(child);
    const r = await runLgo(['fetch', '--from', JAN.from, '--to', JAN.to, '--base-url', site!.baseUrl, '--corpus', corpus, '--delay', '0'], { cwd: corpus });
    expect(r.code).toBe(0);
    expect(count(db)).toBe(6);
    expect(fs.readdirSync(corpus).filter((n) => /\.tmp-|\.lock/.test(n))).toEqual([]);
  });
});

describe('one writer at a time, and readers after a kill (items 7, 8, 9)', () => {
  it('a second build waits for the first with a message, then refuses with exit 4 (never "unexpected error")', async () => {
    const corpus = await fetchedCorpus(3);
    const db = path.join(corpus, 'decisions.sqlite');
    const sleeper = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    children.push(sleeper);
    fs.writeFileSync(`${db}.lock`, String(sleeper.pid));
    const r = await finished(lgoChild(['build', '--corpus', corpus], { LGO_LOCK_WAIT: '1' }));
    expect(r.stderr).toMatch(new RegExp(`waiting for another lgo process \\(pid ${sleeper.pid}\\) to finish writing`));
    expect(r.stderr).toMatch(/the database is busy: another lgo process/);
    expect(r.stderr).not.toMatch(/unexpected error/);
    expect(r.code).toBe(4);
    await kill9(sleeper);
    // The holder is gone (kill -9): its lock is taken over.
    const again = await finished(lgoChild(['build', '--corpus', corpus]));
    expect(again.code).toBe(0);
    expect(count(db)).toBe(3);
  });

  it('a build meeting another program\'s write transaction exits 4 with a clear line', async () => {
    const corpus = await fetchedCorpus(3);
    const db = path.join(corpus, 'decisions.sqlite');
    await buildStore({ corpusDir: corpus, dbPath: db });
    fs.appendFileSync(path.join(corpus, 'raw', fs.readdirSync(path.join(corpus, 'raw')).find((n) => n.endsWith('.html'))!), '\n');
    const holder = await sqliteChild(`const db = new D(${JSON.stringify(db)}); db.exec('BEGIN IMMEDIATE'); db.exec("INSERT INTO meta VALUES ('x', 'y')");`);
    const r = await finished(lgoChild(['build', '--corpus', corpus]));
    expect(r.stderr).toMatch(/database is busy: another program holds it locked/);
    expect(r.stderr).not.toMatch(/unexpected error/);
    expect(r.code).toBe(4);
    await kill9(holder);
  }, 20_000);

  it.each(['delete', 'wal'])('after a writer is killed mid-transaction (%s journal), search, show and export read the database', async (mode) => {
    const corpus = await fetchedCorpus(4);
    const db = path.join(corpus, 'decisions.sqlite');
    await buildStore({ corpusDir: corpus, dbPath: db });
    // A big transaction that spills to the database file, as a large build does, then kill -9.
    const writer = await sqliteChild(`const db = new D(${JSON.stringify(db)}); db.pragma('journal_mode = ${mode}'); db.pragma('cache_size = 10');
      db.exec('BEGIN IMMEDIATE'); db.exec('DELETE FROM records'); const put = db.prepare("INSERT INTO meta VALUES (?, randomblob(4000))");
      for (let i = 0; i < 3000; i++) put.run('junk' + i);`);
    await kill9(writer);
    const ref = site!.decisions[0]!.ref;
    for (const args of [['search', 'council', '--db', db], ['show', ref, '--db', db], ['export', 'decisions', '--db', db]]) {
      const r = await runLgo(args);
      expect(r.stderr).not.toMatch(/damaged|unexpected/);
      expect(r.code).toBe(0);
    }
    expect(count(db)).toBe(4);
  }, 20_000);

  it('temp files of a killed full build, -journal included, are removed by the next build', async () => {
    const corpus = await fetchedCorpus(2);
    const db = path.join(corpus, 'decisions.sqlite');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    for (const suffix of ['', '-journal', '-wal', '-shm']) fs.writeFileSync(`${db}.tmp-${dead}${suffix}`, 'x');
    await buildStore({ corpusDir: corpus, dbPath: db });
    expect(fs.readdirSync(corpus).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('the database is in WAL mode after full and incremental builds (header bytes 18-19 = 2)', async () => {
    const corpus = await fetchedCorpus(2);
    const db = path.join(corpus, 'decisions.sqlite');
    await buildStore({ corpusDir: corpus, dbPath: db });
    const header = () => [...fs.readFileSync(db).subarray(18, 20)];
    expect(header()).toEqual([2, 2]);
    fs.appendFileSync(path.join(corpus, 'raw', fs.readdirSync(path.join(corpus, 'raw')).find((n) => n.endsWith('.html'))!), '\n');
    const stats = await buildStore({ corpusDir: corpus, dbPath: db });
    expect(stats.full).toBe(false);
    expect(stats.updated).toBe(1);
    expect(header()).toEqual([2, 2]);
  });
});

void REPO_ROOT;

describe('the writer lock in one process', () => {
  it('a build waits for a lock this process holds; a lock left by an earlier process with our pid is taken over', async () => {
    const corpus = await fetchedCorpus(3);
    const db = path.join(corpus, 'decisions.sqlite');
    const release = await acquireWriteLock(db);
    const waits: string[] = [];
    await expect(buildStore({ corpusDir: corpus, dbPath: db, lockWaitMs: 300, onWait: (m) => waits.push(m) })).rejects.toThrow(/busy: another build in this process is writing it/);
    expect(waits).toEqual([expect.stringMatching(/waiting for another build in this process/)]);
    const later = buildStore({ corpusDir: corpus, dbPath: db });
    setTimeout(release, 100);
    expect((await later).decisions).toBe(3);
    fs.writeFileSync(`${db}.lock`, `${process.pid} not-ours`);
    const c = await buildStore({ corpusDir: corpus, dbPath: db, lockWaitMs: 0 });
    expect(c.decisions).toBe(3);
    expect(fs.existsSync(`${db}.lock`)).toBe(false);
  });
});

describe('readers across a full build that replaces the file', () => {
  it('a reader open during a full build and the update after it reads without error; the new file stays intact', async () => {
    const corpus = await fetchedCorpus(4);
    const db = path.join(corpus, 'decisions.sqlite');
    await buildStore({ corpusDir: corpus, dbPath: db });
    const { openStore } = await import('../../src/store/open.js');
    const old = openStore(db, { readonly: true });
    expect(old.prepare('SELECT count(*) FROM decisions').pluck().get()).toBe(4);
    await buildStore({ corpusDir: corpus, dbPath: db, full: true });
    const page = path.join(corpus, 'raw', fs.readdirSync(path.join(corpus, 'raw')).find((n) => n.endsWith('.html'))!);
    fs.rmSync(page);
    fs.rmSync(`${page}.meta.json`);
    const stats = await buildStore({ corpusDir: corpus, dbPath: db });
    expect(stats.removed).toBe(1);
    expect(old.prepare('SELECT count(*) FROM decisions').pluck().get()).toBeGreaterThanOrEqual(3);
    old.close();
    const fresh = openStore(db, { readonly: true });
    expect(fresh.prepare('SELECT count(*) FROM decisions').pluck().get()).toBe(3);
    expect(fresh.pragma('integrity_check', { simple: true })).toBe('ok');
    fresh.close();
  });
});
