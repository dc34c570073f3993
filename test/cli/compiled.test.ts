/**
 * @file What `npm ci` compiles (through `prepare`): the installed `lgo` command (bin/lgo.js over
 * the bundle in dist/bundle/) run as a user runs it, and the compiled build's parse workers.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/config.js';
import { tempDir } from '../helpers/records.js';

const BIN = path.join(PACKAGE_ROOT, 'bin', 'lgo.js');
let dir: string;

const lgo = (args: string[], input = '') =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input, env: { ...process.env, LGO_DB: path.join(dir, 'decisions.sqlite') } });

beforeAll(() => {
  dir = tempDir();
  if (!fs.existsSync(path.join(PACKAGE_ROOT, 'dist', 'bundle', 'lgo.js'))) throw new Error('dist/bundle/lgo.js is missing: run `npm run build` (npm ci does it)');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the compiled build in worker threads', () => {
  it('reads, hashes and parses pages in workers exactly as in-thread', async () => {
    const dist = path.join(PACKAGE_ROOT, 'dist', 'store', 'build.js');
    const { buildStore } = (await import(dist)) as typeof import('../../src/store/build.js');
    const corpus = path.join(dir, 'corpus');
    fs.cpSync(path.join(PACKAGE_ROOT, 'corpus'), corpus, { recursive: true });
    fs.writeFileSync(path.join(corpus, 'cookie-wall.html'), '<html><body><p>We use cookies. Accept all cookies</p></body></html>');
    const seed = fs.readdirSync(corpus).find((f) => f.endsWith('.txt'))!;
    fs.writeFileSync(path.join(corpus, `${seed}.meta.json`), JSON.stringify({ url: 'https://www.lgo.org.uk/decisions/children-s-care-services/other/19-020-817' }));
    const rows = (db: string) => {
      const conn = new Database(db, { readonly: true });
      const out = conn.prepare('SELECT f.path, f.hash, f.status, d.ref, d.url, d.payment_total FROM files f LEFT JOIN decisions d ON d.ref = f.ref ORDER BY f.path').all();
      conn.close();
      return out;
    };
    const inThread = await buildStore({ corpusDir: corpus, dbPath: path.join(dir, 'a.sqlite'), workers: 0 });
    const inWorkers = await buildStore({ corpusDir: corpus, dbPath: path.join(dir, 'b.sqlite'), workers: 2 });
    expect(inWorkers).toMatchObject({ decisions: 5, skipped: 1, warnings: inThread.warnings });
    expect(rows(path.join(dir, 'b.sqlite'))).toEqual(rows(path.join(dir, 'a.sqlite')));
    // A touched page (same bytes) is hashed in a worker and not parsed again.
    fs.utimesSync(path.join(corpus, seed), new Date(), new Date(Date.now() + 5000));
    expect(await buildStore({ corpusDir: corpus, dbPath: path.join(dir, 'b.sqlite'), workers: 2 })).toMatchObject({ parsed: 0, unchanged: 6 });
  });
});

describe('bin/lgo.js', () => {
  it('builds the bundled corpus on first use and searches it', () => {
    const r = lgo(['search', '"child in need"', '--format', 'jsonl']);
    expect(r.stderr).toMatch(/building the search database .* \(first use\)/);
    expect(r.status).toBe(0);
    const hits = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { ref: string });
    expect(hits.map((h) => h.ref)).toContain('19 020 817');
    // The second run finds the database and says nothing on stderr but the count.
    const again = lgo(['search', '"child in need"']);
    expect(again.stderr).toMatch(/^\d+ decisions? match/);
  });

  it('stops quietly when its reader closes the pipe early', () => {
    // `lgo parse corpus/*.txt | head -c 10`: more output than a pipe holds (about 200 KB), read by a
    // reader that leaves after 10 bytes.
    const seeds = fs.readdirSync(path.join(PACKAGE_ROOT, 'corpus')).filter((f) => f.endsWith('.txt')).map((f) => `"${path.join(PACKAGE_ROOT, 'corpus', f)}"`);
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" parse ${seeds.join(' ')} ${seeds.join(' ')} | head -c 10`], { encoding: 'utf8' });
    expect(r.stdout).toHaveLength(10);
    expect(r.stderr).not.toMatch(/EPIPE|at .*\.js:\d+/);
  });
});

describe('a full build killed part-way', () => {
  it('leaves the previous database whole and searchable; the next build removes its temp file', async () => {
    const { generate } = (await import(path.join(PACKAGE_ROOT, 'scripts', 'gen-synthetic.mjs'))) as { generate: (o: { count: number; out: string; seed: number }) => void };
    const corpus = path.join(dir, 'kill-corpus');
    const db = path.join(dir, 'kill.sqlite');
    fs.cpSync(path.join(PACKAGE_ROOT, 'corpus'), corpus, { recursive: true });
    expect(lgo(['build', '--corpus', corpus, '--db', db]).status).toBe(0);
    const search = () => lgo(['search', '"child in need"', '--db', db, '--format', 'jsonl']);
    const before = search();
    expect(before.stdout.trim().split('\n').length).toBeGreaterThan(1);
    // Enough pages that the full build takes a few seconds, in worker threads.
    generate({ count: 3000, out: path.join(corpus, 'synthetic'), seed: 7 });
    const child = spawn(process.execPath, [BIN, 'build', '--full', '--corpus', corpus, '--db', db], { stdio: 'ignore' });
    const temp = `${db}.tmp-${child.pid}`;
    // Kill it once its temp database has grown (rows are being written), with no chance to clean up.
    await until(() => fs.existsSync(temp) && fs.statSync(temp).size > 4 << 20, 60_000);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(fs.existsSync(temp)).toBe(true);
    const after = search();
    expect(after.status).toBe(0);
    expect(after.stdout).toBe(before.stdout);
    const next = lgo(['build', '--corpus', corpus, '--db', db, '--quiet']);
    expect(next.status).toBe(0);
    expect(fs.existsSync(temp)).toBe(false);
  }, 120_000);
});

async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  const start = Date.now();
  while (!done()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting for the build to write');
    await new Promise((r) => setTimeout(r, 20));
  }
}
