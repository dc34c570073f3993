/**
 * @file Remedy kinds from the wording of one action ("apologise to Mrs X", "pay Mr X £150",
 * "remind its staff ..."). Ordered rules, first match wins, so "provide him with contact
 * details" is provide_information before "improve ... communication" reads as a service
 * improvement (seed 002), and "review its processes" is a service improvement, not a review
 * of a decision (seed 004).
 */
import type { RemedyKind } from '../schema/record.js';
import { ACTION_START, normaliseQuotes, RESTATES } from './patterns.js';

/** Someone named by title or by role ("the mother", "the young person", "each family"). */
const PERSON = String.raw`(?:him|her|them|mr\.? \w+|mrs\.? \w+|ms\.? \w+|miss \w+|mx \w+|dr\.? \w+|(?:the|each|both|his|her|their) (?:famil(?:y|ies)|complainants?|residents?|tenants?|parents?|mother|father|man|woman|son|daughter|young (?:person|people)|child(?:ren)?|couple|carers?|grandparents?|neighbours?|applicants?|claimants?|representatives?|advocate))`;

/** Ordered kind rules; each must match an action, not a mere mention of the word. */
export const KIND_RULES: Array<[RemedyKind, RegExp]> = [
  ['apology', /\bapologi[sz]|\bapology\b|\bapologies\b/i],
  ['refund_or_waive', /\brefund|\bwaive|\bwrite[- ]?off\b|\bwritten off|\bcancel (?:the |its |any |his |her |their )?(?:\w+ )?(?:penalty|charges?|invoices?|debt|pcn|fine|bill|arrears|fees?)|\bremov(?:e|al of) (?:the |any )?(?:[\w-]+ ){0,3}(?:charges?|debt|fees?|penalty)|\brepay (?:all |part of |any |some of )?(?:the |its |his |her |their )?(?:[\w-]+ ){0,2}(?:fees|charges)\b|\b(?:apply|make|give) (?:a |him a |her a |them a )?credit\b|\bcredit (?:his|her|their|the) (?:\w+ )?account|\bnot (?:to )?(?:pursue|recover|seek to recover|enforce) (?:the |any )?(?:debt|arrears|charges?|fees?|overpayment)/i],
  ['payment', /\bpay\b|\bpays\b|\bpaying\b|(?<!\bdeferred )\bpayments?\b(?! agreements?\b)|£\s?\d|\bpounds\b|\bcompensat|\bfinancial (?:remedy|redress|recognition)|\bsymbolic (?:sum|amount)|\breimburse|\brepay/i],
  ['action_plan', /\baction plan\b/i],
  ['staff_training_or_reminder', /\bremind|\breminder|\btraining\b|\bstaff briefings?\b|\bguidance (?:to|for) (?:its |all |relevant )?(?:staff|officers|employees|social workers)\b|\b(?:staff|officers|employees) (?:are|is|were|be) (?:\w+ )?trained\b|\btrain (?:its|relevant|all|the)\b|\bbrief(?:ing)? (?:its |relevant |all )?(?:staff|officers|employees)|\b(?:share|circulate|disseminate) (?:this |the |our )?(?:decision|findings|learning|statement) (?:with|to|among) (?:its |relevant |all |the )?(?:staff|officers|social workers|teams?|employees)/i],
  ['reassessment', /\bre-?assess|\b(?:backdate|redo|re-do) (?:a |the |her |his |their )?(?:\w+ )?assessment|\b(?:new|fresh|updated|further|full|proper|statutory) (?:[\w']+ ){0,3}assessments?\b|\b(?:carry out|complete|undertake|arrange|conduct|start|begin) (?:a |an |the )?(?:[\w']+ ){0,4}(?:assessments?|review of (?:her|his|their|the) (?:care|needs|support))|\bassess (?:her|his|their|mr \w+|mrs \w+|ms \w+|miss \w+)\b|\breview (?:her|his|their|the) (?:care|support) (?:plan|package|needs)|\bre-?calculat/i],
  ['review_decision', /\breconsider|\b(?:new|fresh|further|second) (?:independent )?appeal(?: hearing| panel)?\b|\bre-?hear(?:ing)? (?:the |his |her |their )?(?:\w+ )?appeal|\bright of review\b|\bstatutory review\b|\brevisit|\bre-?review|\breview (?:its|the|her|his|their|this|that) (?:\w+ )?(?:decision|application|eligibility|banding|band|priority|request|refusal|claim)|\b(?:consider|consideration of) (?:the|an?|her|his|their|mr \w+'s|mrs \w+'s|ms \w+'s|miss \w+'s) (?:\w+ )?(?:request|application|claim|appeal)|\b(?:take|make|reach) a (?:new|fresh) decision|\b(?:decide|determine) (?:the|her|his|their|mr \w+'s|mrs \w+'s|ms \w+'s|miss \w+'s) (?:\w+ )?(?:application|request|claim|appeal)|\bfresh decision|\b(?:decide|consider) (?:again )?(?:whether|if)\b/i],
  ['meeting', new RegExp(String.raw`\b(?:arranges?|holds?|offers?|organi[sz]es?|sets? up|attends?|have|has|convenes?)(?: to)? (?:a |an |the )?(?:[\w-]+ )?(?:meeting|meet)\b|\bmeets? (?:with )?${PERSON}|\boffers? to meet`, 'i')],
  ['provide_information', new RegExp(String.raw`(?<!\b(?:policy|policies|guidance|procedures?|website|leaflet) to )\bexplain(?!ed (?:at the end|below|later|in (?:this|the|our) (?:statement|decision)))|\bexplanation|\b(?:provide|give|send|share with|supply)(?: with)? ${PERSON}\b|contact details|\b(?:provide|send|give|supply|share)(?![^.;]*\b(?:polic(?:y|ies)|procedures?|guidance|action plan|us|me|the ombudsman|staff|officers)\b)(?: ${PERSON}(?: with)?)? (?:(?:a|an|the|any|all|full|written|copies|its|his|her|their) )*(?:[\w-]+ ){0,2}(?:breakdown|list|cop(?:y|ies)|records?|details|explanation|chronology|timeline|summary|account)\b|\b(?:inform|tell|write to|advise|update) ${PERSON}\b|\bcopy of (?:the|its|his|her|their) (?:records|file|report|assessment|notes|documents|plan)|\bshare (?:the |a |its )?(?:copy|records|documents|information|notes|minutes)`, 'i')],
  ['service_improvement', /\bprocedures?\b|\bprocedural\b|\bservice recommendations?\b|\breview what (?:happened|went wrong)|\b(?:carried out|implemented|completed) the recommendations|\brecommendations of the (?:\w+ )?review\b|\bpolic(?:y|ies)\b|\bpractices?\b|\bprocess(?:es)?\b|\baudit|\blessons?\b|\bimprov|\bprevent\b|\brecurrence|\breoccurrence|\bin (?:the )?future\b|\bcontrols\b|\bsystems?\b|\bguidance (?:to|for) (?:staff|officers)|\baction to address|\bensure\b|\bimplement|\bmonitor|\bservice provision|\b(?:inform|write to|contact) all\b|\bidentify (?:any )?(?:other|others)|\bothers? (?:affected|in (?:a )?similar)|\bchanges? to (?:its|their|the)\b|\bchange (?:the way|how) (?:it|they)\b|\bupdate (?:its|their|the) (?:website|leaflet|information|guidance|templates?|letters?|records)|\b(?:amend|update|revise|review|change|rewrite|redraft)s? (?:its|their) (?:[\w-]+ ){0,3}(?:information|contracts?|terms(?: and conditions)?|templates?|standard letters?|leaflets?|website|forms?|handbook|agreements?)\b/i],
];

const RESTATED_SUM = new RegExp(String.raw`${RESTATES} £\s?[\d,.]+`, 'gi');

/** Verbs that make a clause an action even when no kind rule matches ("arrange alternative accommodation"). */
const OTHER_ACTION = /^(?:to |and |also |then )?(?:commission|arrange|finali[sz]e|attend|issue (?:a|an|the|his|her|their) |provide|find|secure|source|fund|reinstate|restore|repair|install|adapt|allocate|rehouse|award|backdate|amend|correct|remove|delete|move|complete (?:the )?works|carry out (?:the )?(?:works|repairs)|offer (?:a|an|the|him|her|them) (?!apology|payment)|give (?:him|her|them|mr|mrs|ms|miss) (?:priority|a|an)|put in place|set up|make (?:the|any) (?:repairs|adaptations|changes to (?:his|her|their)))/i;

/** Wording that is never a remedy: compliance reporting and cross-references to other actions. */
const NOT_A_REMEDY = /\b(?:not|never|refused to|refuses to|declined to|won't)\s+(?:\w+\s+){0,2}(?:pay|make|apologi[sz]e|offer|refund|review|reconsider|arrange|provide|carry|reassess|assess)\b|\b(?:provide|send|give) (?:us|me|the ombudsman) (?:with )?(?:evidence|confirmation|proof) (?:that |of )?(?:it|the council|they|its|their)? ?(?:has |have )?(?:complied|compliance|done so|taken the above)|\bevidence (?:that )?(?:it|the council) has complied|\bthe above (?:actions?|remedies|recommendations)|^(?:\w+ ){0,3}remedy (?:this|that|the) injustice\.?$|\b(?:we|i) (?:will )?(?:explain|set out|describe) (?:the )?(?:action|actions|remed)|\bpublication of (?:this|the|our) report\b/i;

/**
 * The kinds of one action clause, first by priority; apology and payment are also added when
 * both are named ("offered Mrs X an apology and £200", seed 000). Empty when it is no action.
 * @example clauseKinds('Pay Mr X £150 for extra time and trouble') // ['payment']
 */
export function clauseKinds(clause: string): RemedyKind[] {
  // "settle the invoice ... This is £19,898.": a sum restated is not a payment named.
  const text = baseVerb(normaliseQuotes(clause).replace(RESTATED_SUM, ' ').trim());
  if (!text || NOT_A_REMEDY.test(text)) return [];
  const kinds: RemedyKind[] = [];
  for (const [kind, re] of KIND_RULES) {
    if (re.test(text)) {
      kinds.push(kind);
      break;
    }
  }
  if (kinds.length === 0) {
    if (OTHER_ACTION.test(text.replace(/^(?:(?:the council|it|the organisation|the provider) )?(?:has |have )?(?:also )?(?:agreed to|agrees to|will|should|must)\s+(?:also\s+)?/i, ''))) kinds.push('other');
    return kinds;
  }
  if (kinds[0] !== 'apology' && KIND_RULES[0]![1].test(text)) kinds.push('apology');
  if (kinds[0] !== 'refund_or_waive' && KIND_RULES[1]![1].test(text)) kinds.push('refund_or_waive');
  if (kinds[0] !== 'payment' && /£\s?\d/.test(text) && kinds[0] !== 'refund_or_waive') kinds.push('payment');
  return kinds;
}

/** The subject and auxiliaries an action may open with ("the council will", "it has agreed to", "and also"). */
const LEAD = /^((?:(?:the (?:council|organisation|provider|care provider|care home)|it|they) )?(?:(?:has |have )?agreed to |will |should |must )?(?:also |then |and |to )*)([a-z-]+)\b/i;

/**
 * "reviews its decision", "carries out an assessment", "reassesses her needs": an action written
 * with a third-person verb (older pages' action lists) is read as its base form, so every kind rule
 * that names the verb applies ("review its decision").
 * @example baseVerb('reviews its decision') // 'review its decision'
 */
export function baseVerb(text: string): string {
  const m = LEAD.exec(text);
  if (!m) return text;
  const word = m[2]!;
  const base = /ies$/i.test(word) ? `${word.slice(0, -3)}y` : /(?:ss|sh|ch|x)es$/i.test(word) ? word.slice(0, -2) : /[^s]s$/i.test(word) ? word.slice(0, -1) : word;
  if (base === word) return text;
  const verb = ACTION_START.exec(base);
  return verb && verb[0].length === base.length ? `${m[1]}${base}${text.slice(m[0].length)}` : text;
}

/** Verbs that start a new action inside a list written as one sentence. */
const SPLIT_VERBS = String.raw`(?:apologi[sz]e|pay|make|take|act|finali[sz]e|attend|carry|arrange|review|reconsider|revisit|remind|provide|share|issue|write|meet|hold|develop|produce|create|refund|waive|consider|complete|assess|re-?assess|ensure|tell|explain|inform|offer|update|amend|improve|introduce|train|audit|prepare|publish|remove|cancel|reimburse|backdate|contact|give|send|put|set up|appoint|undertake|identify|confirm|check|reinstate|restore|repay|award|allocate|find|secure|commission|fund|start|begin|decide|report|share|circulate|deliver|implement|monitor|change|revise)`;

/** "remedy this by apologising to Mr X, making a payment ...": after a comma only ("for assessing and providing support" is one action). */
const GERUNDS = String.raw`(?:making|paying|providing|reviewing|arranging|issuing|offering|reminding|taking|refunding|reconsidering|explaining)`;

/** An action written as a noun in a list ("an apology, £1,900 payment, removal of ... charges, reimbursement of expenses, a time and trouble payment"). */
const NOUN_ACTION = String.raw`(?:(?:removal|reimbursement|repayment|reconsideration|consideration|review|refund|waiver|cancellation|provision|reassessment) of\b|(?:an?\s+|£\s?[\d,.]+\s+)(?:[\w-]+\s+){0,3}payment\b)`;

const CLAUSE_SPLIT = new RegExp(String.raw`\s*;\s*(?:and\s+)?|,?\s+(?:along with|as well as|together with|in addition to)\s+|,\s*(?:and\s+)?(?=(?:${SPLIT_VERBS}s?|${GERUNDS})\b)|,\s*(?=to\s+(?:pay|make (?:a|an) (?:[\w-]+ )?payment)\b)|\s+and\s+(?=(?:to\s+)?${SPLIT_VERBS}s?\b)|,\s*(?=(?:an?\s+)?(?:(?:symbolic|financial|small|modest|further|token)\s+(?:payment|remedy)|procedural changes|apology|explanation|payment|refund|reminders?|training|review|meeting|action plan|service improvements?|reassessment|new assessment)\b)|\s+and\s+(?=(?:an?\s+)?(?:(?:symbolic|financial|small|modest|further|token)\s+(?:payment|remedy)|procedural changes|apology|explanation|payment|refund|tighter|reminders?|training|review|meeting|action plan|service improvements?|reassessment|new assessment)\b)|(?:,\s*(?:and\s+)?|\s+and\s+)(?=${NOUN_ACTION})`, 'gi');

/**
 * Splits a sentence that lists several actions ("apologise, make a payment and assess her
 * council tax reduction") into one clause per action.
 */
export function splitClauses(sentence: string): string[] {
  const out: string[] = [];
  for (const part of sentence.split(/\s*;\s*(?:and\s+)?/)) {
    // "apologise to Mrs X for its failure to ... hold a meeting": what follows "for" are reasons.
    if (/\bapologi[sz]e(?: to (?:(?! and )[^,;.]){1,40}?)? for\b/i.test(part)) {
      // The apology keeps its reasons up to the next payment; what follows is split as usual.
      const at = /(?:,\s*(?:and\s+)?|\s+and\s+)(?=(?:to\s+)?(?:pay|make (?:(?:him|her|them|mr \w+|mrs \w+|ms \w+|miss \w+) )?(?:a|an) (?:\w+ )?payment)\b)/i.exec(part);
      out.push(at ? part.slice(0, at.index) : part);
      if (at) out.push(...part.slice(at.index + at[0].length).split(CLAUSE_SPLIT));
    } else out.push(...foldReminded(part.split(CLAUSE_SPLIT)));
  }
  return out.map((c) => c.trim()).filter(Boolean);
}

/** "remind staff to provide Care and Support Plans ..., to complete ... and to provide early information ...". */
const REMIND_TO = /\bremind (?:its |the |all |relevant )?(?:[\w-]+ )?(?:staff|officers|workers|employees|team|managers)\b[^.;]*?\bto\b/i;
/** A clause that goes on saying what staff are reminded to do, not a new action for the organisation (never a payment or apology). */
const REMINDED_ITEM = /^\s*to\s+(?!pay\b|make (?:\w+ )?(?:a|an) (?:\w+ )?payment\b|apologi[sz]e\b)/i;

/** Keeps the "to ..." items after "remind staff to ..." with the reminder (eval2 24-019-903). */
function foldReminded(clauses: string[]): string[] {
  const out: string[] = [];
  for (const c of clauses) {
    const prev = out[out.length - 1];
    if (prev !== undefined && REMIND_TO.test(prev) && REMINDED_ITEM.test(c)) out[out.length - 1] = `${prev} and ${c.trim()}`;
    else out.push(c);
  }
  return out;
}
