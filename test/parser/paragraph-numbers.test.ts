/**
 * sections[].paragraphNumbers: the numbers a decision cites its own paragraphs by. Seed 001
 * cites "paragraph 28 (f)", "28 (h)" and "29 (d)" and "paragraphs 11 and 12"; its text copy
 * restarts numbering in each section, so the numbers must be worked out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDecision } from '../../src/parse.js';
import type { DecisionRecord } from '../../src/schema/record.js';

const pages = path.join(import.meta.dirname, '..', 'fixtures', 'pages');
const read = (slug: string, file = 'source.txt') => fs.readFileSync(path.join(pages, slug, file));

/** The number given to the first paragraph that starts with `start`. */
function numberOf(r: DecisionRecord, start: string): string | null | undefined {
  for (const s of r.sections) {
    const i = s.paragraphs.findIndex((p) => p.startsWith(start));
    if (i >= 0) return s.paragraphNumbers?.[i];
  }
  return undefined;
}

describe('paragraph numbers', () => {
  it('land where the decision cites them, in a text copy that restarts at 1', () => {
    const r = parseDecision(read('seed-breakdown-not-extra'));
    expect(numberOf(r, 'The statutory complaints procedure was set up')).toBe('11');
    expect(numberOf(r, 'However, we may look at whether')).toBe('12');
    expect(numberOf(r, 'The IO and Panel made the following recommendations')).toBe('28');
    expect(numberOf(r, 'The Council assess whether the outcomes of any carer')).toBe('28 (f)');
    expect(numberOf(r, 'The Council offer to meet')).toBe('28 (h)');
    expect(numberOf(r, 'It has sent reminders to all staff')).toBe('29 (d)');
  });

  it('keep the numbers of a source that numbers through the statement (<ol start>, <li value>)', () => {
    const html = `<article id="article"><h1>Kent County Council (17 002 402)</h1><p><strong>Summary:</strong> Mrs X complained about school transport.</p>
      <h2>The complaint</h2><ol start="1"><li>Mrs X complains about transport.</li><li>She says it cost her money.</li></ol><p>An unnumbered note.</p>
      <h2>What I found</h2><ol start="3"><li>The Council refused.<ol type="a"><li>first</li><li>second</li></ol></li><li value="4">It did not consider the law.</li></ol>
      <h2>Final decision</h2><ol start="5"><li>I uphold this complaint.</li></ol></article>`;
    const r = parseDecision(html);
    expect(r.sections.map((s) => s.paragraphNumbers)).toEqual([['1', '2', '2'], ['3', '3 (a)', '3 (b)', '4'], ['5']]);
  });

  it('count through the statement when the source gives no numbers (one line per element)', () => {
    const text = 'Kent County Council (17 002 402)\nSummary:\nMrs X complained about school transport.\nThe complaint\nMrs X complains about transport.\nShe says it cost her money.\nFinal decision\nI uphold this complaint.\n';
    const r = parseDecision(text);
    expect(r.sections.map((s) => s.paragraphNumbers)).toEqual([['1', '2'], ['3']]);
  });

  it('are parallel to the paragraphs on every golden page', () => {
    for (const slug of fs.readdirSync(pages)) {
      const dir = path.join(pages, slug);
      const source = fs.readdirSync(dir).find((f) => f.startsWith('source.'))!;
      const { url } = JSON.parse(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8')) as { url: string | null };
      const r = parseDecision(fs.readFileSync(path.join(dir, source)), { url });
      for (const s of r.sections) expect(s.paragraphNumbers, `${slug}: ${s.heading}`).toHaveLength(s.paragraphs.length);
    }
  });
});
