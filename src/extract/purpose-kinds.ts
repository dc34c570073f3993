/**
 * @file Why a payment was made, as kinds from the Ombudsman's guidance on remedies (issue #14):
 * the phrase patterns in one commented table, and the function that reads a purpose phrase with
 * them. Purposes joined in one phrase ("for the distress and time and trouble") give every kind
 * they name. Text is compared after `normaliseQuotes`.
 */
import type { PurposeKind } from '../schema/record.js';
import { normaliseQuotes } from './patterns.js';

/**
 * Ordered rules: each kind's phrases. A match is cut out of the text before later rules run,
 * so "care fees" is care_costs and not also financial_loss, and "loss of education provision"
 * is lost_provision and not also a loss of money.
 */
export const PURPOSE_RULES: Array<[PurposeKind, RegExp]> = [
  // care_costs. Must match "care fees", "the top-up fees", "a backdated direct payment",
  // "backdate her personal budget", "the cost of her care"; not "the cost of taking Y to school".
  ['care_costs', /\b(?:care(?: home)? (?:fees|costs|charges|bills?)|nursing (?:home )?fees|residential (?:care )?fees|top[- ]?ups?(?: fees| payments)?|back-?dat(?:ed?|ing) (?:[\w'-]+ ){0,2}(?:direct payments?|personal budgets?|(?:care |support )?budgets?|care (?:payments?|costs|package))|direct payments?|personal budgets?|(?:cost|costs|price) of (?:her|his|their|the|its|[A-Z]'s) (?:\w+ )?(?:care|placement|respite)\b|(?:paid|contributed|spent) (?:for|towards|on) (?:[\w'-]+ ){0,3}?care\b|(?:funded|paid for) (?:her|his|their) (?:own )?care|self-funded care)/gi],
  // lost_provision. Must match "loss of education provision", "lost education", "the lack of right social
  // care provision", "the 7 months she was without suitable provision", "missed therapy", "the
  // support she did not receive"; not "lost opportunity".
  ['lost_provision', /\b(?:until (?:the council |it )?(?:provides|puts in place|secures|arranges|delivers) (?:the |a |suitable |appropriate )?(?:[\w-]+ ){0,2}(?:support|provision|education|placement|school|therapy|care)|(?:unsuitable|inadequate) (?:temporary |bed and breakfast )?(?:accommodation|housing|placement)|loss of (?:[\w'-]+ ){0,3}(?:education(?:al)?|provision|schooling|tuition|teaching|support|services?|therapy|respite|care|placement|transport)\b|lost (?:[\w'-]+ ){0,3}(?:education(?:al)?|provision|schooling|tuition|teaching|support|therapy|respite|service|care|placement)\b|lack of (?:[\w'-]+ ){0,4}(?:education(?:al)?|provision|schooling|support|services?|therapy|care|respite|help)\b|without (?:[\w-]+ ){0,3}(?:education|provision|schooling|a school place|school|support|services?|therapy|care|respite|transport)\b|(?:missed|unmet|delayed) (?:[\w-]+ ){0,2}(?:education|provision|schooling|tuition|support|therapy|sessions?|respite|care)\b|(?:education|provision|support|therapy|tuition|sessions?|respite|care|services?) (?:\w+ ){0,3}(?:(?:did|does|could) not (?:receive|get|have)|(?:was|were|is) not (?:provided|delivered|received|in place|available)|(?:he|she|they|[A-Z]) missed|not provided)|(?:education|provision|support|services?) (?:\w+ ){0,2}(?:should have (?:had|received|been provided))|(?:months?|weeks?|terms?|years?|days?) (?:of |without )(?:[\w-]+ ){0,2}(?:education|provision|schooling|support|tuition|therapy|care|respite)\b|(?:education|provision|schooling|support|therapy|care) (?:he|she|they|[A-Z]) (?:lost|missed|went without)|\bout of (?:education|school)\b|(?:did not|could not|was unable to|were unable to|unable to|not able to) attend (?:school|college|nursery|the placement|a suitable school|education)|\bnot in (?:school|education)\b)/gi],
  // time_and_trouble. Must match "time and trouble", "their time, trouble and ...", "time and
  // effort", "having to pursue the complaint", "the trouble of bringing the complaint to us".
  ['time_and_trouble', /\b(?:time,? (?:and |&)?(?:trouble|effort)|time (?:(?:she|he|they) )?(?:spent|taken|put in) (?:\w+ ){0,3}(?:on|in|pursuing|with|chasing|bringing) (?:the|her|his|their|this|a) (?:complaint|matter|council)|trouble (?:and|&) time|(?:time|trouble|effort) (?:\w+ ){0,2}(?:in|of|spent|taken) (?:\w+ ){0,2}(?:pursuing|chasing|complaining|bringing|making (?:the|a|her|his|their) complaint|contacting)|having to (?:pursue|chase|complain|bring|contact|escalate|keep (?:chasing|contacting))|(?:her|his|their) trouble\b|(?:pursu(?:e|ing)|bring(?:ing)?) (?:the|her|his|their|this) complaint|time and trouble|inconvenience of (?:having to )?(?:pursu|complain|chas)\w*)/gi],
  // lost_opportunity. Must match "lost opportunity to ...", "the loss of the opportunity",
  // "missed the chance to", "loss of a chance"; not "opportunity to comment" alone.
  ['lost_opportunity', /\b(?:(?:loss of|lost) (?:her |his |their |the |a )?right (?:of|to) (?:appeal|review|challenge|complain)|lost (?:the |an |a )?(?:\w+ )?(?:opportunit(?:y|ies)|chance)|loss of (?:the |an |a )?(?:\w+ )?(?:opportunit(?:y|ies)|chance)|missed (?:the |an |a )?(?:\w+ )?(?:opportunit(?:y|ies)|chance)|(?:opportunit(?:y|ies)|chance) (?:\w+ ){0,6}(?:lost|missed|denied)|(?:denied|deprived) (?:\w+ )?(?:of )?(?:the |an |a )?(?:opportunit(?:y|ies)|chance))/gi],
  // financial_loss. Must match "to reimburse", "refund the £85 he paid", "the cost of taking Y to
  // school", "legal fees", "lost income", "expenses", "out of pocket"; care fees are taken first.
  ['financial_loss', /\b(?:reimburs\w*|refund\w*|repay\w*|(?:the )?costs? (?:of|she|he|they|incurred|to)|costs?\b(?! (?:the council|it))|expenses?|fees?\b|lost (?:income|earnings|wages|salary|rent|benefits?)|loss of (?:income|earnings|wages|salary|rent|benefits?|money)|financial (?:loss|losses|detriment|hardship|impact)|back-?dat\w* (?:[\w'-]+ ){0,3}(?:benefits?|reduction|discount|exemption|allowance|award|refund)|damage to (?:her|his|their|the) (?:car|vehicle|property|home|house|garden|belongings|possessions)|out of pocket|(?:loss of|lost|damaged?(?: to)?) (?:(?:his|her|their|the) )?(?:personal )?(?:belongings|possessions|property|items|furniture)|(?:money|sums?|amounts?) (?:she|he|they) (?:paid|spent|lost)|overpaid|interest (?:on|at)|charges? (?:she|he|they) paid|travel(?:ling)?(?: costs)?|private (?:\w+ )?(?:assessment|tuition|report))/gi],
  // distress. Must match "distress", "avoidable distress and uncertainty", "upset", "frustration",
  // "anxiety", "worry", "inconvenience", "additional strain", "disruption"; from seeds 000, 003, 004.
  ['distress', /\b(?:distress\w*|upset\w*|uncertaint(?:y|ies)|frustrat\w*|anxi(?:ety|ous)|worr(?:y|ies|ied)|stress\w*|inconvenien\w*|disappointment|embarrass\w*|strain|disruption|disturbance|hurt|injury to feelings|emotional|humiliat\w*|confusion|outrage|annoyance|loss of (?:dignity|privacy)|(?:mental|emotional) (?:health|wellbeing)|well-?being|impact on (?:her|his|their) (?:wellbeing|health|mental health)|avoidable (?:harm|suffering)|suffering)/gi],
];

/**
 * Says nothing of what the payment is for: the injustice in general, a pronoun, "matters".
 * Must match "the injustice it caused", "this", "put matters right"; not "the distress caused".
 */
export const GENERIC_PURPOSE = /^(?:(?:the|any|this|that|her|his|their|[A-Z][a-z]*\.? [A-Z]'s) )?(?:injustice|impact|faults?|failings?|harm|this|that|it|matters?|things)\b/i;

/**
 * The kinds a purpose phrase names, in rule order; empty when it names none.
 * @example purposeKinds('the distress and time and trouble') // ['time_and_trouble', 'distress']
 */
export function purposeKinds(phrase: string | null | undefined): PurposeKind[] {
  if (!phrase) return [];
  // "the distress caused by lost support": the harm is the purpose, what caused it is not (seed 000).
  const cause = CAUSE.exec(phrase);
  if (cause && cause.index > 0) {
    const head = kindsOf(phrase.slice(0, cause.index));
    if (head.length > 0) return head;
  }
  return kindsOf(phrase);
}

/**
 * Where a purpose phrase turns to the harm's cause. Must match "caused by", "because", "due to",
 * "as a result of", "resulting from", "arising from"; not "caused" alone ("the distress caused").
 */
const CAUSE = /\b(?:caused (?:to (?:\w+ ){1,3})?by|because|due to|as a result of|resulting from|arising from|owing to)\b/i;

function kindsOf(phrase: string): PurposeKind[] {
  let text = normaliseQuotes(phrase);
  const out: PurposeKind[] = [];
  for (const [kind, re] of PURPOSE_RULES) {
    re.lastIndex = 0;
    if (!re.test(text)) continue;
    out.push(kind);
    re.lastIndex = 0;
    text = text.replace(re, ' ');
  }
  return out;
}

/** Words before an amount that say what it is for ("reimburse Ms Q the", "a backdated direct payment of"). */
export const LEAD_PURPOSE = /\b(?:reimburs\w*|refund\w*|repay\w*|back-?dat\w*|direct payments?|personal budget|top[- ]?up|care (?:fees|costs))\b/i;

/** Sentences that find a harm ("which caused her avoidable distress"), read when the payment only says "to remedy this". */
export const FOUND_HARM = /\b(?:caus(?:ed|es|ing)|le(?:d|ft)|meant|put|suffered|experienced|resulted in)\b/i;

/** Reported speech, whose harms are the complainant's claim, not the decision's finding. */
export const CLAIMED_HARM = /\b(?:complain\w*|says?|said|feels?|felt|believes?|claims?|wants?|asked)\b/i;
