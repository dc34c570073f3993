import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COLUMN_SETS, selectColumns } from '../../src/export/columns.js';
import { createFormatter, guardFormula } from '../../src/export/formats.js';
import { streamTo } from '../../src/export/output.js';
import { quantile } from '../../src/stats/compute.js';

describe('guardFormula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['-£200 deducted', "'-£200 deducted"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠x', "'＠x"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ['Mrs X', 'Mrs X'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j -> %j', (input, expected) => expect(guardFormula(input)).toBe(expected));
});

describe('quantile (as PERCENTILE.INC)', () => {
  it.each([
    [[100, 200, 300, 400], 0.5, 250],
    [[100, 200, 300, 400], 0.9, 370],
    [[150, 200, 300, 1000, 2750.5], 0.9, 2050.3],
    [[500], 0.9, 500],
    [[], 0.5, null],
  ])('%j at %d is %d', (xs, p, expected) => expect(quantile(xs, p)).toBe(expected));

  it('lies between the smallest and largest value', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 100000 }), { minLength: 1 }), fc.double({ min: 0, max: 1, noNaN: true }), (xs, p) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const q = quantile(sorted, p)!;
        return q >= sorted[0]! - 0.01 && q <= sorted[sorted.length - 1]! + 0.01;
      }),
    );
  });
});

describe('CSV round-trip', () => {
  it('any text and amount comes back from csv-parse unchanged', async () => {
    const columns = selectColumns(COLUMN_SETS.payments, 'recipient,amount');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.string({ unit: 'grapheme' }), fc.integer({ min: 1, max: 10_000_000 }).map((n) => n / 100)), { maxLength: 20 }), async (rows) => {
        const chunks: string[] = [];
        const sink = new Writable({ write: (c, _e, done) => (chunks.push(String(c)), done()) });
        await streamTo(rows, await createFormatter('csv', columns), sink);
        const back = parse(chunks.join(''), { columns: true }) as { recipient: string; amount: string }[];
        expect(back.map((r) => [r.recipient, Number(r.amount)])).toEqual(rows);
      }),
      { numRuns: 50 },
    );
  });
});
