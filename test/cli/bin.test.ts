/**
 * @file The installed `lgo` command (bin/lgo.js over the bundle in dist/bundle/, built by
 * `npm ci` through `prepare`) as a user runs it: a real process, real stdout.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
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
