/**
 * parseDecision never crashes: on any string or bytes it returns a valid record or throws one
 * of the typed errors (NotADecisionError, ParseError), never anything else.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LgoError, NotADecisionError } from '../../src/errors.js';
import { parseDecision } from '../../src/parse.js';
import { DecisionRecord } from '../../src/schema/record.js';

const seed = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'corpus', '003_277775b8f3323c37.txt'), 'utf8');

function parsesOrTypedError(input: string | Uint8Array): void {
  try {
    const record = parseDecision(input);
    expect(DecisionRecord.safeParse(record).success).toBe(true);
  } catch (err) {
    expect(err).toBeInstanceOf(LgoError);
  }
}

describe('parseDecision on arbitrary input', () => {
  it('never throws anything but a typed error on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), parsesOrTypedError), { numRuns: 300 });
  });

  it('never throws anything but a typed error on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 3000 }), parsesOrTypedError), { numRuns: 300 });
  });

  it('survives a real decision cut, spliced and shuffled anywhere', () => {
    const lines = seed.split('\n');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: seed.length }), fc.integer({ min: 0, max: seed.length }), fc.array(fc.nat({ max: lines.length - 1 }), { maxLength: 40 }), fc.string({ maxLength: 50 }), (a, b, picks, noise) => {
        parsesOrTypedError(seed.slice(Math.min(a, b), Math.max(a, b)));
        parsesOrTypedError(seed.slice(0, a) + noise + seed.slice(a));
        parsesOrTypedError(picks.map((i) => lines[i]).join('\n'));
      }),
      { numRuns: 150 },
    );
  });

  it('wraps arbitrary HTML too', () => {
    fc.assert(fc.property(fc.string({ maxLength: 500 }), (s) => parsesOrTypedError(`<html><body><article id="article"><h1>${s}</h1><p>${s}</p></article></body></html>`)), { numRuns: 100 });
  });

  it.each([
    ['an empty file', '', /empty/],
    ['white space only', '  \n\n ', /empty/],
    ['a cookie wall', 'Review your privacy settings\nRequired cookies\nView required cookies\nAnalytical cookies\nPrivacy settings', /cookie/],
    ['an error page', '<html><body><h1>Page not found</h1><p>Sorry, that page could not be found.</p></body></html>', /error page/],
    ['a search listing', 'Your search has 1,234 results\nKent County Council (19 020 817)\nStatement Upheld', /listing/],
    ['a captcha page', '<html><body><h1>Checking your browser</h1><p>Please verify you are human.</p></body></html>', /bot challenge|error page|no title/],
    ['prose with no reference', 'The Council was at fault. It should apologise.', /no title line/],
  ])('rejects %s with a one-line message naming the input', (_name, text, why) => {
    expect(() => parseDecision(text, { source: 'page.txt' })).toThrow(NotADecisionError);
    try {
      parseDecision(text, { source: 'page.txt' });
    } catch (err) {
      expect((err as Error).message).toMatch(/^page\.txt: /);
      expect((err as Error).message).toMatch(why);
      expect((err as Error).message).not.toContain('\n');
    }
  });

  it('decodes a UTF-8 BOM and windows-1252 bytes without mojibake', () => {
    const bom = parseDecision(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed)]));
    expect(bom.organisation).toBe('Sandwell Metropolitan Borough Council');
    const cp1252 = Buffer.from(seed.replace(/[’‘]/g, "'").replace('£250 which', '£250 which'), 'latin1');
    const r = parseDecision(cp1252);
    expect(r.payments.map((p) => p.amount)).toEqual([250]);
    expect(r.summary).not.toMatch(/Ã|Â/);
  });
});
