/**
 * @file A five-decision fixture store for export and stats tests, built through the store's own
 * build path (buildStore with the JSON stand-in parser). The figures the stats tests expect are
 * worked out by hand from these records in test/stats/stats-cli.test.ts.
 */
import path from 'node:path';
import { buildStore } from '../../src/store/build.js';
import type { DecisionRecord } from '../../src/schema/record.js';
import { jsonParse, makeRecord, tempDir, writeRecordPage } from './records.js';

type Pay = DecisionRecord['payments'][number];
type Rem = DecisionRecord['remedies'][number];

function pay(amount: number, over: Partial<Pay> = {}): Pay {
  return { amount, currency: 'GBP', recipient: 'Mr X', purpose: 'distress', text: `The Council will pay £${amount}.`, perUnit: null, status: 'agreed', purposeKinds: ['distress'], recipientRole: 'complainant', period: null, source: null, ...over };
}
function rem(kind: Rem['kind'], text = `The Council will do ${kind}.`, deadline: string | null = null): Rem {
  return { kind, text, deadline, source: 'agreed_action', sourceRange: null };
}
function rec(over: Partial<DecisionRecord>): DecisionRecord {
  const payments = over.payments ?? [];
  return makeRecord({ ...over, paymentTotal: payments.reduce((s, p) => s + p.amount, 0) });
}

/** The fixture decisions, in the export's order (decision date, unknown first; then ref). */
export const FIXTURE: DecisionRecord[] = [
  rec({
    ref: '23 000 505', organisation: 'Wirral Metropolitan Borough Council', category: 'Housing', subcategory: 'Allocations',
    outcome: 'Closed after initial enquiries', decisionDate: null, summary: 'Mr E complained about being homeless.',
    url: 'https://www.lgo.org.uk/decisions/housing/allocations/23-000-505',
  }),
  rec({
    ref: '21 000 101', organisation: 'Wirral Metropolitan Borough Council', category: "Children's care services", subcategory: 'Other',
    outcome: 'Upheld', decisionDate: '2021-06-03', summary: 'Child in Need meetings were not held.',
    url: 'https://www.lgo.org.uk/decisions/children-s-care-services/other/21-000-101',
    payments: [
      pay(200, { recipient: 'Mr and Mrs X', purpose: 'avoidable uncertainty', text: 'The Council offered £200 to Mr and Mrs X.', status: 'endorsed_offer' }),
      pay(1000, { recipient: 'the children', purpose: 'lost support', text: 'The Council offered £200 for each of the five children.', perUnit: { amount: 200, unit: 'child', count: 5 }, status: 'endorsed_offer', purposeKinds: ['distress', 'lost_provision'], recipientRole: 'child', source: { section: 3, paragraph: 2, start: 10, end: 64 } }),
    ],
    remedies: [rem('apology'), rem('payment', 'Pay £200 to Mr and Mrs X.', 'within one month'), rem('payment', 'Pay £200 per child.', 'within one month')],
  }),
  rec({
    ref: '21 000 404', organisation: 'Lancashire County Council', category: 'Adult care services', subcategory: 'Assessment and care plan',
    outcome: 'Upheld', decisionDate: '2021-11-20', summary: 'The care assessment was delayed.',
    payments: [pay(150, { recipient: '@cmd|/c calc', purpose: 'time and trouble', purposeKinds: ['time_and_trouble'] }), pay(300, { recipient: '＝1+1', purpose: '\tdistress' })],
    remedies: [rem('apology'), rem('payment'), rem('staff_training_or_reminder', 'Remind staff of the assessment timescales.', 'within three months')],
  }),
  rec({
    ref: '22 000 202', organisation: 'Cheshire East Council', category: 'Adult care services', subcategory: 'Charging',
    outcome: 'Upheld', decisionDate: '2022-03-10', summary: 'The Council charged for care wrongly.',
    payments: [pay(2750.5, { recipient: '=HYPERLINK("http://example.test","x")', purpose: '+SUM(A1:A2)', text: '-2+3 "quoted", with a comma; and £2,750.50' })],
    remedies: [rem('payment'), rem('service_improvement', 'Review its charging policy.'), rem('apology')],
  }),
  rec({
    ref: '22 000 303', organisation: 'Cheshire East Council', category: 'Adult care services', subcategory: 'Assessment and care plan',
    outcome: 'Not upheld', decisionDate: '2022-07-01', summary: 'No fault in the assessment.',
  }),
];

/** Builds the fixture store in a fresh temporary folder; returns the folder and the database path. */
export async function buildFixtureStore(records: DecisionRecord[] = FIXTURE): Promise<{ dir: string; db: string }> {
  const dir = tempDir('lgo-export-');
  const corpus = path.join(dir, 'corpus');
  records.forEach((r, i) => writeRecordPage(corpus, `${String(i).padStart(3, '0')}.txt`, r));
  const db = path.join(dir, 'index', 'decisions.sqlite');
  await buildStore({ corpusDir: corpus, dbPath: db, parse: jsonParse });
  return { dir, db };
}
