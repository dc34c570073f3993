/**
 * Table tests for payment purposes, recipients and periods (issue #14, and #9's recipients named
 * by role): each row a phrase form found in real decisions, checked through the whole parser.
 */
import { describe, expect, it } from 'vitest';
import { purposeKinds } from '../../src/extract/purpose-kinds.js';
import { readPeople, recipientRole } from '../../src/extract/recipient-role.js';
import { parseDecision } from '../../src/parse.js';
import { decisionText } from './factories.js';

const sorted = (k: string[]) => [...k].sort();

describe('purposeKinds: the phrase forms', () => {
  it.each([
    ['the distress caused', ['distress']],
    ['the avoidable distress and uncertainty caused', ['distress']],
    ['her time and trouble', ['time_and_trouble']],
    ['their time, trouble and inconvenience', ['time_and_trouble', 'distress']],
    ['the distress and time and trouble', ['distress', 'time_and_trouble']],
    ['the loss of education provision', ['lost_provision']],
    ['the 7 months she was without suitable provision', ['lost_provision']],
    ['the lack of right social care provision following the assessment', ['lost_provision']],
    ['the speech and language therapy Y did not receive', ['lost_provision']],
    ['the missed respite care', ['lost_provision']],
    ['the three months Y could not attend school', ['lost_provision']],
    ['the cost of the private assessment', ['financial_loss']],
    ['the legal fees she incurred', ['financial_loss']],
    ['her lost earnings', ['financial_loss']],
    ['the care fees she paid', ['care_costs']],
    ['a backdated direct payment', ['care_costs']],
    ['backdate her personal budget', ['care_costs']],
    ['the backdated housing benefit', ['financial_loss']],
    ['backdate his council tax reduction', ['financial_loss']],
    ['the top-up fees', ['care_costs']],
    ['the lost opportunity to appeal', ['lost_opportunity']],
    ['the loss of the opportunity to challenge the decision', ['lost_opportunity']],
    ['the missed chance of a place at her preferred school', ['lost_opportunity']],
    ['the distress and the cost of taking Y to school herself', ['distress', 'financial_loss']],
    ['any avoidable distress caused by lost support', ['distress']],
    ['the frustration, anxiety and worry', ['distress']],
    ['the injustice caused', []],
    ['the loss of her right of appeal', ['lost_opportunity']],
    ['the damage to his car', ['financial_loss']],
    ['her trouble', ['time_and_trouble']],
    ['the harm to his wellbeing', ['distress']],
  ])('%s', (phrase, kinds) => expect(sorted(purposeKinds(phrase))).toEqual(sorted(kinds)));
});

describe('payments: purpose kinds read through the parser', () => {
  it.each([
    ['- pay Mrs X £300 to acknowledge the distress caused.', ['distress']],
    ['- pay Mrs X £150 for her time and trouble in pursuing the complaint.', ['time_and_trouble']],
    ['- reimburse Ms Q the £640 legal fees she incurred.', ['financial_loss']],
    ['- refund Mr D the £85 he paid for the replacement bin.', ['financial_loss']],
    ['- pay Mrs X a backdated direct payment of £2,400 for the care she arranged herself.', ['care_costs']],
    ['- pay Miss B £200 a month for the 7 months she was without suitable provision.', ['lost_provision']],
    ['- pay Mr Y £250 for the lost opportunity to appeal the decision.', ['lost_opportunity']],
    ['- make a symbolic payment of £700 to Miss X.', ['other']],
    ['- refund Mrs Y’s estate £3,400 in care charges.', ['care_costs']],
    ['- pay Mrs X £900 which is the amount of the top-up fees she paid.', ['care_costs']],
    ['- pay Mrs X £1,100 for the additional care costs she incurred.', ['care_costs']],
    ['- refund Mrs X the £2,400 she paid towards her mother’s care.', ['care_costs']],
    ['- backdate Mrs X’s direct payments to April 2022, which is £3,120.', ['care_costs']],
    ['- pay Mr and Mrs X £1,500 for the loss of their daughter’s education provision.', ['lost_provision']],
    ['- pay Mrs X £6,000 for the 12 months Y was without a suitable school place.', ['lost_provision']],
    ['- pay Ms X £150 a week for the 8 weeks she spent in unsuitable accommodation.', ['lost_provision']],
    ['- pay Mr X £100 a month from March 2023 until the Council provides the support in his EHC Plan.', ['lost_provision']],
    ['- pay Mr D £1,250 for the loss of his belongings.', ['financial_loss']],
    ['- pay Mr X £2,500 to reflect the financial loss he suffered.', ['financial_loss']],
    ['- pay Mr X £200 for the inconvenience of having to pursue the matter.', ['time_and_trouble']],
    ['- pay £200 to Ms X’s advocate for the time spent on the complaint.', ['time_and_trouble']],
    ['- pay Mrs X £500 to acknowledge the distress caused and the time and trouble she has been put to.', ['distress', 'time_and_trouble']],
    ['- pay Mrs X £1,000 to acknowledge the uncertainty about whether Y would have received more support had the Council acted properly.', ['distress']],
    ['- Pay Mr X £200 in recognition of the injustice caused.', ['other']],
  ])('%s', (action, kinds) => {
    const [p] = parseDecision(decisionText({ action })).payments;
    expect(sorted(p!.purposeKinds ?? [])).toEqual(sorted(kinds));
  });

  it('two payments of one list keep their own kinds', () => {
    const r = parseDecision(decisionText({ action: '- The Council has agreed to pay Ms G £2,000 in recognition of the lost provision and £300 for her distress.' }));
    expect(r.payments.map((p) => [p.amount, p.purposeKinds])).toEqual([[2000, ['lost_provision']], [300, ['distress']]]);
  });

  it('"to remedy this" takes the harm found in the sentence before', () => {
    const r = parseDecision(decisionText({ summary: 'The delay caused Mrs X avoidable uncertainty. The Council has agreed to pay her £200 to remedy this.' }));
    expect(r.payments[0]!.purposeKinds).toEqual(['distress']);
  });

  it('a purpose said in the next sentence about the payment', () => {
    const r = parseDecision(decisionText({ summary: 'We found fault. The Council has agreed to pay Mrs X £500. This is to recognise the avoidable distress and uncertainty caused.' }));
    expect(r.payments[0]!.purposeKinds).toEqual(['distress']);
  });

  it('but not the harm the complainant says she suffered', () => {
    const r = parseDecision(decisionText({ summary: 'Mrs X says the delay caused her distress. The Council has agreed to pay her £200 to remedy this.' }));
    expect(r.payments[0]!.purposeKinds).toEqual(['other']);
  });
});

describe('recipients named by role (#9) and their roles (#14)', () => {
  it.each([
    ['- pay the young person £500 for the lost education.', [[500, 'the young person', 'child']]],
    ['- pay the mother £300 for her distress.', [[300, 'the mother', 'other']]],
    ['- pay Y £500 for the education he missed.', [[500, 'Y', 'child']]],
    ['- pay £250 to her son for the distress caused.', [[250, 'her son', 'child']]],
    ['- pay Mr and Mrs X £400 for their distress.', [[400, 'Mr and Mrs X', 'family']]],
    ['- pay the first family £200, the second £150 for their distress.', [[200, 'the first family', 'family'], [150, 'the second family', 'family']]],
    ['- pay £1,000 to the estate of Mrs Y for the care fees paid.', [[1000, 'the estate of Mrs Y', 'representative']]],
    ['- pay Mrs X £200 for her distress.', [[200, 'Mrs X', 'complainant']]],
    ['- pay Mr Z £200 for his distress.', [[200, 'Mr Z', 'other']]],
    ['- make a payment of £200 for the distress caused.', [[200, null, null]]],
    ['- reimburse Mrs X the £2,345 she paid for private speech and language therapy.', [[2345, 'Mrs X', 'complainant']]],
    ['- pay the late Mrs Y’s estate £2,000 to recognise the injustice she suffered.', [[2000, "the late Mrs Y's estate", 'representative']]],
    ['- pay £200 to Ms X’s advocate for the time spent on the complaint.', [[200, "Ms X's advocate", 'representative']]],
    ['- pay £300 to each of Mr X’s two children.', [[600, "each of Mr X's two children", 'child']]],
    ['- pay Y £500 and Z £500 for the distress caused.', [[500, 'Y', 'child'], [500, 'Z', 'child']]],
    ['- pay Mrs X £500 to remedy the distress caused and £200 for her time and trouble.', [[500, 'Mrs X', 'complainant'], [200, 'Mrs X', 'complainant']]],
    ['- pay the complainant £250.', [[250, 'the complainant', 'complainant']]],
    ['- pay each family £250 for their distress.', [[250, 'each family', 'family']]],
    ["- pay the complainant's daughter £300 for her distress.", [[300, "the complainant's daughter", 'child']]],
    ["- pay £250 to Mrs X's husband for his time and trouble.", [[250, "Mrs X's husband", 'other']]],
    ['- pay each of the two families £250 for their distress.', [[500, 'each of the two families', 'family']]],
    ['- pay £250 to each family for their time and trouble.', [[250, 'each family', 'family']]],
  ])('%s', (action, want) => {
    const r = parseDecision(decisionText({ action }));
    expect(r.payments.map((p) => [p.amount, p.recipient, p.recipientRole])).toEqual(want);
  });

  it('a payment naming nobody goes to whom its sentence named just before', () => {
    const r = parseDecision(decisionText({ summary: 'We found fault. The Council has agreed to apologise to Mrs X and pay £300 to acknowledge the distress caused.' }));
    expect(r.payments.map((p) => [p.recipient, p.recipientRole])).toEqual([['Mrs X', 'complainant']]);
  });

  it('reads the complainant from "Mr B (the complainant)" and "the complainant, whom I refer to here as Mr B"', () => {
    expect(recipientRole('Mr B', readPeople('Mr B (the complainant) says the Council delayed.'))).toBe('complainant');
    expect(recipientRole('Mr B', readPeople('The complainant, whom I refer to here as Mr B, says the Council delayed.'))).toBe('complainant');
  });

  it('the person a complaint is made on behalf of is the complainant; a son on whose behalf it is made, a child', () => {
    const people = readPeople('Mr Y complains on behalf of his mother, Mrs X, about her care.');
    expect(recipientRole('Mrs X', people)).toBe('complainant');
    expect(recipientRole('Mr Y', people)).toBe('complainant');
    expect(recipientRole('Mr Z', readPeople('Mrs X complains on behalf of her son, Mr Z.'))).toBe('child');
  });

  it('a person introduced as an advocate or solicitor is a representative', () => {
    expect(recipientRole('Mr Z', readPeople('Mrs X complains, supported by her advocate, Mr Z, about her care.'))).toBe('representative');
    expect(recipientRole('Ms W', readPeople('Ms W, her solicitor, complained on behalf of Mrs X.'))).toBe('representative');
  });

  it('a role the decision says complained is the complainant', () => {
    const people = readPeople('A mother complained that the council failed to provide her son with education.');
    expect(recipientRole('the mother', people)).toBe('complainant');
    expect(recipientRole('her son', people)).toBe('child');
  });

  it('a titled person introduced as a son is a child; the couple who complained are a family', () => {
    const people = readPeople('Mr L complained about the way the Council supported his son, Mr X.');
    expect(recipientRole('Mr X', people)).toBe('child');
    expect(recipientRole('Mr L', people)).toBe('complainant');
    expect(recipientRole('Mr and Mrs L', people)).toBe('family');
  });
});

describe('payments per period', () => {
  it('"This is calculated at £600 per month for three months" restates the £1,800, with its period', () => {
    const r = parseDecision(decisionText({ action: '- pay Mrs X £1,800 to acknowledge the loss of education provision. This is calculated at £600 per month for three months.' }));
    expect(r.payments.map((p) => [p.amount, p.period, p.purposeKinds])).toEqual([[1800, { amount: 600, unit: 'month', count: 3 }, ['lost_provision']]]);
  });

  it('"£200 a month for 7 months": unit amount, unit and count, with the total as amount', () => {
    const [p] = parseDecision(decisionText({ action: '- pay Miss B £200 a month for 7 months for the education she missed.' })).payments;
    expect(p).toMatchObject({ amount: 1400, perUnit: { amount: 200, unit: 'month', count: 7 }, period: { amount: 200, unit: 'month', count: 7 } });
  });

  it('a per-week amount with no count keeps its period with count null', () => {
    const [p] = parseDecision(decisionText({ action: '- pay £50 per week from 1 March 2023 until the provision is in place.' })).payments;
    expect(p).toMatchObject({ amount: 50, perUnit: null, period: { amount: 50, unit: 'week', count: null } });
  });

  it('a breakdown in brackets gives the period of the payment it breaks down', () => {
    const [p] = parseDecision(decisionText({ action: '- pay Mrs X £3,600 (£300 a month for 12 months) for the missed care.' })).payments;
    expect(p).toMatchObject({ amount: 3600, perUnit: null, period: { amount: 300, unit: 'month', count: 12 }, purposeKinds: ['lost_provision'] });
  });

  it('"each of the two families" counts the families', () => {
    const [p] = parseDecision(decisionText({ action: '- pay each of the two families £250 for their distress.' })).payments;
    expect(p).toMatchObject({ amount: 500, perUnit: { amount: 250, unit: 'family', count: 2 }, period: null, recipientRole: 'family' });
  });

  it('a per-child amount is no period', () => {
    const [p] = parseDecision(decisionText({ action: '- pay Mr N £200 for each of his two children.' })).payments;
    expect(p).toMatchObject({ amount: 400, perUnit: { amount: 200, unit: 'child', count: 2 }, period: null });
  });
});

describe('properties', () => {
  it('purposeKinds and recipientRole never throw and give only known values, each once', async () => {
    const fc = (await import('fast-check')).default;
    const { PURPOSE_KINDS, RECIPIENT_ROLES } = await import('../../src/schema/kinds.js');
    const people = readPeople('Mrs X complained about her son, Y.');
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const kinds = purposeKinds(s);
        expect(new Set(kinds).size).toBe(kinds.length);
        for (const k of kinds) expect(PURPOSE_KINDS).toContain(k);
        const role = recipientRole(s, people);
        if (role !== null) expect(RECIPIENT_ROLES).toContain(role);
      }),
      { numRuns: 500 },
    );
  });
});
