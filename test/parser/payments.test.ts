import { describe, expect, it } from 'vitest';
import { parseDecision } from '../../src/parse.js';
import { decisionText } from './factories.js';

const amounts = (text: string) => parseDecision(text).payments.map((p) => p.amount);

describe('payments from the Agreed action (domain.md rules)', () => {
  it.each([
    ['two payments in a list', '- Within one month the Council should:\n  • apologise to Mrs X;\n  • pay Mrs X £300 to acknowledge the distress caused; and\n  • pay Mrs X £150 for her time and trouble.', [300, 150]],
    ['a breakdown after "made up of" is not extra', '- The Council has agreed to pay Mr Y £1,750, made up of £1,500 for the loss of educational provision and £250 for distress.', [1750]],
    ['a breakdown in brackets is not extra', '- pay Mrs X £2,750 (£750 for Mrs X, £1,000 each for Y and Z) for the impact of the failings.', [2750]],
    ['per month for a period is multiplied', '- pay Miss B £200 a month for the 7 months she was without suitable provision.', [1400]],
    ['"each to Mr and Mrs C" is two', '- pay £150 each to Mr and Mrs C for the distress caused.', [300]],
    ['"each for Y and Z" counts the names', '- pay £500 each for Y and Z to recognise lost education.', [1000]],
    ['"for each of his two children"', '- pay Mr N £200 for each of his two children.', [400]],
    ['per child with a total', '- Pay Mr X £300 for each child to recognise the lack of provision. The Council will pay £600 in total;', [600]],
    ['a total with its per-unit breakdown in brackets', '- pay Mr and Mrs P a total of £1,200 (£400 for each of their three children).', [1200]],
    ['per week with a total', '- pay Mr H £100 for each week of delay beyond 20 weeks (10 weeks, £1,000 in total).', [1000]],
    ['a refund is money paid back', '- The Council has agreed to refund Mr D the £85 he paid for the replacement bin.', [85]],
    ['reimbursed fees', '- reimburse Ms Q the £640 legal fees she incurred.', [640]],
    ['a waived charge is not a payment', '- The Council will waive the £420 outstanding charge.', []],
    ['grant money is not a payment', '- pay the remaining £3,250 of the £6,500 grant.', []],
    ['guidance ranges and claims are left out', '- The Council should pay Mrs E £400. Our guidance suggests a payment of between £300 and £500. Mrs E asked for £5,000 compensation.', [400]],
    ['an earlier offer replaced by an increase', '- The Council had offered Mr F £100. I do not consider this is enough. The Council has agreed to increase this to £350.', [350]],
    ['"between" dates do not hide the next amount', '- pay Ms G £2,000 in recognition of the lost provision between September 2021 and March 2022 and £300 for her distress.', [2000, 300]],
    ['a symbolic payment', '- make a symbolic payment of £250 to Mr L to acknowledge the uncertainty.', [250]],
    ['an offered amount kept, with a further one', '- The Council will pay Mrs R £350, as it offered in its complaint response, and a further £200 for the delay.', [350, 200]],
  ])('%s', (_name, action, want) => {
    expect(amounts(decisionText({ action }))).toEqual(want);
  });

  it('reads recipient, purpose, status and the per-unit split', () => {
    const [p] = parseDecision(decisionText({ action: '- Pay Mr X £300 for each child to recognise the lack of provision. The Council will pay £600 in total;' })).payments;
    expect(p).toMatchObject({ amount: 600, currency: 'GBP', recipient: 'Mr X', perUnit: { amount: 300, unit: 'child', count: 2 }, status: 'agreed' });
    expect(p!.purpose).toMatch(/^the lack of provision/);
  });

  it('warns, and counts once, a per-unit payment with no count', () => {
    const r = parseDecision(decisionText({ action: '- pay £50 per week from 1 March 2023 until the provision is in place.' }));
    expect(r.payments.map((p) => p.amount)).toEqual([50]);
    expect(r.warnings.join(' ')).toMatch(/per week does not say how many/);
  });
});

describe('payments without an Agreed action', () => {
  it('takes an offer the decision endorses', () => {
    const r = parseDecision(decisionText({ analysis: 'The Council has already paid Mr J £250. I consider this an appropriate remedy.' }));
    expect(r.payments.map((p) => [p.amount, p.status])).toEqual([[250, 'endorsed_offer']]);
  });

  // Held-out 21-018-415: the Summary endorses "the Council's offer" by name; the analysis gives its amount.
  const earlier = 'The Ombudsman upheld the complaint in a report dated January 2021 and the Council agreed to pay compensation to Mr B of £400 to reflect his time and trouble.';
  const offered = 'The Council responded to Ms X’s complaint in March 2021 offering compensation of £400 to Ms X.';
  const endorsed = 'We will not investigate this complaint because the complaint is out of time. The Council’s offer to remedy the complaint to Ms X is also a reasonable settlement of the complaint.';
  it.each([
    ['the offer endorsed by name, with its amount in the analysis', endorsed, `${earlier}\n- ${offered}`, [[400, 'endorsed_offer']]],
    ['not the amount agreed in an earlier complaint', endorsed, earlier, []],
    ['not an offer nobody endorsed', 'We will not investigate this complaint because the complaint is out of time.', `${earlier}\n- ${offered}`, []],
  ])('%s', (_name, summary, analysis, want) => {
    const r = parseDecision(decisionText({ summary, analysis }));
    expect(r.payments.map((p) => [p.amount, p.status])).toEqual(want);
  });

  it('does not take an offer the decision finds too low', () => {
    const r = parseDecision(decisionText({ analysis: 'The Council offered £100. I do not consider this is appropriate.' }));
    expect(r.payments).toEqual([]);
  });

  it('counts a payment named in the Summary and the Final decision once', () => {
    const r = parseDecision(decisionText({ summary: 'The Council has agreed to pay Mrs X £200 for her distress.', final: 'The Council has agreed to pay Mrs X £200, which is a suitable remedy.' }));
    expect(r.payments.map((p) => p.amount)).toEqual([200]);
    expect(r.paymentTotal).toBe(200);
  });

  it('reads nothing from what the complainant asked for', () => {
    const r = parseDecision(decisionText({ summary: 'Mrs X complains the Council should pay her £5,000. We found no fault.' }));
    expect(r.payments).toEqual([]);
    expect(r.amounts.map((a) => a.role)).toEqual(['claimed_loss']);
  });
});

describe('amount roles', () => {
  it('lists every amount with its role (seed 000 pattern)', () => {
    const r = parseDecision(
      decisionText({
        analysis: 'The Council offered Mrs X £200. The Ombudsman\'s guidance recommends a payment of between £100 - £300 for avoidable distress. Therefore, I consider the Council\'s offer of £200 appropriate. Mrs X paid £45 in fees.',
      }),
    );
    expect(r.payments.map((p) => p.amount)).toEqual([200]);
    expect(r.amounts.map((a) => [a.amount, a.role])).toEqual([
      [200, 'remedy'],
      [100, 'guidance'],
      [200, 'remedy'],
      [45, 'fee_or_charge'],
    ]);
  });
});

describe('amount roles of payments for a loss (#14)', () => {
  it('a payment for lost provision is a remedy, not a claimed loss, and so is the next item of its list', () => {
    const r = parseDecision(decisionText({ summary: 'We found fault. The Council has agreed to pay Mrs X £1,800 for Y’s lost provision and £300 for her distress.', action: '- pay Mrs X £1,800 to acknowledge the loss of education provision Y experienced;\n- pay Mrs X £300 for her distress.' }));
    expect(r.amounts.map((a) => [a.amount, a.role])).toEqual([[1800, 'remedy'], [300, 'remedy'], [1800, 'remedy'], [300, 'remedy']]);
  });

  it('but what the complainant says she lost stays a claimed loss', () => {
    const r = parseDecision(decisionText({ summary: 'Mrs X says she lost £1,800 in wages. The Council has agreed to pay Mrs X £1,800 for her lost earnings.' }));
    expect(r.amounts.map((a) => [a.amount, a.role])).toEqual([[1800, 'claimed_loss'], [1800, 'remedy']]);
  });
});

describe('closed after initial enquiries, with a remedy already offered', () => {
  it('takes the offer the Ombudsman finds suitable from the Summary', () => {
    const r = parseDecision(
      decisionText({ summary: 'We will not investigate this complaint about missed bin collections. This is because the Council has already apologised and offered Mr X £100, which is a suitable remedy.' }),
    );
    expect(r.payments.map((p) => p.amount)).toEqual([100]);
    expect(r.remedies.map((x) => x.kind)).toEqual(['apology', 'payment']);
  });

  it('reads nothing from a refusal', () => {
    const r = parseDecision(decisionText({ summary: 'The Council will not pay Mrs X the £500 she wants.' }));
    expect(r.payments).toEqual([]);
    expect(r.remedies).toEqual([]);
  });
});

describe('Summary offers and increases', () => {
  it.each([
    ['The Council offered Mr X £250, which we consider appropriate.', [250]],
    ['The Council offered £100 but we consider it should pay £300.', [300]],
    ['The Council had offered Mrs X £150; we recommended it increase this to £400.', [400]],
    ['The Council offered £100, which we do not consider appropriate.', []],
  ])('%s', (summary, amounts) => {
    expect(parseDecision(decisionText({ summary })).payments.map((p) => p.amount)).toEqual(amounts);
  });
});

describe('equal amounts that are separate payments', () => {
  it.each([
    ['two people named in one action', '- pay Mrs X £150 and Mr X £150 for their distress.', [150, 150]],
    ['two action items for different harms', '- pay Mrs X £250 for her distress;\n- pay Mrs X £250 for her time and trouble.', [250, 250]],
  ])('%s', (_name, action, want) => {
    expect(amounts(decisionText({ action }))).toEqual(want);
  });

  it('but one payment said in the Summary and in Agreed action', () => {
    const r = parseDecision(decisionText({ summary: 'The Council has agreed to pay Mrs X £250.', action: '- pay Mrs X £250 for her distress.' }));
    expect(r.payments.map((p) => p.amount)).toEqual([250]);
  });
});
