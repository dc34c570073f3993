/**
 * `lgo fetch` keeps the listing card a page was found through in the page's sidecar, so the
 * parser has a second source for what the page itself lacks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../fixture-site/server.js';
import { run, startSite, tempCorpus } from './helpers.js';

let site: FixtureServer;
afterEach(async () => site?.close());

describe('listing card in the sidecar', () => {
  it('records organisation, reference, outcome, category, date and Statement/Report', async () => {
    site = await startSite({ count: 3 });
    const corpus = tempCorpus();
    await run(site, corpus);
    for (const d of site.decisions) {
      const meta = JSON.parse(fs.readFileSync(path.join(corpus, 'raw', `${d.ref.replace(/ /g, '-')}.html.meta.json`), 'utf8'));
      // The fixture site's card shows the subcategory where the category would be (as some listings do).
      const shown = d.model.subcategory ?? d.model.category ?? 'Other';
      expect(meta.listing).toEqual({ organisation: d.model.organisation, ref: d.ref, documentType: d.documentType, outcome: d.model.outcome ?? 'Upheld', category: shown, decisionDate: d.date });
    }
  });
});
