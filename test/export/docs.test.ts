/** docs/export.md documents every option of `lgo export` and `lgo stats`. */
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { expect, it } from 'vitest';
import { createProgram } from '../../src/cli/main.js';

const doc = fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', 'docs', 'export.md'), 'utf8');

it.each(['export', 'stats'])('every option of lgo %s is in docs/export.md', (name) => {
  const io = { stdout: new PassThrough(), stderr: new PassThrough(), stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd: process.cwd() };
  const cmd = createProgram(io).commands.find((c) => c.name() === name)!;
  expect(cmd.description()).not.toBe('');
  const missing = cmd.options.map((o) => o.long!).filter((flag) => !doc.includes(`\`${flag}`));
  expect(missing).toEqual([]);
});
