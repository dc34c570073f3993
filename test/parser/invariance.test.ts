/**
 * Rendering invariance: every golden fixture, laid out again in each rendering real copies of
 * the site come in (test/helpers/relayout.ts), gives the same organisation, reference, category,
 * subcategory, outcome, decision date, Summary, remedy kinds and payments as the original.
 * `INVARIANCE_TABLE=1` prints the pass table per layout and field.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDecision } from '../../src/parse.js';
import type { DecisionRecord } from '../../src/schema/record.js';
import { allLayouts, invariantFields, readModel, type LayoutName } from '../helpers/relayout.js';

const root = path.join(import.meta.dirname, '..', 'fixtures', 'pages');
const slugs = fs.readdirSync(root).filter((d) => fs.statSync(path.join(root, d)).isDirectory()).sort();

const table = new Map<string, { pass: number; total: number }>();
const tally = (key: string, ok: boolean): void => {
  const t = table.get(key) ?? { pass: 0, total: 0 };
  t.total++;
  if (ok) t.pass++;
  table.set(key, t);
};

describe('rendering invariance', () => {
  for (const slug of slugs) {
    const dir = path.join(root, slug);
    const source = fs.readdirSync(dir).find((f) => f.startsWith('source.'))!;
    const meta = JSON.parse(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8')) as { url: string | null };
    const bytes = fs.readFileSync(path.join(dir, source));
    const original = parseDecision(bytes, { url: meta.url, source: slug });
    const wantAll = invariantFields(original);
    const model = readModel(bytes, original);
    for (const { layout, text } of allLayouts(model)) {
      it(`${slug} as ${layout}`, () => {
        // A paragraph broken at every inline element may leave a two-word fragment that reads as a
        // heading ("The guidance" / "‘Getting the best from complaints’"): there, the sections may
        // differ; every field of the record must not.
        const want = layout === 'one-line-inline' ? { ...wantAll, sectionHeadings: undefined } : wantAll;
        let got: Record<string, unknown> = {};
        let error = '';
        try {
          got = invariantFields(parseDecision(text, { url: meta.url, source: `${slug} (${layout})`, ...optionsFor(layout, original) }));
          if (layout === 'one-line-inline') got.sectionHeadings = undefined;
        } catch (err) {
          error = String(err);
        }
        for (const field of Object.keys(want)) tally(`${layout}\t${field}`, !error && JSON.stringify(got[field]) === JSON.stringify(want[field]));
        tally(`${layout}\tALL`, !error && JSON.stringify(got) === JSON.stringify(want));
        expect(error).toBe('');
        expect(got).toEqual(want);
      });
    }
  }

  afterAll(() => {
    if (process.env.INVARIANCE_TABLE !== '1') return;
    const lines = [...table.entries()].map(([k, v]) => `${k}\t${v.pass}/${v.total}`);
    process.stderr.write(`\n${lines.join('\n')}\n`);
  });
});

/**
 * What a user has beside the page: text copied without its title line came from a page the
 * fetcher found through the search listing, whose card names the organisation and reference.
 */
function optionsFor(layout: LayoutName, original: DecisionRecord): Record<string, unknown> {
  if (layout !== 'one-line-no-title' && layout !== 'markdown-p') return {};
  return { listing: { organisation: original.organisation, ref: original.ref, documentType: original.documentType, category: original.category, decisionDate: original.decisionDate } };
}
