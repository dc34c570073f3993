import { describe, expect, it } from 'vitest';
import { clauseKinds, splitClauses } from '../../src/extract/remedy-kinds.js';
import { findDeadline } from '../../src/extract/remedy-units.js';
import { parseDecision } from '../../src/parse.js';
import { decisionText } from './factories.js';

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
