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

