/**
 * @file The outcome: as displayed on the Decision line, or, without one, read from what the
 * decision says of itself (flagged inferred). Where the text does not say, null.
 */
import { normaliseQuotes } from './patterns.js';
import { splitSentences } from './sentences.js';

const NOT_UPHELD = /\b(?:i|we) (?:do|did|have|will) not uphold\b|\bnot uphold(?:ing)? (?:this|the|mr|mrs|ms|miss|her|his)\b/i;
const UPHELD = /\b(?:i|we) (?:uphold|have upheld|upheld|am upholding)\b|\b(?:the ombudsman|ombudsman|the investigator) (?:upholds|has upheld|upheld)\b/i;
const CLOSED = /\b(?:i|we|the ombudsman) (?:will|shall|did|have decided|decided|has decided) not (?:to )?investigate\b|\b(?:i|we) (?:will|shall) not (?:be )?(?:investigat|consider)|\b(?:we|i|the ombudsman) (?:cannot|can ?not|could not) (?:investigate|consider) (?:this|the|mr|mrs|ms|miss|her|his)\b/i;
/** "no fault", "did not find fault", "not at fault", "no evidence of fault". */
const NO_FAULT = /\bno (?:evidence of )?fault\b|\bnot (?:found|find|identified) (?:any )?(?:evidence of )?fault\b|\bdid not find (?:any )?(?:evidence of )?fault\b|\bnot at fault\b|\bwithout fault\b|\bnot (?:be )?fault\b/i;
const NO_FAULT_ALL = new RegExp(NO_FAULT.source, 'gi');
/** "found fault", "find the Council at fault", "This was fault", "fault by the Council causing injustice". */
const FAULT = /\bfault found\b|\b(?:injustice|distress|harm) caused by (?:the |its |this |that )?(?:[\w']+ )?faults?\b|\b(?:found|find|finds|identified)\b[^.]{0,60}\bfault\b|\b(?:was|is|were|are) (?:also )?fault\b|\bat fault\b|\bfaults? by the\b|\bfaults? (?:which|that) caused\b/i;

/** "We find the Council's delay ... caused injustice to Mrs X": a finding of injustice (the Summary's). */
const INJUSTICE = /\b(?:find|found|finds)\b[^.]{0,200}\bcaused?\b[^.]{0,30}\binjustice\b/i;
const NO_INJUSTICE = /\bnot\b[^.]{0,30}\binjustice\b|\bno (?:significant )?injustice\b/i;

/** A sentence in which the decision speaks for itself. */
const OURS = /^\s*(?:we|i) (?:have |has )?(?:also )?(?:find|found|consider|considered|uphold|upheld)\b/i;
/** The organisation agreed to, or will, apologise or pay. */
const REMEDY_AGREED = /\b(?:has |have )?(?:agreed to|will)\b(?: also)? (?:apologi[sz]e|pay\b|make (?:a |an )?(?:\w+ )?payment)/i;

/** Sentences reporting the complainant's view, which say nothing of the decision's finding. */
const REPORTED = /\b(?:complains?|complained|says?|said|alleges?|alleged|believes?|feels?|asked|wants?)\b/i;

/**
 * Infers the outcome from paragraphs in order of authority (final decision, Summary, ...):
 * the first paragraph that says anything decides. Positive fault findings outrank "no fault"
 * found on other points (gold 21-000-568).
 * @example inferOutcome(['I uphold this complaint.']) // 'Upheld'
 */
export function inferOutcome(paragraphs: string[]): string | null {
  for (const paragraph of paragraphs) {
    // "We have found fault ... the checks it said it would complete": our finding, not reported speech.
    const sentences = splitSentences(normaliseQuotes(paragraph)).filter((s) => !REPORTED.test(s) || OURS.test(s));
    if (sentences.some((s) => NOT_UPHELD.test(s))) return 'Not upheld';
    if (sentences.some((s) => UPHELD.test(s))) return 'Upheld';
    if (sentences.some((s) => CLOSED.test(s))) return 'Closed after initial enquiries';
    // "no fault in the decision but fault in how it handled the complaint" still finds fault.
    if (sentences.some((s) => FAULT.test(s.replace(NO_FAULT_ALL, ' ')) || (INJUSTICE.test(s) && !NO_INJUSTICE.test(s)))) return 'Upheld';
    if (sentences.some((s) => NO_FAULT.test(s))) return 'Not upheld';
    // Nothing said of fault, but a remedy agreed: "The care provider will also apologise to Mrs W and make a symbolic payment".
    if (sentences.some((s) => REMEDY_AGREED.test(s))) return 'Upheld';
  }
  return null;
}
