/**
 * @file Where remedies are written: the units (one action each, or one sentence listing
 * actions) that remedies and payments are read from, in order of authority:
 * 1. Agreed action / Recommendations (and their sub-headings): each item, with its lead-in's
 *    deadline ("within four weeks ..., the Council has agreed to:");
 * 2. without such a section: the Final decision's and the Summary's sentences that say what the
 *    organisation agreed, will or should do, and, where the decision finds the organisation's
 *    own remedy appropriate, the offer it endorses (seed 000).
 */
import type { Remedy } from '../schema/record.js';
import type { RawSection } from './structure.js';
import { normaliseQuotes } from './patterns.js';
import { splitSentences } from './sentences.js';
import { clauseKinds, splitClauses } from './remedy-kinds.js';

export interface RemedyUnit {
  text: string;
  source: Remedy['source'];
  deadline: string | null;
  status: 'agreed' | 'recommended' | 'endorsed_offer';
  /** The paragraph the unit belongs to (units of one paragraph share it): for per-unit totals. */
  paragraph: string;
  section: string | null;
  /** Read the unit's kind from this text only, as one action (a lead-in "apologise to Mrs X for:" with its reasons). */
  classifyAs?: string;
}

/**
 * A deadline as written. Must match "within four weeks from the date of our final decision",
 * "within three months of my final decision", "by 6 August 2021"; not "within 20 working days to respond".
 */
const DEADLINE = /\b([Ww]ithin (?:\w+|\d+) (?:working |calendar )?(?:days?|weeks?|months?)(?: (?:of|from|after) (?:the date of |receiving |the )?(?:my|our|this|the|its) (?:final )?(?:decision|statement|report)(?: statement)?)?|[Bb]y (?:the end of )?\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+ \d{4}|[Bb]y (?:the end of )?[A-Z][a-z]+ \d{4})/;

/** Sentences that say what the organisation agreed, will or should do. */
const TRIGGER = /\b(?:agreed?|agrees) to\b|\bwill\b|(?<!\bin case (?:[\w']+ ){1,3})\bshould(?=,| (?!and\b|or\b|have\b)[a-z])|\b(?:i|we|ombudsman) (?:have |has )?(?:also )?recommend|\b(?:we|i) (?:have |had )?(?:also )?asked (?:the )?(?:council|organisation|provider|care provider|care home|it)\b|\b(?:is|are) (?:also )?asked to\b|^recommendations? (?:for|to)\b|\brecommends? (?:that )?the (?:council|organisation|provider|care provider)\b|\brecommended (?:that )?the (?:council|organisation|provider)|\b(?:my|our) recommendations?\b|\bto (?:remedy|put (?:this|matters?|things) right)|\bha(?:s|ve|d) (?:already |now )?(?:apologised|paid|offered|agreed|refunded|reimbursed|remedied)|\boffered (?:an? )?(?:appropriate|suitable|reasonable|adequate|proportionate)|\bagreed actions?\b|\baccepted (?:my|our|the) recommendations?/i;

/** A sentence that names its remedies before saying they suffice ("An apology, payment ... is satisfactory remedy"). */
const TRAILING_TRIGGER = /\b(?:is|are|was|were|would be|provides?) (?:an? )?(?:satisfactory|suitable|appropriate|sufficient|adequate|proportionate|fair) (?:remedy|remedies|way to remedy)\b|\b(?:is|are|has been|have been) (?:also )?agreed\b|\bremed(?:y|ies) (?:the|this|that|her|his|their|any) (?:\w+ )?(?:injustice|inconvenience|distress|uncertainty|frustration)/i;

/** Sentences that describe the complaint or a fault, not a remedy. */
const NOT_TRIGGER = /\b(?:complains?|complained)\b|\b(?:says?|said|wants?|wanted|(?<!\b(?:we|i) (?:have |had )?(?:also )?|\b(?:is|are) (?:also )?)asked|believes?|feels?|(?<!\b(?:a|an|the|any|his|her|their|its) )claims?)\b|\bcannot\b|\bwould not\b|\b(?:we|i|the ombudsman) (?:will|shall|do|did|can|could) not (?:investigate|consider|look|pursue)\b|\bnot (?:to )?investigate\b/i;

/**
 * "To remedy the injustice, the Care Provider should apologise, ...": a recommendation lead-in
 * naming any organisation (council, care provider, school, trust, a named company) before its
 * modal. What follows the modal is the remedy, so reported-speech words there ("when it wants to
 * end a service") describe the action and do not make the sentence the complainant's words.
 */
const REMEDY_LEAD = /^to (?:remedy|put right|address) (?:the|this|that|these|those|her|his|their|its) (?:[\w-]+ ){0,2}?(?:injustice|faults?|matters?|distress)(?: (?:caused|identified|found))?(?: (?:to|by|for) [^,]{1,40}?)?,?\s+(?:[\w'&.-]+ ){1,6}?(?:has |have )?(?:also )?(?:should|will|must|agreed to|agrees to|is to|are to)\b/i;

/** "The Council should have assessed her": a fault, when it comes before any remedy wording ("agreed to review whether she should have ..." is a remedy). */
const FAULT_HEAD = /\b(?:should|would|could) have\b/i;

/** The decision finds an offer or remedy good enough. */
const ENDORSE = /\b(?:appropriate|suitable|satisfied|reasonable|proportionate|sufficient|adequate|fair|welcome)\b/i;
const NEGATED_ENDORSE = /\b(?:not|never|no longer)\b[^.]*\b(?:appropriate|enough|sufficient|adequate|reasonable|suitable|proportionate)\b|\b(?:insufficient|inadequate|inappropriate|too low)\b/i;
const OFFER = /\boffer(?:ed|s)?\b|\bha(?:s|ve) (?:already )?(?:apologised|paid|agreed)|\bagreed to\b|\bapologised\b/i;

/** Finds a deadline in a text, as written. */
export function findDeadline(text: string): string | null {
  return DEADLINE.exec(text)?.[1] ?? null;
}

/** Collects the remedy units of a decision (see the file header for the order of authority). */
export function collectRemedyUnits(sections: RawSection[], summary: string | null): RemedyUnit[] {
  const action = sections.filter((s) => s.topKind === 'action');
  if (action.length > 0 && action.some((s) => s.blocks.length > 0)) return actionUnits(action);
  const units: RemedyUnit[] = [];
  for (const s of sections.filter((x) => x.topKind === 'final_decision')) {
    // "The council will also:" followed by items: each item is an action.
    let lead: RemedyUnit | null = null;
    for (const [i, b] of s.blocks.entries()) {
      const id = `${s.heading}#${i}`;
      if (lead && b.type === 'item') {
        units.push({ ...lead, text: b.text, deadline: findDeadline(b.text) ?? lead.deadline, paragraph: id });
        continue;
      }
      const own = triggerUnits(b.text, 'final_decision', id, s.heading);
      lead = /:\s*$/.test(b.text) ? (own[0] ?? null) : null;
      if (!lead) units.push(...own);
    }
  }
  for (const s of sections.filter(isAnalysis)) {
    for (const [i, b] of s.blocks.entries()) {
      const sentences = splitSentences(b.text);
      // The paragraph must find something good enough, and not say it is not ("I do not consider this is appropriate").
      if (!sentences.some((x) => ENDORSE.test(x) && !NEGATED_ENDORSE.test(normaliseQuotes(x)))) continue;
      for (const sentence of sentences) {
        const t = normaliseQuotes(sentence);
        if ((OFFER.test(t) || /\boffer of\b/i.test(t)) && !NEGATED_ENDORSE.test(t)) {
          units.push({ text: sentence, source: 'endorsed_offer', deadline: null, status: 'endorsed_offer', paragraph: `${s.heading}#${i}`, section: s.heading });
        }
      }
    }
  }
  if (summary) units.push(...triggerUnits(summary, 'summary', 'summary', null));
  units.push(...referredOffers(sections, summary, units));
  return units;
}

/** "The Council's offer ... is a reasonable settlement": an offer endorsed by name, without its amount. */
const OFFER_NAMED = /\b(?:(?:council|organisation|provider|care home|school|trust)'s|its|the) (?:\w+ )?offer\b(?! of\b)/i;
/** "offering compensation of £400 to Ms X", "offered Mrs X £250": the offer itself, with its amount. */
const OFFER_MADE = /\b(?:offer(?:ed|ing|s)?)\b[^.]{0,80}£\s?\d/i;

/**
 * When the decision endorses the organisation's offer by name ("The Council's offer ... is also a
 * reasonable settlement") and says no amount there, the offer is the one the analysis describes
 * with its amount; what it agreed earlier in another complaint ("agreed to pay") is not.
 */
function referredOffers(sections: RawSection[], summary: string | null, units: RemedyUnit[]): RemedyUnit[] {
  const endorsing = [summary ?? '', ...sections.filter((s) => isAnalysis(s) || s.topKind === 'final_decision').flatMap((s) => s.blocks.map((b) => b.text))]
    .flatMap((p) => splitSentences(p))
    .map(normaliseQuotes)
    .some((t) => OFFER_NAMED.test(t) && ENDORSE.test(t) && !NEGATED_ENDORSE.test(t) && !/£\s?\d/.test(t));
  if (!endorsing) return [];
  const have = new Set(units.map((u) => u.text));
  const out: RemedyUnit[] = [];
  for (const s of sections.filter(isAnalysis)) {
    for (const [i, b] of s.blocks.entries()) {
      for (const sentence of splitSentences(b.text)) {
        const t = normaliseQuotes(sentence);
        if (!OFFER_MADE.test(t) || NEGATED_ENDORSE.test(t) || NOT_TRIGGER_OFFER.test(t) || have.has(sentence)) continue;
        out.push({ text: sentence, source: 'endorsed_offer', deadline: null, status: 'endorsed_offer', paragraph: `${s.heading}#${i}`, section: s.heading });
      }
    }
  }
  return out;
}

/** An offer that was refused, withdrawn or replaced is not the one endorsed. */
const NOT_TRIGGER_OFFER = /\b(?:refused|rejected|declined|withdr[ae]w\w*|previous(?:ly)?|original(?:ly)?|initial(?:ly)?|increased?)\b/i;

function isAnalysis(s: RawSection): boolean {
  if (['analysis', 'conclusions', 'assessment'].includes(s.topKind)) return true;
  return s.kind === 'other' && /analysis|finding|conclusion|consideration/i.test(s.heading) && !/^what (i|we) found$/i.test(s.heading);
}

/** "The Council agreed to our recommendations." ... */
const AGREED_TO_REMEDY = /\b(?:agreed?|agrees|accepted|accepts)\b[^.]*\b(?:recommendations?|remed(?:y|ies)|actions?)\b/i;
/** ... "This included providing an apology and £1,000 payment ...": the remedies, named. */
const LISTS_THEM = /^(?:this|these|they|which|it) (?:included|includes?|will include|comprised?|involved?|involves)\b/i;

function triggerUnits(paragraph: string, source: 'final_decision' | 'summary', id: string, section: string | null): RemedyUnit[] {
  const out: RemedyUnit[] = [];
  let agreedBefore = false;
  for (const sentence of splitSentences(paragraph)) {
    const t = normaliseQuotes(sentence);
    const listed = agreedBefore ? LISTS_THEM.exec(t.trim()) : null;
    agreedBefore = AGREED_TO_REMEDY.test(t) && !NOT_TRIGGER.test(t);
    if (listed) {
      out.push({ text: sentence.trim().slice(listed[0].length), source, deadline: findDeadline(sentence), status: 'agreed', paragraph: id, section });
      continue;
    }
    const trigger = TRIGGER.exec(t);
    // "The Council offered £250, which we consider appropriate": an endorsed offer.
    const endorsed = !trigger && OFFER.test(t) && ENDORSE.test(t) && !NEGATED_ENDORSE.test(t);
    const head = trigger ? t.slice(0, trigger.index + trigger[0].length + 8) : t;
    const lead = REMEDY_LEAD.exec(t.trim());
    if (lead && !NOT_TRIGGER.test(lead[0]) && !FAULT_HEAD.test(t.slice(0, lead[0].length + 8))) {
      const status = /\b(?:should|must)\b/i.test(lead[0]) ? 'recommended' : 'agreed';
      out.push({ text: sentence.trim(), source, deadline: findDeadline(sentence), status, paragraph: id, section });
      continue;
    }
    if (NOT_TRIGGER.test(t) || FAULT_HEAD.test(head) || (!trigger && !endorsed && !TRAILING_TRIGGER.test(t))) continue;
    // What follows "agreed to" / "should" is the remedy; what precedes it describes the faults.
    const text = trigger && !TRAILING_TRIGGER.test(t) ? sentence.slice(subjectStart(t, trigger.index)) : sentence;
    // Any "asked" left after NOT_TRIGGER is the Ombudsman's ("We have asked the Council to pay").
    const status = endorsed ? 'endorsed_offer' : /\b(?:should|recommend|asked)/i.test(t) ? 'recommended' : 'agreed';
    out.push({ text, source, deadline: findDeadline(sentence), status, paragraph: id, section });
  }
  return out;
}

function actionUnits(sections: RawSection[]): RemedyUnit[] {
  const out: RemedyUnit[] = [];
  for (const s of sections) {
    const recommended = /recommend/i.test(s.heading);
    let lead: { deadline: string | null; depth: number; ownKind: boolean; unit: RemedyUnit | null } | null = null;
    for (const [i, b] of s.blocks.entries()) {
      const text = b.text;
      const status = recommended || /\brecommend/i.test(text) ? 'recommended' : 'agreed';
      const own = findDeadline(text);
      const isLead = /:\s*$/.test(text);
      // Items under a lead-in that is itself an action ("apologise to Mrs X for:") are its reasons.
      if (lead?.ownKind && lead.unit && b.type === 'item' && (b.depth > lead.depth || (b.depth === lead.depth && clauseKinds(text).length === 0)) && !isLead) {
        lead.unit.text = `${lead.unit.text} ${text}`;
        continue;
      }
      if (b.type !== 'item' && !isLead && lead && !own) lead = null;
      const unit: RemedyUnit = { text, source: recommended ? 'recommendation' : 'agreed_action', deadline: own ?? lead?.deadline ?? null, status, paragraph: `${s.heading}#${i}`, section: s.heading };
      if (isLead) {
        const ownKind = clauseKinds(text.replace(/^.*?\b(?:agreed to|will|should|recommend(?:ed)?(?: that)?(?: the council)?)\b/i, '')).length > 0;
        if (ownKind) unit.classifyAs = text;
        lead = { deadline: own, depth: b.depth, ownKind, unit: ownKind ? unit : null };
        if (ownKind) out.push(unit);
        continue;
      }
      out.push(unit);
    }
  }
  return out;
}

/** The clauses a unit's remedies are read from: one per action it lists. */
export function unitClauses(unit: RemedyUnit): string[] {
  return unit.classifyAs ? [unit.classifyAs] : splitClauses(unit.text);
}

/** Each clause of a unit with its kinds, worked out once per unit (remedies and payments both read them). */
export function unitActions(unit: RemedyUnit): Array<{ clause: string; kinds: ReturnType<typeof clauseKinds> }> {
  const cached = actionCache.get(unit);
  if (cached) return cached;
  const actions = unitClauses(unit).map((clause) => ({ clause, kinds: clauseKinds(clause) }));
  actionCache.set(unit, actions);
  return actions;
}

const actionCache = new WeakMap<RemedyUnit, Array<{ clause: string; kinds: ReturnType<typeof clauseKinds> }>>();

/** Where the clause of a trigger starts: its subject ("The Council", "It") when one stands just before. */
function subjectStart(sentence: string, at: number): number {
  const before = sentence.slice(Math.max(0, at - 60), at);
  const subject = /\b(?:the (?:council|organisation|provider|care provider|care home)|it|they)\b(?:,[^,]{0,40},)?\s*(?:has |have |had )?(?:also |now |already )?$/i.exec(before);
  return subject ? at - (before.length - subject.index) : at;
}
