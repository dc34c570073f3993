import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FixtureServer } from '../fixture-site/server.js';
import { decisionFetches, run, startSite, tempCorpus } from './helpers.js';

let site: FixtureServer;
afterEach(async () => site?.close());

describe('crawl of a fixture range', () => {
  it('collects exactly the decisions the site lists, one file pair each, named by reference', async () => {
    site = await startSite({ count: 34 });
    const corpus = tempCorpus();
    const { summary } = await run(site, corpus);
    expect(summary.stopped).toBeNull();
    expect(summary.counts.fetched).toBe(34);
    expect(summary.listed).toBe(34);
    const files = fs.readdirSync(path.join(corpus, 'raw')).sort();
    const expected = site.decisions.flatMap((d) => [`${d.ref.replace(/ /g, '-')}.html`, `${d.ref.replace(/ /g, '-')}.html.meta.json`]).sort();
    expect(files).toEqual(expected);
    const d = site.decisions[6]!; // a reference with a letter suffix
    expect(d.ref).toMatch(/b$/);
    const meta = JSON.parse(fs.readFileSync(path.join(corpus, 'raw', `${d.ref.replace(/ /g, '-')}.html.meta.json`), 'utf8'));
    expect(meta).toMatchObject({ url: `https://www.lgo.org.uk${d.path}`, ref: d.ref, status: 200, listedDate: d.date });
    expect(meta.etag).toMatch(/^"/);
    expect(meta.contentType).toMatch(/text\/html/);
    expect(new Set(decisionFetches(site)).size).toBe(decisionFetches(site).length);
  });
});
