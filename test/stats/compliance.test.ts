/**
 * complianceDate end to end in the pure parts: read from the compliance line in its spellings,
 * grouped by `--by compliance-year`, and days from decision to compliance.
 */
import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../src/export/columns.js';
import { parseDecision } from '../../src/parse.js';
import { computeStats } from '../../src/stats/compute.js';

const page = (line: string): string =>
  `15 010 742\n\nCategory : Planning > Planning applications\n\nDecision : Upheld\n\nDecision date : 29 Jun 2016\n\nComplaint from two men that the council's decision to allow a replacement dwelling house in Green Belt was affected by errors.\n\nThe Ombudsman upheld the complaint and found fault causing injustice.\n\nThe council should apologise and pay each of the neighbours £250 for their time and trouble.\n\n${line}\n\nPrint this page\n`;

describe('complianceDate', () => {
  it.each([
    ["Ombudsman satisfied with council's response: 23 September 2016", '2016-09-23'],
    ['Ombudsman satisfied with councils response: 23 September 2016', '2016-09-23'],
    ['Ombudsman satisfied with council response: 9 November 2016.', '2016-11-09'],
    ['Ombudsman satisfied with the council response: 1 Dec 2016', '2016-12-01'],
    ["Ombudsman satisfied with organisation’s response: 01/12/2016", '2016-12-01'],
  ])('reads %s', (line, iso) => {
    const r = parseDecision(page(line), { url: 'https://www.lgo.org.uk/decisions/planning/planning-applications/15-010-742' });
    expect(r.complianceDate).toBe(iso);
    expect(r.truncated).toBe(false);
    expect(r.sections.flatMap((s) => [s.heading, ...s.paragraphs]).some((t) => /satisfied with/.test(t))).toBe(false);
  });

  it('reads the date from the next line when the label stands alone (one line per element)', () => {
    const r = parseDecision(page("Ombudsman satisfied with council's response:\n12 September 2017").replace(/\n\n/g, '\n'));
    expect(r.complianceDate).toBe('2017-09-12');
  });

  it('is null, with a warning, when the date cannot be read', () => {
    const r = parseDecision(page("Ombudsman satisfied with council's response: soon after"));
    expect(r.complianceDate).toBeNull();
    expect(r.warnings.join('\n')).toMatch(/compliance date "soon after" could not be read/);
  });

  it('groups by compliance year and measures days to comply', () => {
    expect(daysBetween('2016-06-29', '2016-09-23')).toBe(86);
    expect(daysBetween(null, '2016-09-23')).toBeNull();
    const d = (decisionDate: string, complianceDate: string | null) => ({ organisation: 'X', category: null, subcategory: null, outcome: 'Upheld', decisionDate, complianceDate, payments: [], remedies: [] });
    const { groups } = computeStats([d('2016-06-29', '2016-09-23'), d('2016-01-01', '2016-01-31'), d('2017-01-01', '2017-03-02'), d('2018-01-01', null)], ['compliance-year']);
    expect(groups.map((g) => [g.key[0], g.decisions, g.medianDaysToCompliance])).toEqual([
      ['2016', 2, 58],
      ['2017', 1, 60],
      ['(unknown)', 1, null],
    ]);
  });
});
