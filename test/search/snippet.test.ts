/**
 * @file Snippets: the passage with the most query words, cut around them, matched words marked,
 * for plain ASCII paragraphs (the fast path) and for paragraphs with accented letters.
 */
import { describe, expect, it } from 'vitest';
import { makeSnippet, markSnippet } from '../../src/search/snippet.js';
import { makeRecord } from '../helpers/records.js';

const record = (summary: string, ...paragraphs: string[]) => makeRecord({ summary, sections: [{ heading: 'What I found', kind: 'other', paragraphs }] });

describe('makeSnippet', () => {
  it('marks whole words in any case, with curly quotes and £ in the text', () => {
    const s = makeSnippet(record('Mr X complained.', 'The Council’s CHILD in need plan cost £1,500; the child’s needs changed.'), ['child', 'need'], [], 30);
    expect(s.field).toBe('What I found');
    expect(markSnippet(s, '[', ']')).toBe('The Council’s [CHILD] in [need] plan cost £1,500; the [child]’s needs changed.');
  });

  it('folds accents as the index does, and keeps offsets right around them', () => {
    const s = makeSnippet(record('Ms Y complained about the Café Rouge licence and the café’s noise.'), ['cafe', 'noise'], [], 30);
    expect(markSnippet(s, '[', ']')).toBe('Ms Y complained about the [Café] Rouge licence and the [café]’s [noise].');
  });

  it('matches prefixes and cuts a long passage to the window, five words before the first match', () => {
    const filler = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const s = makeSnippet(record('Summary.', `${filler} the assessment was assessed late ${filler}`), [], ['assess'], 10);
    expect(markSnippet(s, '[', ']')).toBe('…word36 word37 word38 word39 the [assessment] was [assessed] late word0…');
  });
});
