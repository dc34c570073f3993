/**
 * Remedy and payment wording from a second held-out evaluation of real pages (eval2), each row
 * the real sentence, checked in the seeds' text format and again in every rendering real copies
 * of the site come in (test/helpers/relayout.ts).
 */
import { describe, expect, it } from 'vitest';
import { parseDecision } from '../../src/parse.js';
import type { DecisionRecord } from '../../src/schema/record.js';
import { allLayouts, readModel } from '../helpers/relayout.js';
import { decisionText } from './factories.js';

/** Distinct remedy kinds in order, payment amounts, and the role of every amount that is a payment (never an earlier offer). */
function read(r: DecisionRecord): { kinds: string[]; amounts: number[]; roles: string[] } {
  const paid = r.payments.map((p) => p.amount);
  return { kinds: [...new Set(r.remedies.map((x) => x.kind))], amounts: paid, roles: r.amounts.filter((a) => paid.includes(a.amount)).map((a) => a.role) };
}

/** The Summary's remedies, the same in every rendering. */
function expectInEveryRendering(summary: string, kinds: string[], amounts: number[]): void {
  const text = decisionText({ summary });
  const original = parseDecision(text);
  const want = { kinds, amounts, roles: amounts.map(() => 'remedy') };
  expect(read(original)).toEqual(want);
  const model = readModel(Buffer.from(text), original);
  const listing = { organisation: original.organisation, ref: original.ref, documentType: original.documentType, category: original.category, decisionDate: original.decisionDate };
  for (const { layout, text: laid } of allLayouts(model)) {
    const r = parseDecision(laid, { source: layout, ...(layout === 'one-line-no-title' || layout === 'markdown-p' ? { listing } : {}) });
    expect({ layout, ...read(r), kinds: [...new Set(r.remedies.map((x) => x.kind))].sort() }).toEqual({ layout, ...want, kinds: [...kinds].sort() });
  }
}

describe('a recommendation lead-in before a chained list of actions (eval2)', () => {
  it.each([
    // 17-013-734: "when it wants to end a service" describes the action; it is not the complainant's words.
    ['The Care Provider was at fault when it ended the service to Ms C with no notice. To remedy the injustice, the Care Provider should apologise, make a symbolic payment of £100 and review its standard information to include advice to customers about notice periods when it wants to end a service.', ['apology', 'payment', 'service_improvement'], [100]],
    // Any organisation may stand after the lead-in, with or without the comma.
    ['To remedy the injustice caused to Mr X, Greenfield Academy Trust has agreed to apologise to him, pay him £200 and remind staff of its policy.', ['apology', 'payment', 'staff_training_or_reminder'], [200]],
    ['To remedy the injustice the School should apologise to Mrs Y and pay her £150 when she says she wants it.', ['apology', 'payment'], [150]],
    ['To remedy the injustice, Sunrise Care Homes Ltd must refund the fees Mrs Y paid.', ['refund_or_waive'], []],
    // The complainant's words stay the complainant's, lead-in or not.
    ['To remedy the injustice, Mrs X says the Council should pay her £5,000.', [], []],
  ])('%s', expectInEveryRendering);
});

describe('actions after the payment in a chained list (eval2)', () => {
  it.each([
    // 24-005-636: the reimbursement and the change of procedure after "make a symbolic payment" are their own actions.
    ['The Care Provider should make a symbolic payment to Ms X, reimburse her for damage caused to a table and change its procedures for quoting case costs to align with the law.', ['payment', 'service_improvement'], []],
    ['The Council will pay Mr X £200 and change the way it records calls.', ['payment', 'service_improvement'], [200]],
    ['The Council agreed to apologise, pay Mrs Y £300 and revise its charging policy.', ['apology', 'payment', 'service_improvement'], [300]],
  ])('%s', expectInEveryRendering);

  it('keeps the change of procedures after the reimbursement, the payment once (a Summary gives each kind once; 24-005-636)', () => {
    const r = parseDecision(decisionText({ summary: 'The Care Provider should make a symbolic payment to Ms X, reimburse her for damage caused to a table and change its procedures for quoting case costs to align with the law.' }));
    expect(r.remedies.map((x) => [x.kind, x.text])).toEqual([
      ['payment', 'The Care Provider should make a symbolic payment to Ms X'],
      ['service_improvement', 'change its procedures for quoting case costs to align with the law.'],
    ]);
  });
});

describe('information given to the complainant, named before the person (eval2)', () => {
  it.each([
    // 24-019-903: provide/send/give ... a breakdown/list/copy/record/details/explanation.
    ['The Council also agreed to provide a breakdown of the billing and a list of care visits completed to Mr X.', ['provide_information'], []],
    ['The Council agreed to send Mrs Y a copy of the care records.', ['provide_information'], []],
    ['The Council will give Mr X a written explanation of how it calculated the charge.', ['provide_information'], []],
    ['The Council should provide details of the support available to Ms Z.', ['provide_information'], []],
    // Evidence sent to the Ombudsman, and documents for staff, are not information for the complainant.
    ['The Council agreed to send us a copy of its revised policy.', ['service_improvement'], []],
    ['The Council agreed to provide a copy of its updated procedure to staff.', ['service_improvement'], []],
  ])('%s', expectInEveryRendering);
});

describe('a payment named before its recipient (eval2 24-019-903)', () => {
  it.each([
    ['This included providing an apology and £1,000 payment to Mr X for the distress caused.', 'Mr X'],
    ['The Council agreed to make a £250 symbolic payment to Mrs Y.', 'Mrs Y'],
    ['The Council agreed to pay £300 to Ms Z for her time and trouble.', 'Ms Z'],
  ])('%s', (sentence, recipient) => {
    const summary = `${recipient} complained about the Council. The Council agreed to our recommendations. ${sentence}`;
    const [payment] = parseDecision(decisionText({ summary })).payments;
    expect([payment?.recipient, payment?.recipientRole]).toEqual([recipient, 'complainant']);
  });
});

describe('what staff are reminded to do stays with the reminder (eval2 24-019-903)', () => {
  it.each([
    ['The Council agreed to ensure the information in its policy and on its website was consistent and to remind staff to provide Care and Support Plans to service users, to complete financial assessments in a suitable timescale and to provide early information about the care arrangement fees to service users.', ['service_improvement', 'staff_training_or_reminder'], []],
    // A payment or an apology after the reminder is still its own action.
    ['The Council agreed to remind staff to record calls and to pay Mr X £100.', ['staff_training_or_reminder', 'payment'], [100]],
  ])('%s', expectInEveryRendering);
});
