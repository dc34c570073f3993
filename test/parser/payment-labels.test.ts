/**
 * Purpose kinds and recipient roles of every payment on the golden fixtures, labelled BY READING
 * the decision's sentences (issue #14), before the parser was made to agree. Keyed by fixture
 * slug and payment amount. A fixture with payments missing here fails, so a new fixture needs
 * its labels written by a person.
 *
 * Reading notes (the rules a labeller followed):
 * - a purpose joined in one phrase gives every kind it names ("the distress and the cost of taking
 *   Y to school" is distress + financial_loss);
 * - a payment "to remedy this" / "to put matters right" takes the harm the decision found in the
 *   sentence before ("caused her avoidable uncertainty"); an unnamed "injustice" or "impact" is other;
 * - the recipient's role is who the words name: the person who complained is the complainant
 *   (Mr L complained: his son Mr X is a child, "Mr and Mrs L" are a family), "each of the
 *   neighbours" who complained are complainants, "£1000 for the children" is for a child;
 *   no recipient named is null.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDecision } from '../../src/parse.js';

type Label = [amount: number, purposeKinds: string[], recipientRole: string | null];

const LABELS: Record<string, Label[]> = {
  // 2013-2017 layout: the neighbours complained; "pay each of the neighbours £250 for their time, trouble and loss of confidence in the council's decision making"
  'old-report-summary-2016': [[250, ['time_and_trouble'], 'complainant']],
  // "A man complains he was banned from visiting ...": "pay the man £300 for the failure to do this sooner" (no harm of the list named)
  'old-report-summary-2017-two-lead-ins': [[300, ['other'], 'complainant']],
  // "pay Mrs X £200 for the frustration caused because she could not challenge ..."
  'cookie-first-and-toc': [[200, ['distress'], 'complainant']],
  'seed-lead-in-with-reasons': [[200, ['distress'], 'complainant']],
  // "the agreed actions of an apology, payment of £300 and tighter controls ... a suitable remedy for Mr C's injustice": no purpose, no recipient.
  'gold-18-014-811': [[300, ['other'], null]],
  // "This caused Ms B an injustice. The Council agrees to pay Ms B £250 to remedy the injustice it caused."
  'gold-19-012-559': [[250, ['other'], 'complainant']],
  // "It should pay her £150 for the uncertainty caused" (her: Mrs X, who complained)
  'gold-19-016-674': [[150, ['distress'], 'complainant']],
  // Mr L complained about support for his son, Mr X. "It agreed to pay Mr X £500, and Mr and Mrs L £3,000 to recognise the distress and additional strain"
  'gold-21-008-070': [
    [500, ['distress'], 'child'],
    [3000, ['distress'], 'family'],
  ],
  // "... which caused her avoidable distress and frustration. To put matters rights, the Council agreed to make a symbolic payment of £700 to Miss X."
  'gold-23-013-788': [[700, ['distress'], 'complainant']],
  // "Pay him £250 which is a symbolic payment to reflect the upset, distress and frustration caused." (seed 003 in several renderings)
  'html-article-header-pairs': [[250, ['distress'], 'complainant']],
  'markdown-rendering': [[250, ['distress'], 'complainant']],
  'odd-organisation-brackets': [[250, ['distress'], 'complainant']],
  'seed-symbolic-payment-dated-deadline': [[250, ['distress'], 'complainant']],
  'unindented-numbering-continues': [[250, ['distress'], 'complainant']],
  // "Pay Mr X £300 for each child to recognise the lack of right social care provision ..."; "Pay Mr X £150 for extra time and trouble"
  'html-no-header-url-category': [
    [600, ['lost_provision'], 'complainant'],
    [150, ['time_and_trouble'], 'complainant'],
  ],
  'seed-no-header-block-bullets': [
    [600, ['lost_provision'], 'complainant'],
    [150, ['time_and_trouble'], 'complainant'],
  ],
  // "... caused her avoidable uncertainty. The Council ... offered Mrs X an apology and £200 to remedy this."
  // "offered Mr and Mrs X a payment of £1000 for the children for any avoidable distress caused by lost support"
  'html-windows-1252': [
    [200, ['distress'], 'complainant'],
    [1000, ['distress'], 'child'],
  ],
  'seed-child-in-need-endorsed-offer': [
    [200, ['distress'], 'complainant'],
    [1000, ['distress'], 'child'],
  ],
  // Complaint from two men (neighbours): "pay each of the neighbours £250 for their time, trouble and loss of confidence"
  'old-format-2016-bare-ref': [[250, ['time_and_trouble'], 'complainant']],
  // "pay Mrs X £500 for the distress and the cost of taking Y to school herself"
  'report-bare-ref-title': [[500, ['distress', 'financial_loss'], 'complainant']],
  // Constructed: "pay Mrs X £1,800 to acknowledge the loss of education provision Y experienced. This is £600 a month for three months";
  // "pay Mrs X £300 to recognise the avoidable distress and the time and trouble"; "reimburse Mrs X the £420 she paid for private tuition";
  // "pay Y £250 for the lost opportunity to attend the summer transition programme" (Y: her son).
  'typed-payments-roles-and-periods': [
    [1800, ['lost_provision'], 'complainant'],
    [300, ['distress', 'time_and_trouble'], 'complainant'],
    [420, ['financial_loss'], 'complainant'],
    [250, ['lost_opportunity'], 'child'],
  ],
  // "pay Mrs X £2,750 ... in recognition of the impact on the family of the failings"; "pay Mrs X £550 to reflect the additional upset and uncertainty"
  'seed-breakdown-not-extra': [
    [2750, ['other'], 'complainant'],
    [550, ['distress'], 'complainant'],
  ],
};

const root = path.join(import.meta.dirname, '..', 'fixtures', 'pages');
const slugs = fs.readdirSync(root).filter((d) => fs.statSync(path.join(root, d)).isDirectory()).sort();

function parseFixture(slug: string) {
  const dir = path.join(root, slug);
  const source = fs.readdirSync(dir).find((f) => f.startsWith('source.'))!;
  const meta = JSON.parse(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8')) as { url: string | null };
  return parseDecision(fs.readFileSync(path.join(dir, source)), { url: meta.url, source: `${slug}/${source}` });
}

describe('payment purpose kinds and recipient roles on the golden fixtures (labelled by reading)', () => {
  for (const slug of slugs) {
    it(slug, () => {
      const got = parseFixture(slug).payments.map((p) => [p.amount, [...(p.purposeKinds ?? [])].sort(), p.recipientRole]);
      const want = (LABELS[slug] ?? []).map(([a, k, r]) => [a, [...k].sort(), r]);
      expect(got).toEqual(want);
    });
  }
});
