import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/extract/dates.js';

describe('parseDate', () => {
  it.each([
    ['03 Jun 2021', '2021-06-03'],
    ['3 June 2021', '2021-06-03'],
    ['03-Jun-2021', '2021-06-03'],
    ['1st September 2019', '2019-09-01'],
    ['4 Sept 2019', '2019-09-04'],
    ['June 3, 2021', '2021-06-03'],
    ['2021-06-03', '2021-06-03'],
    ['03/06/2021', '2021-06-03'],
  ])('%s is %s', (text, iso) => expect(parseDate(text)).toBe(iso));

  it.each(['31 Feb 2021', '03 Junk 2021', 'yesterday', '2021', '', '13/13/2021', '00 Jan 2020'])('%j is not a date', (text) => {
    expect(parseDate(text)).toBeNull();
  });

  it('round-trips every calendar day in the site forms', () => {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const day = String(d.getUTCDate()).padStart(2, '0');
        const mon = months[d.getUTCMonth()]!;
        expect(parseDate(`${day} ${mon} ${d.getUTCFullYear()}`)).toBe(iso);
        expect(parseDate(`${day}-${mon}-${d.getUTCFullYear()}`)).toBe(iso);
        expect(parseDate(iso)).toBe(iso);
      }),
    );
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string(), (s) => void parseDate(s)));
  });
});
