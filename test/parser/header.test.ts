/**
 * The header block wherever its values sit, and what stands in for it: table-driven over the
 * forms real copies of the site take (../shared/domain.md, "Renderings and eras").
 */
import { describe, expect, it } from 'vitest';
import { parseDecision } from '../../src/parse.js';

const body = "The Ombudsman's final decision:\n\nSummary: Mrs X complained about the Council's handling of her housing application. I have not upheld the complaint.\n\nFinal decision\n\n  1. I do not uphold this complaint.\n\nInvestigator's decision on behalf of the Ombudsman\n";
const url = 'https://www.lgo.org.uk/decisions/housing/allocations/21-000-568';

describe('header forms', () => {
  it.each([
    ['label : value', 'Category : Housing > Allocations\n\nDecision : Upheld\n\nDecision date : 03 Jun 2021'],
    ['label: value, no blank lines', 'Category: Housing > Allocations\nDecision: Upheld\nDecision date: 03 Jun 2021'],
    ['value on the next line, > alone', 'Category :\nHousing\n>\nAllocations\nDecision :\nUpheld\nDecision date :\n03 Jun 2021'],
    ['label alone without colon (sibling elements)', 'Category\nHousing > Allocations\nDecision\nUpheld\nDecision date\n03 Jun 2021'],
    ['tab between label and value (a browser copy of a table)', 'Category\tHousing > Allocations\n\nDecision\tUpheld\n\nDecision date\t03 Jun 2021'],
    ['pairs on one line', 'Category : Housing > Allocations Decision : Upheld Decision date : 03 Jun 2021'],
    ['Markdown table rows left as text', '| Category | Housing > Allocations |\n| Decision: | Upheld |\n| Decision date | 03 Jun 2021 |'],
  ])('%s', (_name, header) => {
    const r = parseDecision(`Kent County Council (21 000 568)\n\n${header}\n\n${body}`);
    expect(r).toMatchObject({ category: 'Housing', subcategory: 'Allocations', categorySource: 'page', outcome: 'Upheld', outcomeInferred: false, decisionDate: '2021-06-03' });
    expect(r.sections.map((s) => s.heading)).toEqual(['Final decision']);
  });

  it('a Decision line beats what the text says', () => {
    const r = parseDecision(`Kent County Council (21 000 568)\nDecision :\nUpheld\n${body}`);
    expect(r).toMatchObject({ outcome: 'Upheld', outcomeInferred: false });
  });

  it('a section headed "Decision" is not a Decision line', () => {
    const r = parseDecision(`Kent County Council (21 000 568)\n\nSummary: Mrs X complained about housing.\n\nDecision\n\nI do not uphold this complaint.\n`);
    expect(r).toMatchObject({ outcome: 'Not upheld', outcomeInferred: true });
  });

  it('takes a missing subcategory from the URL, as a missing category', () => {
    const r = parseDecision(`Kent County Council (21 000 568)\n\nCategory : Housing\n\n${body}`, { url });
    expect(r).toMatchObject({ category: 'Housing', subcategory: 'Allocations' });
    expect(r.warnings.join('\n')).toMatch(/no subcategory: it was taken from the URL/);
  });

  it('reads the organisation from an HTML <title> with the site name on either side', () => {
    for (const title of ['Kent County Council (21 000 568) - Local Government and Social Care Ombudsman', 'LGO | Decision | Kent County Council (21 000 568)', 'Decisions - Kent County Council (21 000 568) | LGSCO']) {
      const html = `<html><head><title>${title}</title></head><body><article id="article"><p>Summary: Mrs X complained about housing.</p><h2>Final decision</h2><p>I do not uphold this complaint.</p></article></body></html>`;
      expect(parseDecision(html), title).toMatchObject({ organisation: 'Kent County Council', organisationSource: 'title', ref: '21 000 568' });
    }
  });

  it('a "Decision:" sentence is not an outcome', () => {
    const r = parseDecision('Kent County Council (21 000 568)\n\nDecision: The Ombudsman upheld the complaint and found fault causing injustice.\n\nSummary: Mrs X complained about housing.\n');
    expect(r.outcome).toBe('Upheld');
    expect(r.outcomeInferred).toBe(true);
  });

  it('short capitalised action lines in HTML paragraphs are actions, not headings', () => {
    const html = `<article id="article"><h1>Kent County Council (21 000 568)</h1><p><strong>Summary:</strong> Mrs X complained about housing. We found fault.</p>
      <h2>Agreed action</h2><p>Apologise to Mrs X</p><p>Review its allocations policy</p><p>Pay Mrs X £200 for her time and trouble</p><h2>Final decision</h2><p>I have found fault causing injustice.</p></article>`;
    const r = parseDecision(html);
    expect(r.sections.map((s) => s.heading)).toEqual(['Agreed action', 'Final decision']);
    expect(r.remedies.map((x) => x.kind)).toEqual(['apology', 'service_improvement', 'payment']);
  });
});


describe('a third-party copy with a labelled banner instead of a title line (held-out 25-002-918, 23-011-936)', () => {
  const lines = [
    'Source · LGO (Local Government & Social Care Ombudsman)',
    'Greater London Authority',
    'LGO (Local Government & Social Care Ombudsman) Other Reference 25-002-918 Sector Other Categories Category Other Decided 30 June 2025',
    'View Greater London Authority scorecard',
    'Full decision',
    "The Ombudsman's final decision",
    'Summary: We will not investigate Mr X’s complaint that the Authority did not commission research into the aging process.',
    'The complaint',
    'Mr X complained the Authority did not commission scientific research into the aging process.',
    'Final decision',
    'We will not investigate Mr X’s complaint because we cannot achieve the outcome he wants.',
    "Investigator's decision on behalf of the Ombudsman",
  ];
  it.each([
    ['one line per element', lines.join('\n')],
    ['paragraphs between blank lines', lines.join('\n\n')],
  ])('%s: reference and date from the labelled fields, the organisation from its own line', (_name, text) => {
    const r = parseDecision(text);
    expect([r.ref, r.decisionDate, r.organisation, r.organisationSource]).toEqual(['25 002 918', '2025-06-30', 'Greater London Authority', 'text']);
    expect(r.sections.map((s) => s.heading)).toEqual(['The complaint', 'Final decision']);
  });

  it('leaves the organisation unknown when two lines could name it', () => {
    const text = ['Dudley Metropolitan Borough Council', 'Walsall Council', ...lines.slice(2)].join('\n');
    const r = parseDecision(text);
    expect([r.ref, r.organisation]).toEqual(['25 002 918', null]);
  });

  it('does not read "Reference" in the decision’s own text as its reference', () => {
    const text = ['Full decision', 'Summary: We will not investigate. Reference 25-002-918 was closed.', 'Final decision', 'We will not investigate.'].join('\n');
    expect(() => parseDecision(text)).toThrow(/no title line/);
  });
});
