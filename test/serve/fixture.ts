/**
 * @file The store the serve tests run against: the golden fixtures' real records (each page's
 * expected.json, as `lgo parse` reads it) plus one hostile record whose every text field tries
 * to inject markup or a `javascript:` link. Built through the store's own build path.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildStore } from '../../src/store/build.js';
import type { DecisionRecord } from '../../src/schema/record.js';
import { jsonParse, makeRecord, tempDir, writeRecordPage } from '../helpers/records.js';

const PAGES = path.join(import.meta.dirname, '..', 'fixtures', 'pages');

/** The hostile decision's reference. */
export const HOSTILE_REF = '24 666 001';

/** A record whose text is markup and script, as a crafted page could carry. */
export function hostileRecord(): DecisionRecord {
  const text = 'The Council will pay Mr <script>alert("x")</script> £250 for <img src=x onerror=alert(1)> distress.';
  const where = { section: 1, paragraph: 0, start: 0, end: text.length };
  return makeRecord({
    ref: HOSTILE_REF,
    organisation: '<script>alert("org")</script> Borough Council',
    category: 'Housing',
    subcategory: '"><svg onload=alert(1)>',
    outcome: 'Upheld',
    decisionDate: '2024-05-01',
    url: 'javascript:alert(document.cookie)',
    summary: 'See javascript:alert(1) and <a href="javascript:alert(2)">this link</a> and <iframe src="https://example.test"></iframe>.',
    sections: [
      { heading: '<script>alert("heading")</script>', kind: 'other', paragraphs: ['<style>body{display:none}</style> A paragraph with &amp; entities.'], paragraphNumbers: ['1'] },
      { heading: 'Agreed action', kind: 'action', paragraphs: [text], paragraphNumbers: ['2'] },
    ],
    remedies: [{ kind: 'payment', text, deadline: '<b>within a month</b>', source: 'agreed_action', sourceRange: where }],
    payments: [
      {
        amount: 250,
        currency: 'GBP',
        recipient: 'Mr <script>x</script>',
        purpose: '<img src=x onerror=alert(3)>',
        text,
        perUnit: null,
        status: 'agreed',
        purposeKinds: ['distress'],
        recipientRole: 'complainant',
        period: null,
        source: where,
      },
    ],
    paymentTotal: 250,
    amounts: [],
  });
}

/** The fixtures' records, one per reference. */
export function fixtureRecords(): DecisionRecord[] {
  const byRef = new Map<string, DecisionRecord>();
  for (const dir of fs.readdirSync(PAGES).sort()) {
    const file = path.join(PAGES, dir, 'expected.json');
    if (!fs.existsSync(file)) continue;
    const rec = JSON.parse(fs.readFileSync(file, 'utf8')) as DecisionRecord;
    if (!byRef.has(rec.ref)) byRef.set(rec.ref, rec);
  }
  return [...byRef.values()];
}

/** Builds the serve test store in a fresh temporary folder. */
export async function buildServeStore(extra: DecisionRecord[] = [hostileRecord()]): Promise<{ dir: string; db: string }> {
  const dir = tempDir('lgo-serve-');
  const corpus = path.join(dir, 'corpus');
  [...fixtureRecords(), ...extra].forEach((r, i) => writeRecordPage(corpus, `${String(i).padStart(3, '0')}.txt`, r));
  const db = path.join(dir, 'decisions.sqlite');
  await buildStore({ corpusDir: corpus, dbPath: db, parse: jsonParse });
  return { dir, db };
}
