import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { UsageError } from '../../src/errors.js';
import { compileFilters, normaliseFilters } from '../../src/search/filters.js';
import fc from 'fast-check';
import { compileQuery, queryWhere } from '../../src/search/query.js';

describe('compileQuery', () => {
  it.each([
    ['child in need', '("child" AND "need")'],
    ['"child in need" assessment', '("child in need" AND "assessment")'],
    ['care OR nursing home', '(("care" OR "nursing") AND "home")'],
    ['care OR (nursing home)', '("care" OR ("nursing" AND "home"))'],
    ['a OR b AND c', '(("a" OR "b") AND "c")'],
    ['housing -rent -"council tax"', '(("housing" NOT "rent") NOT "council tax")'],
    ['child NOT protection', '("child" NOT "protection")'],
    ['child AND NOT protection', '("child" NOT "protection")'],
    ['x AND y', '("x" AND "y")'],
    ['child NOT (protection OR "care order")', '("child" NOT ("protection" OR "care order"))'],
    ['assess*', '"assess"*'],
    ['"care plan"*', '"care plan"*'],
    ['summary:homelessness', '{summary} : "homelessness"'],
    ['summary:"child in need"', '{summary} : "child in need"'],
    ['organisation:(leeds OR york) complaint', '(({organisation} : "leeds" OR {organisation} : "york") AND "complaint")'],
    ['Organization:Leeds', '{organisation} : "leeds"'],
    ["Council's near and not", '("council s" AND "near" AND "not")'],
    ['the', '"the"'],
    ['Café', '"cafe"'],
    ['10:30 meeting', '("10 30" AND "meeting")'],
    ['', null],
    ['  &  ', null],
    ['category:housing', null],
  ])('%s -> %s', (q, expected) => {
    expect(compileQuery(q).match).toBe(expected);
  });

  it('compiles value fields to SQL over decisions, never into the MATCH expression', () => {
    const q = compileQuery('homelessness category:housing -outcome:"not upheld" ref:19020817');
    expect(q.match).toBe('"homelessness"');
    expect(q.where.sql).toMatch(/^\(replace\(coalesce\(d\.category.* OR replace\(coalesce\(d\.subcategory.*\) AND d\.ref = \? AND NOT coalesce\(replace\(coalesce\(d\.outcome/);
    expect(q.where.params).toEqual(['housing', 'housing', '19 020 817', 'not upheld']);
    // Only value fields: exclusions become "not among the text matches".
    expect(compileQuery('category:housing -rent').where.sql).toMatch(/d\.id NOT IN \(SELECT rowid FROM decisions_fts WHERE decisions_fts MATCH \?\)$/);
  });

  it.each([
    ['23 004 560', '23 004 560'],
    ['23-004-560', '23 004 560'],
    ['23004560', '23 004 560'],
    [' ref:23 004560 ', '23 004 560'],
    ['23 004 56', null],
    ['23 004 560 council', null],
  ])('reads %s as the reference %s', (q, ref) => {
    expect(compileQuery(q).ref).toBe(ref);
  });

  it('keeps positive words, phrases and prefixes for snippets, without stop words or exclusions', () => {
    const q = compileQuery('"child in need" the plan* -school');
    expect(q).toMatchObject({ words: ['child', 'need'], markWords: [], phrases: [['child', 'in', 'need']], prefixes: ['plan'] });
    expect(compileQuery('child "care plan" the').markWords).toEqual(['child']);
  });

  it.each([
    ['"child in need', /unclosed quote/],
    ['OR housing', /OR needs something to search for on each side/],
    ['housing OR', /OR needs something/],
    ['housing AND', /AND needs something/],
    ['-rent', /only excludes/],
    ['NOT rent', /only excludes/],
    ['housing OR -rent', /cannot OR an excluded word/],
    ['-housing OR rent', /NOT and - apply to one item/],
    ['housing (-rent)', /a group only excludes/],
    ['housing NOT', /NOT needs a word/],
    ['housing NOT -rent', /double negative/],
    ['(housing', /unclosed parenthesis/],
    ['housing)', /unmatched \)/],
    ['as*', /prefix "as\*" is too short/],
    ['*', /only a \* at the end/],
    ['"" *', /no letters before the \*|only a \* at the end/],
    ['*ment', /only a \* at the end/],
    ['as?ess', /only a \* at the end/],
    ['assess!', /write a prefix with \*/],
    ['negligence w/5 duty', /proximity search/],
    ['negligence /s duty', /proximity search/],
    ['council NEAR/3 tax', /proximity search/],
    ['colour~', /fuzzy/],
    ['section:found', /unknown field "section:"/],
    ['homeless OR category:housing', /work like filters: use them outside OR/],
    ['(homeless category:housing)', /works like a filter/],
    ['category:', /needs a value/],
    ['category:(housing OR education)', /takes one value, not a group/],
    ['outcome:upheld*', /not a prefix/],
    ['ref:12345', /not a decision reference/],
    ['summary:organisation:leeds', /field inside a field/],
  ])('rejects %s with a UsageError', (q, message) => {
    expect(() => compileQuery(q)).toThrow(UsageError);
    expect(() => compileQuery(q)).toThrow(message);
  });

  const fts = new Database(':memory:');
  fts.exec("CREATE VIRTUAL TABLE decisions_fts USING fts5(summary, headings, organisation, body, tokenize = 'unicode61 remove_diacritics 2')");
  fts.exec('CREATE TABLE decisions (id INTEGER PRIMARY KEY, ref TEXT, category TEXT, subcategory TEXT, outcome TEXT)');
  fts.prepare('INSERT INTO decisions_fts (rowid, summary, organisation) VALUES (1, ?, ?)').run('child in need', 'Leeds City Council');
  fts.prepare("INSERT INTO decisions VALUES (1, '19 020 817', 'Housing', 'Homelessness', 'Upheld')").run();
  /** Compiles and runs a query; only a UsageError may come out, and SQLite must accept what compiles. */
  const tryQuery = (q: string): void => {
    let compiled;
    try {
      compiled = compileQuery(q);
    } catch (err) {
      expect(err).toBeInstanceOf(UsageError);
      return;
    }
    const w = queryWhere(compiled);
    expect(() => fts.prepare(`SELECT d.id FROM decisions d WHERE ${w.sql}`).all(...w.params)).not.toThrow();
  };

  it('never produces an expression SQLite rejects', () => {
    const nasty = ['a)(b', 'NEAR(x y)', 'col:x', '{a} : x', '^start', 'x + y', 'AND', 'NOT x', '"" x', 'x -', "o'brien", '£1,000', '((a))', '(a OR (b -c))', 'summary:(a -b)', '-(a b) c', 'a AND AND b', 'a OR OR b', '()', '( )', '"a" OR ""'];
    for (const q of nasty) tryQuery(q);
  });

  it('never throws anything but a UsageError, and what compiles runs (property)', () => {
    const pieces = fc.constantFrom('child', 'need', 'the', 'AND', 'OR', 'NOT', '-', '(', ')', '"', '*', 'summary:', 'organisation:', 'category:', 'outcome:', 'ref:', 'x:', ' ', '19-020-817', 'é', '{', '}', ':', '^', '~', '/s', 'w/3', '!', '?', '£');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 4 })), { maxLength: 12 }), (parts) => {
        tryQuery(parts.join(''));
        tryQuery(parts.join(' '));
      }),
      { numRuns: 400 },
    );
  });
});

describe('filters', () => {
  it('normalises and compiles to bound parameters', () => {
    const f = normaliseFilters({ organisation: 'Cheshire 100%', outcome: 'upheld', from: '2020', to: '2021-06', minPayment: '£1,000', remedy: 'Staff training or reminder' });
    expect(f).toEqual({ organisation: 'Cheshire 100%', outcome: 'upheld', from: '2020-01-01', to: '2021-06-30', minPayment: 1000, remedy: 'staff_training_or_reminder' });
    const w = compileFilters(f);
    expect(w.params).toEqual(['%Cheshire 100\\%%', 'upheld', '2020-01-01', '2021-06-30', 1000, 'staff_training_or_reminder']);
    expect(compileFilters({})).toEqual({ sql: '1', params: [] });
  });

  it.each([
    [{ from: '03/06/2021' }, /--from "03\/06\/2021" is not a date/],
    [{ to: '2021-02-30' }, /--to "2021-02-30" is not a date/],
    [{ from: '2022', to: '2021' }, /after --to/],
    [{ minPayment: 'lots' }, /--min-payment "lots" is not an amount/],
    [{ maxPayment: '-5' }, /--max-payment "-5"/],
    [{ remedy: 'apolgy' }, /unknown --remedy "apolgy": did you mean apology\?/],
  ])('rejects %o', (input, message) => {
    expect(() => normaliseFilters(input)).toThrow(UsageError);
    expect(() => normaliseFilters(input)).toThrow(message);
  });
});
