/**
 * The listing card as a second source: a page copied without its title line (and without a
 * header block) still gets its organisation, reference, outcome, category and date from the card
 * the fetcher kept in its sidecar; `lgo parse` reads that sidecar beside the file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDecision } from '../../src/parse.js';
import { runLgo } from '../helpers/io.js';

const root = path.join(import.meta.dirname, '..', 'fixtures', 'pages', 'old-report-summary-2017-two-lead-ins');
const text = fs.readFileSync(path.join(root, 'source.txt'), 'utf8');
const card = { organisation: 'Example Borough Council', ref: '16 009 251', documentType: 'report' as const, outcome: 'Upheld', category: 'Adult care services', decisionDate: '2017-07-27' };

describe('listing card', () => {
  it('gives what the page lacks, marked as coming from the listing', () => {
    const r = parseDecision(text, { listing: card });
    expect(r).toMatchObject({ organisation: card.organisation, organisationSource: 'listing', ref: '16 009 251', outcome: 'Upheld', outcomeInferred: false, category: 'Adult care services', categorySource: 'listing', decisionDate: '2017-07-27', documentType: 'report' });
  });

  it('never overrides the page: a title line and a Decision line win', () => {
    const page = `Wirral Council (16 009 251)\n\nDecision : Not upheld\n\n${text}`;
    const r = parseDecision(page, { listing: card });
    expect(r).toMatchObject({ organisation: 'Wirral Council', organisationSource: 'page', outcome: 'Not upheld' });
  });

  it('is read by lgo parse from the sidecar beside the file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lgo-listing-'));
    const file = path.join(dir, '16-009-251.txt');
    fs.writeFileSync(file, text);
    fs.writeFileSync(`${file}.meta.json`, JSON.stringify({ url: 'https://www.lgo.org.uk/decisions/adult-care-services/residential-care/16-009-251', listing: card }));
    const run = await runLgo(['parse', file]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ organisation: card.organisation, organisationSource: 'listing', subcategory: 'Residential care', complianceDate: '2017-11-09', truncated: false });
  });

  const noTitle = (summary: string) => `Category : Education > School transport\n\nDecision : Upheld\n\nDecision date : 03 Jun 2021\n\nThe Ombudsman's final decision:\n\nSummary: ${summary}\n\nFinal decision\n\n  1. I uphold this complaint.\n`;

  it('takes the organisation from the text only when the text names one body', () => {
    const url = 'https://www.lgo.org.uk/decisions/education/school-transport/21-000-568';
    const one = parseDecision(noTitle("Mrs X complained about Kent County Council's refusal of transport. The Council has agreed to apologise."), { url });
    expect(one).toMatchObject({ organisation: 'Kent County Council', organisationSource: 'text' });
    const two = parseDecision(noTitle('Mrs X complained about Kent County Council. She also complained about Medway Council.'), { url });
    expect(two).toMatchObject({ organisation: null, organisationSource: null });
    const none = parseDecision(noTitle("Mrs X complained about the Council's refusal of transport."), { url });
    expect(none.organisation).toBeNull();
  });
});
