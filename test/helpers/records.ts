/**
 * @file A factory for hand-made DecisionRecords, and a stand-in parser that reads them from
 * `.txt` files holding JSON, so store tests do not depend on the real parser.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NotADecisionError } from '../../src/errors.js';
import { DecisionRecord, type DecisionRecord as Rec } from '../../src/schema/record.js';

/** A valid record with sensible defaults; override any field. */
export function makeRecord(over: Partial<Rec> = {}): Rec {
  return DecisionRecord.parse({
    ref: '21 000 001',
    organisation: 'Test Borough Council',
    category: 'Adult care services',
    subcategory: 'Assessment and care plan',
    categorySource: 'page',
    outcome: 'Upheld',
    outcomeInferred: false,
    decisionDate: '2021-06-03',
    url: null,
    documentType: 'statement',
    summary: 'Mr X complained about the Council.',
    sections: [
      { heading: 'The complaint', kind: 'complaint', paragraphs: ['Mr X complained about delay.'] },
      { heading: 'Final decision', kind: 'final_decision', paragraphs: ['I have completed my investigation.'] },
    ],
    remedies: [],
    payments: [],
    paymentTotal: 0,
    amounts: [],
    decisionMaker: 'Investigator',
    truncated: false,
    warnings: [],
    schemaVersion: 1,
    ...over,
  });
}

/** A payment remedy of `amount` pounds, with its payment and amount rows. */
export function withPayment(amount: number): Pick<Rec, 'remedies' | 'payments' | 'paymentTotal' | 'amounts'> {
  const text = `The Council will pay Mr X £${amount} for the distress caused.`;
  return {
    remedies: [{ kind: 'payment', text, deadline: 'within one month', source: 'agreed_action', sourceRange: null }, { kind: 'apology', text: 'The Council will apologise.', deadline: null, source: 'agreed_action', sourceRange: null }],
    payments: [{ amount, currency: 'GBP', recipient: 'Mr X', purpose: 'distress', text, perUnit: null, status: 'agreed', purposeKinds: ['distress'], recipientRole: 'complainant', period: null, source: null }],
    paymentTotal: amount,
    amounts: [{ amount, role: 'remedy', text, raw: `£${amount}`, section: 'Agreed action', source: null }],
  };
}

/** Parses a `.txt` file holding a record as JSON; anything else is "not a decision". */
export function jsonParse(input: Uint8Array, opts: { url?: string | null; source?: string }): Rec {
  const text = Buffer.from(input).toString('utf8');
  try {
    const rec = JSON.parse(text) as Rec;
    return DecisionRecord.parse({ ...rec, url: opts.url ?? rec.url });
  } catch {
    throw new NotADecisionError(`${opts.source ?? 'input'}: not a decision page`);
  }
}

/** A fresh temporary folder, removed by the caller's afterEach via `rmTemp`. */
export function tempDir(prefix = 'lgo-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes a record as a JSON "page" at corpus/rel. */
export function writeRecordPage(corpus: string, rel: string, rec: Rec): void {
  const abs = path.join(corpus, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, JSON.stringify(rec));
}
