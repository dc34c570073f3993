/**
 * `lgo build` reads the listing card `lgo fetch` kept in a page's sidecar: a page copied without
 * its title line still gets its organisation (organisationSource "listing"), and its compliance
 * date lands in decisions.compliance_date.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildStore } from '../../src/store/build.js';
import { openStore } from '../../src/store/open.js';
import { parseDecision } from '../../src/parse.js';
import { tempDir } from '../helpers/records.js';

let dir = '';
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('build with listing cards', () => {
  it('stores the card organisation and the compliance date', async () => {
    dir = tempDir();
    const corpus = path.join(dir, 'corpus');
    fs.mkdirSync(path.join(corpus, 'raw'), { recursive: true });
    const source = path.join(import.meta.dirname, '..', 'fixtures', 'pages', 'old-report-summary-2017-two-lead-ins', 'source.txt');
    fs.copyFileSync(source, path.join(corpus, 'raw', '16-009-251.txt'));
    const card = { organisation: 'Example Borough Council', ref: '16 009 251', outcome: 'Upheld', category: 'Adult care services', decisionDate: '2017-07-27', documentType: 'statement' };
    fs.writeFileSync(path.join(corpus, 'raw', '16-009-251.txt.meta.json'), JSON.stringify({ url: 'https://www.lgo.org.uk/decisions/adult-care-services/residential-care/16-009-251', listing: card }));
    const dbPath = path.join(dir, 'index', 'decisions.sqlite');
    await buildStore({ corpusDir: corpus, dbPath, parse: parseDecision });
    const db = openStore(dbPath, { readonly: true });
    const row = db.prepare('SELECT organisation, outcome, decision_date, compliance_date FROM decisions').get();
    const json = JSON.parse((db.prepare('SELECT record_json FROM records').get() as { record_json: string }).record_json) as { organisationSource: string };
    db.close();
    expect(row).toEqual({ organisation: 'Example Borough Council', outcome: 'Upheld', decision_date: '2017-07-27', compliance_date: '2017-11-09' });
    expect(json.organisationSource).toBe('listing');
  });
});
