import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createFormatter } from '../../src/export/formats.js';
import { streamToFile } from '../../src/export/output.js';
import { tempDir } from '../helpers/records.js';

let dir: string;
beforeEach(() => (dir = tempDir('lgo-output-')));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const columns = [{ name: 'n', type: 'number' as const }];

it('keeps the old file and leaves no temp file when the rows fail part-way', async () => {
  const file = path.join(dir, 'out.csv');
  fs.writeFileSync(file, 'old contents');
  function* failing(): Generator<number[]> {
    for (let i = 0; i < 5000; i++) yield [i];
    throw new Error('store went away');
  }
  await expect(streamToFile(failing(), await createFormatter('csv', columns), file)).rejects.toThrow('store went away');
  expect(fs.readFileSync(file, 'utf8')).toBe('old contents');
  expect(fs.readdirSync(dir)).toEqual(['out.csv']);
});

it('replaces the file whole on success', async () => {
  const file = path.join(dir, 'out.csv');
  await streamToFile([[1], [2]], await createFormatter('csv', columns), file);
  expect(fs.readFileSync(file, 'utf8')).toBe('n\r\n1\r\n2\r\n');
});
