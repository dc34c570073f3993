import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { UsageError } from '../../src/errors.js';
import { compileFilters, normaliseFilters } from '../../src/search/filters.js';
import { compileQuery } from '../../src/search/query.js';

describe('compileQuery', () => {
  it.each([
    ['child in need', '"child" AND "in" AND "need"'],
    ['"child in need" assessment', '"child in need" AND "assessment"'],
    ['care OR nursing home', '("care" OR "nursing") AND "home"'],
    ['housing -rent -"council tax"', '("housing") NOT "rent" NOT "council tax"'],
    ['assess*', '"assess"*'],
    ["Council's NEAR AND NOT", '"council s" AND "near" AND "and" AND "not"'],
    ['19 020 817', '"19" AND "020" AND "817"'],
    ['Café', '"cafe"'],
    ['', null],
    ['  &  ', null],
  ])('%s -> %s', (q, expected) => {
    expect(compileQuery(q).match).toBe(expected);
  });

  it('loosens phrases and drops exclusions for scoring', () => {
    expect(compileQuery('"child in need" plan -school').rankMatch).toBe('"child" AND "need" AND "plan"');
    expect(compileQuery('"care home" OR nursing').rankMatch).toBe('(("care" AND "home") OR "nursing")');
    // Nothing to loosen: the query is scored as it is matched.
    expect(compileQuery('care OR nursing').rankMatch).toBeNull();
    expect(compileQuery('council assess*', () => ['assess', 'assessed']).rankMatch).toBeNull();
    expect(compileQuery('child in need').rankMatch).toBe('"child" AND "need"');
    expect(compileQuery('"the"').rankMatch).toBeNull();
    expect(compileQuery('care home').rankMatch).toBeNull();
  });

  it.each([
    ['"child in need', /unclosed quote/],
    ['OR housing', /OR needs a word on each side/],
    ['housing OR', /OR needs a word on each side/],
    ['-rent', /only excludes/],
    ['a*', /prefix "a\*" is too short/],
    ['*', /no letters before the \*/],
  ])('rejects %s with a UsageError', (q, message) => {
    expect(() => compileQuery(q)).toThrow(UsageError);
    expect(() => compileQuery(q)).toThrow(message);
  });

  it('never produces an expression FTS5 rejects', () => {
    const db = new Database(':memory:');
    db.exec("CREATE VIRTUAL TABLE f USING fts5(a, b, tokenize = 'unicode61 remove_diacritics 2')");
    db.prepare('INSERT INTO f VALUES (?, ?)').run('child in need', 'council');
    const nasty = ['a)(b', 'NEAR(x y)', 'col:x', '{a} : x', '^start', 'x + y', 'AND', 'NOT x', '"" x', 'x -', 'a OR OR b'.replace('OR OR', 'OR'), "o'brien", '£1,000'];
    for (const q of nasty) {
      let match: string | null = null;
      try {
        match = compileQuery(q).match;
      } catch (err) {
        expect(err).toBeInstanceOf(UsageError);
        continue;
      }
      if (match) expect(() => db.prepare('SELECT rowid FROM f WHERE f MATCH ?').all(match)).not.toThrow();
    }
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
