import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMoney, formatMoney, parseMoney } from '../../src/extract/money.js';

describe('parseMoney: the forms decisions write', () => {
  it.each([
    ['£250', 250],
    ['£1,000', 1000],
    ['£1000', 1000],
    ['£2,750.50', 2750.5],
    ['£1.2m', 1_200_000],
    ['£ 300', 300],
    ['250 pounds', 250],
    ['GBP 75', 75],
    ['£500,000', 500_000],
    ['£0.50', 0.5],
  ])('%s is %d', (text, amount) => expect(parseMoney(text)).toBe(amount));

  it.each(['', 'two hundred pounds sterling?', '19 020 817', '£', 'section 26(1)'])('%j is not one amount', (text) => {
    expect(parseMoney(text)).toBeNull();
  });
});

describe('findMoney', () => {
  it('reads a comma after an amount as punctuation (gold 21-008-070)', () => {
    const found = findMoney('It agreed to pay Mr X £500, and Mr and Mrs L £3,000 to recognise the distress');
    expect(found.map((m) => m.amount)).toEqual([500, 3000]);
  });

  it.each([
    ['a payment of between £100 - £300 for avoidable distress', 100, 300],
    ['from £100 to £300', 100, 300],
    ['between £150 and £400', 150, 400],
    ['£100-300', 100, 300],
    ['£1,000–£2,500', 1000, 2500],
  ])('joins the range in %j', (text, low, high) => {
    const [m] = findMoney(text);
    expect(m!.range).toEqual({ low, high });
  });

  it('keeps two amounts joined by "and" apart when no "between" precedes them', () => {
    expect(findMoney('pay £250 and £150').map((m) => m.range)).toEqual([null, null]);
  });
});

describe('money properties', () => {
  it('round-trips any amount formatted the way decisions write it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999 }), fc.boolean(), (pence, whole) => {
        const amount = whole ? Math.floor(pence / 100) || 1 : pence / 100;
        expect(parseMoney(formatMoney(amount))).toBe(amount);
      }),
    );
  });

  it('finds the amount inside any sentence, with any punctuation after it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom(',', '.', ';', ')', ' to', ''), (n, after) => {
        const found = findMoney(`The Council will pay Mrs X ${formatMoney(n)}${after} for the distress.`);
        expect(found.map((m) => m.amount)).toEqual([n]);
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => void findMoney(s)));
  });
});
