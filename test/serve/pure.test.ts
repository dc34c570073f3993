/**
 * The server's pure parts: URL state both ways, a payment's sentence located (by `source` when
 * the record has it, else by its text), paragraph numbers, and the escaping helpers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import type { DecisionRecord } from '../../src/schema/record.js';
import { officialUrl } from '../../src/serve/decision-page.js';
import { longDate, marked, money } from '../../src/serve/layout.js';
import { parseState, stateQuery, toFilters } from '../../src/serve/params.js';
import { findSentence, paragraphNumbers, paymentProvenance } from '../../src/serve/provenance.js';
import { makeRecord } from '../helpers/records.js';

describe('search state in the URL', () => {
  it('reads the parameters, and writes the same state back as one canonical address', () => {
    const state = parseState(new URLSearchParams('page=3&q=child+in+need&utm_source=x&year=2021&band=500-1000&organisation=Leeds'));
    expect(state).toEqual({ q: 'child in need', organisation: 'Leeds', year: '2021', band: '500-1000', page: 3 });
    expect(stateQuery(state, { page: 3 })).toBe('?q=child+in+need&organisation=Leeds&year=2021&band=500-1000&page=3');
    // Changing a filter goes back to page 1; a new category drops the old subcategory.
    expect(stateQuery({ ...state, subcategory: 'Other' }, { category: 'Housing' })).toBe('?q=child+in+need&organisation=Leeds&category=Housing&year=2021&band=500-1000');
    expect(stateQuery({ q: '', page: 1 })).toBe('');
  });

  it('turns year and band into the CLI filters they stand for', () => {
    expect(toFilters(parseState(new URLSearchParams('year=2021&band=under-250&remedy=Staff Training or Reminder')))).toEqual({
      from: '2021-01-01',
      to: '2021-12-31',
      minPayment: 0.01,
      maxPayment: 249.99,
      remedy: 'staff_training_or_reminder',
    });
    expect(toFilters(parseState(new URLSearchParams('band=none')))).toEqual({ minPayment: 0, maxPayment: 0 });
  });

  it('any parameter values parse to a state that round-trips, or fail with a UsageError', () => {
    const keys = ['q', 'organisation', 'category', 'year', 'remedy', 'band', 'sort', 'page'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...keys), fc.oneof(fc.string(), fc.constantFrom('2021', 'date', 'none', '2', 'payment'))), { maxLength: 6 }), (pairs) => {
        let state;
        try {
          state = parseState(new URLSearchParams(pairs));
        } catch (err) {
          expect(err).toBeInstanceOf(UsageError);
          return;
        }
        expect(parseState(new URLSearchParams(stateQuery(state, { page: state.page }).slice(1)))).toEqual(state);
      }),
    );
  });
});

function withSections(over: Partial<DecisionRecord>): DecisionRecord {
  return makeRecord({
    summary: 'Mr X complained. The Council agreed to pay Mr X £300.',
    sections: [
      { heading: 'The complaint', kind: 'complaint', paragraphs: ['Mr X complained about delay.', 'He asked for £300.'] },
      { heading: 'Agreed action', kind: 'action', paragraphs: ['Within one month the Council will:\n apologise; and  pay Mr X £300 for his distress.'] },
    ],
    ...over,
  });
}
const pay = (text: string, extra: object = {}) => ({
  amount: 300,
  currency: 'GBP' as const,
  recipient: 'Mr X',
  purpose: null,
  text,
  perUnit: null,
  status: 'agreed' as const,
  purposeKinds: ['distress' as const],
  recipientRole: 'complainant' as const,
  period: null,
  source: null,
  ...extra,
});

describe('a payment\'s sentence', () => {
  it('uses payments[].source when the record has it (section by index or heading, or the Summary)', () => {
    const rec = withSections({});
    const text = rec.sections[1]!.paragraphs[0]!;
    const start = text.indexOf('pay Mr X');
    const byIndex = { ...rec, payments: [pay('x', { source: { section: 1, paragraph: 0, start, end: text.length } })] } as DecisionRecord;
    expect(paymentProvenance(byIndex).marks.get('1:0')).toEqual([{ start, end: text.length, id: 'pay-1' }]);
    const byHeading = { ...rec, payments: [pay('x', { source: { section: 'Agreed action', paragraph: 0, start, end: start + 3 } })] } as DecisionRecord;
    expect(paymentProvenance(byHeading).marks.get('1:0')?.[0]?.end).toBe(start + 3);
    const summary = { ...rec, payments: [pay('x', { source: { section: null, paragraph: 0, start: 17, end: 52 } })] } as DecisionRecord;
    expect(paymentProvenance(summary).marks.get('summary')).toEqual([{ start: 17, end: 52, id: 'pay-1' }]);
  });

  it('falls back to the payment\'s text when source is absent or out of range, preferring the action section', () => {
    const rec = withSections({});
    const bad = { ...rec, payments: [pay('The Council agreed to pay Mr X £300.', { source: { section: 9, paragraph: 0, start: 0, end: 5 } })] } as DecisionRecord;
    expect(paymentProvenance(bad).marks.get('summary')).toEqual([{ start: 17, end: 53, id: 'pay-1' }]);
    // Spacing differs (a line break, two spaces): still found, in Agreed action.
    const spot = findSentence(rec, 'apologise; and pay Mr X £300 for his distress.');
    expect(spot?.section).toBe(1);
    expect(rec.sections[1]!.paragraphs[0]!.slice(spot!.start, spot!.end)).toBe('apologise; and  pay Mr X £300 for his distress.');
    expect(findSentence(rec, 'Nothing like this is in the decision.')).toBeNull();
  });

  it('two payments of one sentence share its mark', () => {
    const text = 'The Council agreed to pay Mr X £300.';
    const prov = paymentProvenance(withSections({ payments: [pay(text), pay(text)] }));
    expect(prov.anchors).toEqual(['pay-1', 'pay-1']);
    expect(prov.marks.get('summary')).toHaveLength(1);
  });
});

describe('paragraph numbers', () => {
  it('are the decision\'s own when the record has them, else numbered on through the sections', () => {
    const rec = withSections({});
    expect(paragraphNumbers(rec)).toEqual([['1', '2'], ['3']]);
    const own = { ...rec, sections: [{ ...rec.sections[0]!, paragraphNumbers: ['1', null] }, { ...rec.sections[1]!, paragraphNumbers: ['28 (f)'] }] } as unknown as DecisionRecord;
    expect(paragraphNumbers(own)).toEqual([['1', null], ['28 (f)']]);
  });
});

describe('rendering helpers', () => {
  it('escape text around marks, and format money and dates', () => {
    expect(marked('<b>a</b> & "b"', [[3, 4]], ['pay-1']).toString()).toBe('&lt;b&gt;<mark id="pay-1" tabindex="-1">a</mark>&lt;/b&gt; &amp; &quot;b&quot;');
    expect(money(2750.5)).toBe('£2,750.50');
    expect(money(1234567)).toBe('£1,234,567');
    expect(longDate('2021-06-03')).toBe('3 June 2021');
    expect(longDate(null)).toBe('date unknown');
  });

  it('link a record\'s address only when it is an https page of lgo.org.uk', () => {
    expect(officialUrl('https://www.lgo.org.uk/decisions/housing/allocations/21-000-568')).toBe('https://www.lgo.org.uk/decisions/housing/allocations/21-000-568');
    for (const url of ['javascript:alert(1)', 'http://www.lgo.org.uk/x', 'https://www.lgo.org.uk.evil.test/x', 'data:text/html,x', 'not a url', null]) expect(officialUrl(url)).toBeNull();
  });
});
