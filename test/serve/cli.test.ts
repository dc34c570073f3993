/**
 * `lgo serve` as a user runs it (the compiled `lgo` command): the address on stderr and nothing
 * on stdout, worker processes answering, Ctrl-C stopping cleanly, and clear errors.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/config.js';
import { buildServeStore } from './fixture.js';

const BIN = path.join(PACKAGE_ROOT, 'bin', 'lgo.js');
let dir: string;
let db: string;

beforeAll(async () => {
  if (!fs.existsSync(path.join(PACKAGE_ROOT, 'dist', 'bundle', 'lgo.js'))) throw new Error('dist/bundle/lgo.js is missing: run `npm run build` (npm ci does it)');
  ({ dir, db } = await buildServeStore());
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('lgo serve', () => {
  it('prints its address on stderr, serves from two workers, and stops on Ctrl-C', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0', '--workers', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setInterval(() => {
          const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(err);
          if (m) (clearInterval(timer), resolve(m[1]!));
        }, 50);
        void exited.then(() => (clearInterval(timer), reject(new Error(`lgo serve exited: ${err}`))));
      });
      const pages = await Promise.all(['?q=distress', 'decision/21-008-070', 'payments'].map(async (p) => (await fetch(new URL(p, url))).status));
      expect(pages).toEqual([200, 200, 200]);
      // Two worker processes are children of the command.
      const kids = spawnSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean);
      expect(kids.length).toBe(2);
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(err).toContain('lgo serve: stopped');
      expect(out).toBe('');
      for (const pid of kids) expect(() => process.kill(Number(pid), 0)).toThrow();
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('a bad port, an address not on this machine or a missing database is one clear line and exit 1 or 2', () => {
    const run = (args: string[]) => spawnSync(process.execPath, [BIN, 'serve', ...args], { encoding: 'utf8', timeout: 20_000 });
    const port = run(['--db', db, '--port', '99999']);
    expect(port.status).toBe(2);
    expect(port.stderr).toContain('--port "99999" is not a port number');
    // 192.0.2.1 is a documentation address (TEST-NET-1): never this machine's, so binding fails at once.
    const host = run(['--db', db, '--port', '0', '--host', '192.0.2.1', '--workers', '1']);
    expect(host.status).toBe(1);
    expect(host.stderr).toContain('warning: listening on 192.0.2.1: anyone who can reach this machine can read the database');
    expect(host.stderr).toContain('cannot listen on http://192.0.2.1:0/: no such address on this machine');
    const missing = run(['--db', path.join(dir, 'nope.sqlite'), '--port', '0']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^lgo: no search database at .*nope\.sqlite$/m);
  });
});
