import { describe, expect, it } from 'vitest';
import { clauseKinds, splitClauses } from '../../src/extract/remedy-kinds.js';
import { findDeadline } from '../../src/extract/remedy-units.js';
import { parseDecision } from '../../src/parse.js';
import { decisionText } from './factories.js';

/** A Summary's distinct remedy kinds, in order, and its payment amounts. */
function expectSummaryRemedies(summary: string, kinds: string[], amounts: number[]): void {
  const r = parseDecision(decisionText({ summary }));
  expect([...new Set(r.remedies.map((x) => x.kind))]).toEqual(kinds);
  expect(r.payments.map((p) => p.amount)).toEqual(amounts);
}

describe('clauseKinds: one action, its kind', () => {
  it.each([
    ['apologise to Mrs X for the faults identified', 'apology'],
    ['Issue a further apology to Mr B.', 'apology'],
    ['pay Mrs X £550 to reflect the additional upset', 'payment'],
    ['make a payment to the complainant', 'payment'],
    ['carry out an updated statutory carer’s assessment for Mrs Y', 'reassessment'],
    ['Start social care reassessments for M and N to identify their needs', 'reassessment'],
    ['assess her correct council tax reduction', 'reassessment'],
    ['consider the request for financial assistance', 'review_decision'],
    ['review its decision on Mrs X’s grant', 'review_decision'],
    ['revisit its decision making on stalls', 'review_decision'],
    ['review its processes to ensure it complies with the requirements of the statutory complaints process', 'service_improvement'],
    ['Provide me with evidence to show the lessons it has learnt about completing accurate assessments.', 'service_improvement'],
    ['take action to prevent recurrence of identified faults', 'service_improvement'],
    ['tighter controls for highway repairs', 'service_improvement'],
    ['inform all local authority tenants with disabilities of their right to apply for funding', 'service_improvement'],
    ['remind relevant staff of the importance of recording when documents are shared', 'staff_training_or_reminder'],
    ['Sent written reminders to its social workers to ensure they send relevant reports', 'staff_training_or_reminder'],
    ['arrange a meeting with Mrs X, attended by senior managers', 'meeting'],
    ['develop a clear action plan, involving Children’s Social Care, SEN and ASC', 'action_plan'],
    ['refund the £120 parking charge', 'refund_or_waive'],
    ['write off the outstanding council tax arrears', 'refund_or_waive'],
    ['Improve the social care team’s communication with Mr X by providing him with contact details of an individual member of staff', 'provide_information'],
    ['explanation', 'provide_information'],
    ['arrange appropriate alternative accommodation for Mr X', 'other'],
    // Held-out 19-011-852, 23-006-612: a fresh appeal is the decision taken again; amending its own contracts is a service improvement.
    ['The School will arrange a fresh appeal with a new panel.', 'review_decision'],
    ['hold a new appeal hearing with a differently constituted panel', 'review_decision'],
    ['amend its residential care contracts', 'service_improvement'],
    ['revise its standard letters to parents', 'service_improvement'],
  ])('%s -> %s', (clause, kind) => expect(clauseKinds(clause)[0]).toBe(kind));

  it.each([
    'The Council should provide us with evidence it has complied with the above actions.',
    'take remedy that injustice',
    'Mrs X complained about the delay',
    'The Council has agreed to take the above actions as a suitable way to remedy this injustice.',
  ])('%s is no remedy', (clause) => expect(clauseKinds(clause)).toEqual([]));

  it('adds the payment named beside an apology (seed 000)', () => {
    expect(clauseKinds('offered Mrs X an apology and £200 to remedy this')).toEqual(['apology', 'payment']);
  });
});

describe('splitClauses', () => {
  it('splits a list of actions written as one sentence (gold 20-006-486)', () => {
    expect(splitClauses('We recommend the Council provide an apology, explanation, payment and review its decision on Mrs X’s grant.')).toEqual([
      'We recommend the Council provide an apology',
      'explanation',
      'payment',
      'review its decision on Mrs X’s grant.',
    ]);
  });

  it('keeps the reasons of an apology with it', () => {
    expect(splitClauses('apologise to Mrs X for its failure to implement the recommendations and hold a meeting with her and pay her £100')).toEqual([
      'apologise to Mrs X for its failure to implement the recommendations and hold a meeting with her',
      'pay her £100',
    ]);
  });
});

describe('deadlines', () => {
  it.each([
    ['within four weeks from the date of our final decision, the Council has agreed to:', 'within four weeks from the date of our final decision'],
    ['we recommend the Council within four weeks of my final decision complete the following:', 'within four weeks of my final decision'],
    ['The Council will, within one month of the date of the final decision, pay Mrs X £200', 'within one month of the date of the final decision'],
    ['To remedy the injustice caused by fault, by 6 August 2021 the Council has agreed to:', 'by 6 August 2021'],
    ['within 20 working days', 'within 20 working days'],
  ])('%s', (text, deadline) => expect(findDeadline(text)).toBe(deadline));

  it('is null when none is stated', () => expect(findDeadline('pay Mrs X £200')).toBeNull());
});

describe('remedies of a decision', () => {
  it('gives each action under a lead-in the lead-in’s deadline, and its own where stated', () => {
    const r = parseDecision(
      decisionText({
        action: '- Within one month of my final decision, the Council has agreed to:\n  • apologise to Mrs X;\n  • pay Mrs X £300 for her distress.\n- Within three months of my final decision, remind its staff of the need to respond on time.',
      }),
    );
    expect(r.remedies.map((x) => [x.kind, x.deadline, x.source])).toEqual([
      ['apology', 'Within one month of my final decision', 'agreed_action'],
      ['payment', 'Within one month of my final decision', 'agreed_action'],
      ['staff_training_or_reminder', 'Within three months of my final decision', 'agreed_action'],
    ]);
  });

  it('treats the bullets under "apologise to Mrs X for:" as its reasons (seed 004)', () => {
    const r = parseDecision(decisionText({ action: '  1. The Council will apologise to Mrs X for:\n    • not sharing reports in line with its policy; and\n    • delay.\n  2. The Council will pay Mrs X £200.' }));
    expect(r.remedies.map((x) => x.kind)).toEqual(['apology', 'payment']);
    expect(r.remedies[0]!.text).toMatch(/not sharing reports/);
  });

  it('reads the Summary when the page has no Agreed action', () => {
    const r = parseDecision(decisionText({ summary: 'To put this right the Council will apologise, make a payment to the complainant and assess her correct council tax reduction.' }));
    expect(r.remedies.map((x) => [x.kind, x.source])).toEqual([
      ['apology', 'summary'],
      ['payment', 'summary'],
      ['reassessment', 'summary'],
    ]);
  });
});

describe('Summary sentences as real pages write them', () => {
  it.each([
    ['The Council has agreed to remedy this injustice by: apologising to Miss Y; making a payment to reflect the upset caused; and service improvements.', ['apology', 'payment', 'service_improvement']],
    ['An apology, payment to Mr B, reminders, training for officers and a review of the process for identifying properties for homeless applicants is satisfactory remedy.', ['apology', 'payment', 'staff_training_or_reminder', 'service_improvement']],
    ['The Council agreed to apologise to Miss X, pay her a symbolic amount of £11,000 and offer her the next suitable available property.', ['apology', 'payment', 'other']],
    ['The Council has agreed to apologise, pay a financial remedy, provide a right of review for the suitability of Mr X’s property, and carry out officer training.', ['apology', 'payment', 'review_decision', 'staff_training_or_reminder']],
    ['The Council has agreed to apologise and review what happened.', ['apology', 'service_improvement']],
    ['The Council should apologise to Mr X for these faults, make a financial payment for the unnecessary distress caused to them and provide evidence to the Ombudsman that it has carried out the recommendations of the Learning Review.', ['apology', 'payment', 'service_improvement']],
    ['However, the Council has already refunded some fees and apologised so no further remedy is required.', ['apology', 'refund_or_waive']],
  ])('%s', (summary, kinds) => {
    expect(parseDecision(decisionText({ summary })).remedies.map((x) => x.kind)).toEqual(kinds);
  });

  it('reads nothing from the faults listed before "should" in a findings sentence', () => {
    const summary = 'We have found fault by the Council in failing to properly consider its duty to provide her with interim accommodation, and whether it should end the prevention duty.';
    expect(parseDecision(decisionText({ summary })).remedies).toEqual([]);
  });
});

describe('more Summary wording from real pages', () => {
  it.each([
    ['We found fault which caused injustice. The Council has agreed to waive Mr M’s financial contributions.', ['refund_or_waive'], []],
    ['This resulted in unexpected, backdated charges of over £4,000. We found the Council at fault. The Council will apologise and provide a symbolic financial remedy for the distress and lost opportunity this caused.', ['apology', 'payment'], []],
    ['The Council’s offer to backdate a financial assessment and to replay any fees charged when the user did not attend, along with a £250 payment for time and trouble remedies the injustice caused.', ['reassessment', 'payment'], [250]],
    ['There was fault by the Council, in that there was three months delay responding to a returned financial assessment form. An apology remedies the inconvenience caused to the service user.', ['apology'], []],
    ['I find the Council at fault for how it calculated the amount. The Council has agreed to apologise and re-assess the weekly charge.', ['apology', 'reassessment'], []],
  ])('%s', (summary, kinds, amounts) => {
    const r = parseDecision(decisionText({ summary }));
    expect(r.remedies.map((x) => x.kind)).toEqual(kinds);
    expect(r.payments.map((p) => p.amount)).toEqual(amounts);
  });

  it('reads a weekly charge going up as a charge, not a guidance range', () => {
    const r = parseDecision(decisionText({ analysis: 'The Council increased her contribution from £55 to £98 per week.' }));
    expect(r.amounts.map((a) => a.role)).toEqual(['fee_or_charge']);
  });
});

describe('Summary payments as real pages write them', () => {
  it.each([
    ['The Council has agreed to pay Mrs X a financial remedy for the distress caused and for any shortfall in Y’s education.', ['payment'], []],
    ['The Council has agreed to our recommendations to remedy the serious injustice identified.', [], []],
    ['There was fault by the Council which failed to secure some of Y’s provision. The Council will apologise and make payments to reflect the injustice.', ['apology', 'payment'], []],
    ['We have found the Council at fault. We have made recommendations to remedy the injustice caused.', [], []],
    ['There was no fault in the Council’s decision not to provide a personal budget. The Council agreed to pay Mr Y £2800 to recognise the education he missed, reimburse the costs Ms X accrued in arranging some of Mr Y’s provision and pay her £500 to recognise the time and trouble caused to her by the Council’s fault.', ['payment'], [2800, 500]],
  ])('%s', expectSummaryRemedies);
});

describe('Summary wording from a further 93 real pages', () => {
  it.each([
    // 19-011-371: "He recommends the Council:" with verbs in the third person, and two £100 items.
    ['The Ombudsman finds the Council at fault. He recommends the Council: provides an apology; pays £7500 for loss of education and SEN provision; pays £500 for distress; pays £100 for time and trouble; pays £100 for loss of opportunity, addresses an outstanding query and takes action to prevent recurrence.', ['apology', 'payment', 'service_improvement'], [7500, 500, 100, 100]],
    // 23-016-738: a payment as the second infinitive after a comma.
    ['The Council has agreed to apologise, to pay a small financial remedy and to implement service improvements.', ['apology', 'payment', 'service_improvement'], []],
    // 24-005-444: staff "are trained".
    ['It will also review its internal procedure, and ensure its staff are fully trained.', ['service_improvement', 'staff_training_or_reminder'], []],
    // 24-019-903: the remedies named in the sentence after "agreed to our recommendations".
    ['We found fault. The Council agreed to our recommendations. This included providing an apology and £1,000 payment to Mr X for the distress caused by the Council’s fault and removal of the care arrangement fees up to 27 September 2024.', ['apology', 'payment', 'refund_or_waive'], [1000]],
    // 19-019-593: the middle item of a list says "in recognition of", after a "loss of" purpose.
    ['The Council has agreed to pay Mr and Mrs B £5,400 for C’s benefit for the loss of two years of his education, £1,000 in recognition of the distress and social isolation that this has caused C, and £500 for the distress caused to Mr and Mrs B.', ['payment'], [5400, 1000, 500]],
    // 24-012-589: deciding an application.
    ['The Council has also agreed to decide Mrs X’s application for transport assistance.', ['review_decision'], []],
    // 23-006-846, 21-004-165: what we will not investigate is no remedy.
    ['We will not investigate Mr X’s complaint about the Council’s pursuit of payment for an unpaid penalty charge notice.', [], []],
    ['We will not investigate this complaint about the Care Provider’s decision not to give the complainant a refund.', [], []],
  ])('%s', expectSummaryRemedies);

  it('reads the items under a lead-in in a final decision, and no bill restated as "This is £..." (16-003-210)', () => {
    const final = 'To remedy the injustice caused, the council has agreed to:\n  - settle the invoice with the care home based on its assessed weekly contribution. This is £19,898.\n  - write to the woman apologising for its failings.';
    const r = parseDecision(decisionText({ final }));
    expect(r.remedies.map((x) => x.kind)).toEqual(['apology']);
    expect(r.payments).toEqual([]);
  });

  it('does not read the publication of a report as a remedy (12-009-272)', () => {
    expect(clauseKinds('The Ombudsman considers that the publication of this report provides part of the remedy')).toEqual([]);
  });

  it('gives each amount of a list its own purpose (24-015-110)', () => {
    const summary = 'The Council has agreed to pay her £500 for the uncertainty caused, £3,000 for her child’s potential missed education and £100 for the frustration of pursuing the complaint.';
    expect(parseDecision(decisionText({ summary })).payments.map((p) => p.purpose)).toEqual(['the uncertainty caused', 'her child\'s potential missed education', 'the frustration of pursuing the complaint']);
  });
});

describe('Summary wording from a second set of 121 real pages', () => {
  it.each([
    // 24-012-010, 22-014-452: a closing "and act(s) to prevent recurrence" is its own action.
    ['The Council has agreed to apologise to Mr X, make a payment to recognise the injustice, and act to prevent recurrence.', ['apology', 'payment', 'service_improvement'], []],
    ['We recommended the Council provides an apology to Mrs X, pays her £100 for time and trouble and acts to prevent recurrence.', ['apology', 'payment', 'service_improvement'], [100]],
    // 20-002-410: noun phrases before "are satisfactory remedy".
    ['An apology, payment to Ms B and procedural changes are satisfactory remedy.', ['apology', 'payment', 'service_improvement'], []],
    // 25-005-826, 22-010-147: middle actions that name no remedy kind.
    ['The Council has agreed to apologise to Mrs X, finalise the adaptations scheme it is willing to proceed with and make a payment to Mrs X.', ['apology', 'other', 'payment'], []],
    ['The Council agreed to apologise, issue an amended final Education Health and Care plan without delay, pay a financial remedy and review relevant procedures.', ['apology', 'other', 'payment', 'service_improvement'], []],
    // 18-019-660, 18-017-259, 23-005-025, 19-019-971: recommendations in other voices.
    ['We have asked the Care Provider to pay Mr and Mrs B £300.', ['payment'], [300]],
    ['The Council is asked to re-offer a payment to Ms J to acknowledge the distress it caused her. It is also asked to make procedural changes.', ['payment', 'service_improvement'], []],
    ['We do not uphold Ms M’s complaint the Council owes her £65,000 in fostering fees, but we have recommended a symbolic payment for the delays and the frustration caused.', ['payment'], []],
    ['Recommendations for an individual remedy and service improvements are made.', ['service_improvement'], []],
    // 24-016-431, 24-004-085: "an apology and a financial remedy".
    ['It has agreed to provide an apology and a financial remedy to Mrs X.', ['apology', 'payment'], []],
    ['The agreed action of an apology and symbolic payment provides a suitable remedy.', ['apology', 'payment'], []],
    // 21-003-304: a remedy already given.
    ['The Council had already remedied this injustice by apologising to Mrs X.', ['apology'], []],
    // 24-008-242: "should have" after the remedy wording is part of it, not a fault.
    ['The Council has also agreed to review its decision on whether Ms X should have kept her status as an eligible child.', ['review_decision'], []],
    // 23-016-451: "the full amount it should" is a fault, not a remedy.
    ['We found fault because the Council did not pay her the full amount it should and delays in the annual review process.', [], []],
  ])('%s', expectSummaryRemedies);

  it('marks what the Ombudsman asked for as recommended', () => {
    expect(parseDecision(decisionText({ summary: 'We have asked the Care Provider to pay Mr and Mrs B £300.' })).payments[0]!.status).toBe('recommended');
  });
});

describe('Summary wording from a third set of 94 real pages', () => {
  it.each([
    // 22-012-366: gerunds after a comma are actions; 24-011-366: "... to remedy this injustice" ends a real action.
    ['The Council has agreed to remedy this by apologising to Mr X, making a payment to reflect the worry and uncertainty caused and a service improvement.', ['apology', 'payment', 'service_improvement'], []],
    ['The Council has agreed to apologise and make a symbolic payment to remedy this injustice.', ['apology', 'payment'], []],
    // 24-014-728: passive agreement.
    ['A symbolic payment to recognise Mrs X’s distress is agreed.', ['payment'], []],
    // 24-014-106: guidance to staff.
    ['The Council has agreed to apologise, make a financial payment and provide guidance to its staff.', ['apology', 'payment', 'staff_training_or_reminder'], []],
    // 24-013-429: a deferred payment agreement is no payment.
    ['The Council has agreed to continue improving its services by ensuring more comprehensive information is available for people considering Deferred Payment Agreements.', ['service_improvement'], []],
    // 19-018-992, 24-017-942, 19-004-469: repaying fees is a refund; service recommendations; a policy that explains.
    ['The Council has now agreed to repay all the top-up fees the family has paid.', ['refund_or_waive'], []],
    ['The Council agreed to apologise to Ms X, pay a financial remedy and carry out service recommendations.', ['apology', 'payment', 'service_improvement'], []],
    ['The Council has agreed to update and amend its policy to explain what sanctions apply to casual traders.', ['service_improvement'], []],
    // 18-009-593, 18-007-110: "explained at the end of this statement" names no remedy; "payments described in this statement" does.
    ['The Council has agreed action we consider will provide for a fair remedy to the complaint, explained at the end of this statement.', [], []],
    ['To remedy the injustice, the Council will apologise and make payments described in this statement.', ['apology', 'payment'], []],
    // 18-017-537: "in case B should need" is no recommendation.
    ['The Council is making plans in case B should need emergency respite in the future when the centre is closed.', [], []],
    // 19-016-311: the statement's own cross-reference is no remedy.
    ['The Care Provider accepts these findings. At the end of this statement we explain the action it has agreed to remedy that injustice.', [], []],
  ])('%s', expectSummaryRemedies);
});

describe('Summary wording from held-out pages', () => {
  it.each([
    // 23-009-074, 20-007-760: remedies listed as nouns; "a claim" (a noun) is not the complainant claiming.
    ['We have found fault by the Council but consider the agreed action of an apology, £1,900 payment, removal of outstanding accommodation charges, consideration of a claim for avoidable travel costs and review of procedure provides a suitable remedy.', ['apology', 'payment', 'refund_or_waive', 'review_decision', 'service_improvement'], [1900]],
    // 23-013-400: the action after an apology's reasons, with its recipient before "a ... payment".
    ['To remedy the complaint the Care Provider should apply FNC payments to the outstanding account, refund any credit and apologise to Mr C for its failures and make him a symbolic payment.', ['apology', 'refund_or_waive', 'payment'], []],
    ['Recommendations for an apology, reimbursement of expenses, a time and trouble payment and service improvements are made.', ['apology', 'payment', 'service_improvement'], []],
  ])('%s', expectSummaryRemedies);
});

describe('a Summary line broken in two (17-009-223, 19-002-977)', () => {
  it('keeps the lines up to the first heading, and no more', () => {
    const text = decisionText({ summary: 'The Council was not at fault when it stopped providing\nMr X with accommodation under section 17 of the Children Act. The Council carried out a full assessment.' });
    expect(parseDecision(text).summary).toBe('The Council was not at fault when it stopped providing Mr X with accommodation under section 17 of the Children Act. The Council carried out a full assessment.');
    expect(parseDecision(decisionText({ summary: 'Mrs X complained about delay. We found fault.' })).summary).toBe('Mrs X complained about delay. We found fault.');
  });
});

describe('actions written with a third-person verb (2013-2017 action lists)', () => {
  it.each([
    ['reviews its decision on Mr X’s application', 'review_decision'],
    ['reviews its policy on restricting visits', 'service_improvement'],
    ['reassesses her care needs', 'reassessment'],
    ['carries out a new assessment of his needs', 'reassessment'],
    ['apologises to the mother', 'apology'],
    ['pays the young person £500', 'payment'],
    ['meets the family to discuss support', 'meeting'],
    ['arranges a meeting with the mother', 'meeting'],
    ['reminds its staff of the procedure', 'staff_training_or_reminder'],
    ['provides the man with a copy of the care plan', 'provide_information'],
    ['reconsiders the application', 'review_decision'],
  ])('%s is %s', (clause, kind) => {
    expect(clauseKinds(clause)[0]).toBe(kind);
  });
});
