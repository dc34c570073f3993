import { describe, expect, it } from 'vitest';
import { normaliseRef, refSlug } from '../../src/extract/ref.js';
import { parseDecisionUrl, slugToName } from '../../src/extract/url.js';

describe('references', () => {
  it.each([
    ['19 020 817', '19 020 817'],
    ['19-020-817', '19 020 817'],
    ['19020817', '19 020 817'],
    ['17 002 402b', '17 002 402b'],
    ['17 002 402B', '17 002 402b'],
    ['Ref: 23 013 788', '23 013 788'],
  ])('%s -> %s', (text, ref) => expect(normaliseRef(text)).toBe(ref));

  it.each(['1 020 817', '190 208 17x1', 'Local Government Act 1974', ''])('%j is not a reference', (text) => {
    expect(normaliseRef(text)).toBeNull();
  });

  it('makes file-name slugs from the reference only', () => {
    expect(refSlug('17 002 402B')).toBe('17-002-402b');
    expect(() => refSlug('../../etc/passwd')).toThrow(/not an Ombudsman reference/);
  });
});

describe('decision URLs', () => {
  it.each([
    'https://www.lgo.org.uk/decisions/housing/allocations/21-000-568',
    'http://www.lgo.org.uk/decisions/housing/allocations/21-000-568',
    'https://lgo.org.uk/decisions/housing/allocations/21-000-568',
    'https://www.lgo.org.uk/decisions/housing/allocations/21-000-568?displaypref=1',
    'https://www.lgo.org.uk/decisions/housing/allocations/21-000-568/?chapter=2',
    'www.lgo.org.uk/Decisions/Housing/Allocations/21-000-568',
    '/decisions/housing/allocations/21-000-568',
  ])('%s has one canonical form', (url) => {
    expect(parseDecisionUrl(url)).toEqual({
      canonical: 'https://www.lgo.org.uk/decisions/housing/allocations/21-000-568',
      categorySlug: 'housing',
      subcategorySlug: 'allocations',
      ref: '21 000 568',
    });
  });

  it('keeps a letter suffix, lower-cased', () => {
    expect(parseDecisionUrl('https://www.lgo.org.uk/decisions/education/school-admissions/17-002-402B')?.canonical).toBe(
      'https://www.lgo.org.uk/decisions/education/school-admissions/17-002-402b',
    );
  });

  it.each(['https://www.lgo.org.uk/decisions', 'https://www.lgo.org.uk/news/annual-review', 'not a url at all %%'])('%s is not a decision URL', (url) => {
    expect(parseDecisionUrl(url)).toBeNull();
  });

  it.each([
    ['children-s-care-services', "Children's care services"],
    ['adult-care-services', 'Adult care services'],
    ['residential-care', 'Residential care'],
    ['covid-19', 'COVID-19'],
    ['other-categories', 'Other Categories'],
    ['special-educational-needs', 'Special educational needs'],
  ])('slug %s reads as %s', (slug, name) => expect(slugToName(slug)).toBe(name));
});
