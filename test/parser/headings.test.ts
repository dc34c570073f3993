import { describe, expect, it } from 'vitest';
import { looksLikeHeading } from '../../src/extract/patterns.js';
import { headingKind } from '../../src/extract/structure.js';

describe('headingKind: known headings by their text, anything else untyped', () => {
  it.each([
    ['The complaint', 'complaint'],
    ['What I have investigated', 'investigated'],
    ['What I have and have not investigated', 'investigated'],
    ['Parts of the complaint that I did not investigate', 'not_investigated'],
    ['The Ombudsman’s role and powers', 'role_and_powers'],
    ["The Ombudsman's role and powers", 'role_and_powers'],
    ['How I considered this complaint', 'how_considered'],
    ['My assessment', 'assessment'],
    ['What I found', 'findings'],
    ['Legal and administrative background', 'findings'],
    ['My findings', 'analysis'],
    ['Analysis', 'analysis'],
    ['Conclusions', 'conclusions'],
    ['Agreed action', 'action'],
    ['Recommendations', 'action'],
    ['Recommended action', 'action'],
    ['Action', 'action'],
    ['Final decision', 'final_decision'],
    ['Decision', 'final_decision'],
    ['Recommended service improvements', 'other'],
    ['Child in Need', 'other'],
    ['a) Stage two investigation and stage three review', 'other'],
  ])('%s -> %s', (heading, kind) => expect(headingKind(heading)).toBe(kind));
});

describe('looksLikeHeading: short lines without closing punctuation', () => {
  it.each([
    ['What I found', true],
    ['Complaints about children’s social care: statutory complaints procedure', true],
    ['The recommendation at paragraph 28 (f)', true],
    ["The Ombudsman's final decision:", true],
    ['I uphold this complaint.', false],
    ['Summary: Mrs X complained about the Council.', false],
    ['The Council will pay £200', false],
    ['(Local Government Act 1974, section 24A(6), as amended, section 34(B))', false],
    ['the lower-case continuation of a wrapped line', false],
    ['A very long line that goes on and on with many words and is clearly a paragraph of prose not a heading at all', false],
  ])('%s -> %s', (line, yes) => expect(looksLikeHeading(line)).toBe(yes));
});
