/**
 * Golden records: each test/fixtures/pages/<slug>/ pairs a recorded page (source.txt|html|md,
 * with meta.json saying where it came from and what it guards) with expected.json, the
 * reviewed record. A missing expected.json is written and the test fails until a person has
 * reviewed it; UPDATE=1 rewrites every golden (review the diff before committing).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDecision } from '../src/parse.js';

const root = path.join(import.meta.dirname, 'fixtures', 'pages');
const slugs = fs.readdirSync(root).filter((d) => fs.statSync(path.join(root, d)).isDirectory()).sort();

describe('golden records', () => {
  it('has fixtures', () => expect(slugs.length).toBeGreaterThanOrEqual(20));

  for (const slug of slugs) {
    it(slug, () => {
      const dir = path.join(root, slug);
      const source = fs.readdirSync(dir).find((f) => f.startsWith('source.'));
      expect(source, `${slug}: no source.* file`).toBeDefined();
      const meta = JSON.parse(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8')) as { url: string | null; guards: string };
      expect(meta.guards, `${slug}: meta.json must say what the page guards`).toBeTruthy();
      const started = performance.now();
      const record = parseDecision(fs.readFileSync(path.join(dir, source!)), { url: meta.url, source: `${slug}/${source}` });
      // A speed guard: one page well under the time budget of a 500 pages/s parser on a loaded machine.
      expect(performance.now() - started, `${slug}: parsing took too long`).toBeLessThan(1500);
      const expectedFile = path.join(dir, 'expected.json');
      const actual = `${JSON.stringify(record, null, 2)}\n`;
      if (!fs.existsSync(expectedFile) || process.env.UPDATE === '1') {
        const existed = fs.existsSync(expectedFile);
        fs.writeFileSync(expectedFile, actual);
        if (!existed) throw new Error(`${slug}: expected.json was missing; a draft was written. Review it, then run the tests again.`);
      }
      expect(JSON.parse(actual)).toEqual(JSON.parse(fs.readFileSync(expectedFile, 'utf8')));
    });
  }
});
