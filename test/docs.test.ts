/**
 * The docs stay honest: every command has a description, and docs/cli.md is the program's
 * current help (regenerate with `npm run build && node scripts/gen-cli-docs.mjs`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { renderCliDocs } from '../src/cli/docs.js';
import { createProgram } from '../src/cli/main.js';

const root = path.join(import.meta.dirname, '..');
const sink = new Writable({ write: (_c, _e, cb) => cb() });
const program = createProgram({ stdout: sink, stderr: sink, stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd: root });

describe('documentation', () => {
  it.each(program.commands.map((c) => [c.name(), c]))('lgo %s has a description and is in the README', (name, cmd) => {
    expect(cmd.description().length).toBeGreaterThan(10);
    expect(fs.readFileSync(path.join(root, 'README.md'), 'utf8')).toContain(`lgo ${name}`);
  });

  it('docs/cli.md is the current help of every command', () => {
    const file = path.join(root, 'docs', 'cli.md');
    expect(fs.existsSync(file), 'docs/cli.md is missing: run node scripts/gen-cli-docs.mjs').toBe(true);
    expect(fs.readFileSync(file, 'utf8'), 'docs/cli.md is out of date: run npm run build && node scripts/gen-cli-docs.mjs').toBe(renderCliDocs());
  });
});
