/**
 * Property tests over re-laid-out pages: any golden fixture in any layout, with its lines
 * shuffled, cut or padded, parses to a valid record or a typed error (never a crash); and
 * white space alone (blank lines, trailing spaces, CRLF, tabs) never changes the record's fields.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LgoError } from '../../src/errors.js';
import { parseDecision } from '../../src/parse.js';
import { DecisionRecord } from '../../src/schema/record.js';
import { allLayouts, invariantFields, readModel } from '../helpers/relayout.js';

const root = path.join(import.meta.dirname, '..', 'fixtures', 'pages');
const pages = fs
  .readdirSync(root)
  .filter((d) => fs.statSync(path.join(root, d)).isDirectory())
  .sort()
  .flatMap((slug) => {
    const dir = path.join(root, slug);
    const bytes = fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((f) => f.startsWith('source.'))!));
    const url = (JSON.parse(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8')) as { url: string | null }).url;
    const record = parseDecision(bytes, { url });
    return allLayouts(readModel(bytes, record))
      .filter((l) => l.layout === 'seed-text' || l.layout === 'one-line' || l.layout === 'markdown')
      .map((l) => ({ slug, url, text: l.text }));
  });

describe('re-laid-out pages, perturbed', () => {
  it('parse to a valid record or a typed error, whatever lines are dropped, repeated or moved', () => {
    fc.assert(
      fc.property(fc.nat({ max: pages.length - 1 }), fc.array(fc.nat(), { maxLength: 60 }), fc.string({ maxLength: 40 }), (p, picks, noise) => {
        const lines = pages[p]!.text.split('\n');
        const text = picks.map((i) => lines[i % lines.length]).join('\n') + noise;
        try {
          expect(DecisionRecord.safeParse(parseDecision(text, { url: pages[p]!.url })).success).toBe(true);
        } catch (err) {
          expect(err).toBeInstanceOf(LgoError);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('give the same fields whatever the white space between and around lines', () => {
    fc.assert(
      fc.property(fc.nat({ max: pages.length - 1 }), fc.constantFrom('\n', '\r\n'), fc.array(fc.constantFrom('', ' ', '  ', '\t'), { minLength: 1, maxLength: 5 }), fc.nat({ max: 2 }), (p, eol, pads, blank) => {
        const page = pages[p]!;
        const lines = page.text.split('\n');
        const spaced = lines.map((l, i) => (l.trim() ? `${l}${pads[i % pads.length]}` : l)).join(eol.repeat(1 + blank));
        const want = invariantFields(parseDecision(page.text, { url: page.url }));
        expect(invariantFields(parseDecision(spaced, { url: page.url }))).toEqual(want);
      }),
      { numRuns: 60 },
    );
  });
});
